package id.satupintu.jobs.serve;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import id.satupintu.pipeline.report.CellText;
import id.satupintu.pipeline.report.SheetColumn;
import id.satupintu.pipeline.report.XlsxWorkbook;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A table of figures as the client asked for it: JSON (with what it is about), CSV (column names as
 * headers, text neutralized for spreadsheets) or XLSX (headers in the language asked for, the
 * report's workbook style, a sheet saying what the table is). A suppressed value is null in JSON and an
 * empty cell in CSV and XLSX, with the row's {@code suppressed} column naming it.
 */
final class FiguresResponse {
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private FiguresResponse() {}

    /** What a table is about, written beside it in each format. */
    record About(String figures, FigureRequest request, String grain, Integer threshold, String warehouse) {}

    static ResponseEntity<?> of(Figures figures, About about) {
        return switch (about.request().format()) {
            case "csv" -> download(csv(figures), CSV, about, "csv");
            case "xlsx" -> download(xlsx(figures, about), XLSX, about, "xlsx");
            default ->
                ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json(figures, about));
        };
    }

    static Map<String, Object> json(Figures figures, About about) {
        FigureRequest request = about.request();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("figures", about.figures());
        body.put("period", request.period());
        body.put("programs", request.programs());
        Map<String, Object> wilayah = new LinkedHashMap<>();
        wilayah.put("kode_wilayah", request.wilayah().kode());
        wilayah.put("nama", request.wilayah().nama());
        wilayah.put("level", request.wilayah().level());
        body.put("wilayah", wilayah);
        body.put("grain", about.grain());
        if (about.threshold() != null) {
            Map<String, Object> suppression = new LinkedHashMap<>();
            suppression.put("threshold", about.threshold());
            suppression.put("cells", figures.suppressedCells());
            body.put("suppression", suppression);
        } else {
            body.put("suppression", null);
        }
        body.put("warehouse", about.warehouse());
        List<Map<String, String>> columns = new ArrayList<>();
        for (Figures.Column column : figures.columns()) {
            Map<String, String> described = new LinkedHashMap<>();
            described.put("name", column.name());
            described.put("kind", column.kind().name().toLowerCase(Locale.ROOT));
            columns.add(described);
        }
        body.put("columns", columns);
        body.put("rows", figures.jsonRows());
        return body;
    }

    static byte[] csv(Figures figures) {
        StringWriter text = new StringWriter();
        try (CsvWriter csv =
                CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(text)) {
            writeCsv(csv, figures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeCsv(CsvWriter csv, Figures figures) {
        List<String> header = new ArrayList<>();
        figures.columns().forEach(column -> header.add(column.name()));
        header.add("suppressed");
        csv.writeRecord(header);
        for (int row = 0; row < figures.size(); row++) {
            List<String> values = new ArrayList<>();
            for (Object value : figures.row(row)) {
                values.add(value == null ? "" : CellText.neutralized(value.toString()));
            }
            values.add(String.join(";", figures.suppressed(row)));
            csv.writeRecord(values);
        }
    }

    static byte[] xlsx(Figures figures, About about) {
        ResourceBundle labels = labels(about.request().locale());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxWorkbook workbook = new XlsxWorkbook(out)) {
            FigureRequest request = about.request();
            List<List<String>> lines = new ArrayList<>();
            lines.add(List.of(label(labels, "about.figures"), label(labels, "figures." + about.figures())));
            lines.add(List.of(label(labels, "about.period"), request.period()));
            lines.add(List.of(
                    label(labels, "about.wilayah"),
                    request.wilayah().kode() + " " + request.wilayah().nama()));
            lines.add(List.of(
                    label(labels, "about.programs"),
                    request.programs().isEmpty() ? label(labels, "about.all") : request.programList()));
            lines.add(List.of(label(labels, "about.warehouse"), about.warehouse()));
            lines.add(List.of(
                    label(labels, "about.suppression"),
                    about.threshold() == null
                            ? label(labels, "about.exact")
                            : label(labels, "about.suppressed")
                                    .replace("{0}", about.threshold().toString())));
            workbook.textSheet(label(labels, "about.sheet"), label(labels, "figures." + about.figures()), lines);
            List<SheetColumn> columns = new ArrayList<>();
            for (Figures.Column column : figures.columns()) {
                String header = label(labels, "column." + column.name());
                columns.add(
                        switch (column.kind()) {
                            case TEXT -> SheetColumn.text(header, 18);
                            case COUNT -> SheetColumn.integer(header);
                            case RUPIAH -> SheetColumn.rupiah(header);
                        });
            }
            columns.add(SheetColumn.text(label(labels, "column.suppressed"), 24));
            try (XlsxWorkbook.Table table = workbook.table(label(labels, "figures." + about.figures()), columns)) {
                for (int row = 0; row < figures.size(); row++) {
                    List<Object> values = new ArrayList<>(figures.row(row));
                    values.add(figures.suppressed(row).isEmpty() ? null : String.join(", ", figures.suppressed(row)));
                    table.row(values.toArray());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, About about, String extension) {
        FigureRequest request = about.request();
        String name = about.figures() + "-" + request.period() + "-"
                + request.wilayah().kode() + "." + extension;
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    /** The dashboard's labels ({@code Dashboard.properties}, Bahasa Indonesia; {@code _en}: English). */
    static ResourceBundle labels(Locale locale) {
        return ResourceBundle.getBundle(
                "id.satupintu.jobs.serve.Dashboard",
                locale.getLanguage().equals("en") ? Locale.ENGLISH : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static String label(ResourceBundle labels, String key) {
        try {
            return labels.getString(key);
        } catch (MissingResourceException e) {
            return key.substring(key.indexOf('.') + 1);
        }
    }
}
