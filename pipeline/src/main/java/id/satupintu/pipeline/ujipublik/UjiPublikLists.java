package id.satupintu.pipeline.ujipublik;

import static java.util.Objects.requireNonNull;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import id.satupintu.pipeline.report.Cover;
import id.satupintu.pipeline.report.OutputContext;
import id.satupintu.pipeline.report.OutputFiles;
import id.satupintu.pipeline.report.ReportLabels;
import id.satupintu.pipeline.report.SheetColumn;
import id.satupintu.pipeline.report.SqlFile;
import id.satupintu.pipeline.report.XlsxWorkbook;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The uji publik lists of a month: for each desa/kelurahan, the persons enrolled in a program that
 * month with their name masked ({@link NameMask}), RT, RW, program and status (new this month,
 * continuing, back after an exit), as an XLSX workbook and a PDF to print and post at the desa
 * office. No NIK, No. KK, birth date or street address is read into the list. The names come from
 * the restricted golden record; the list is posted in public, the files stay owner-only until then.
 */
public final class UjiPublikLists {
    private static final SqlFile ROWS = SqlFile.of(UjiPublikLists.class, "uji_publik_rows");
    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::programCode)
            .thenComparing(entry -> sortable(entry.rw()))
            .thenComparing(entry -> sortable(entry.rt()))
            .thenComparing(Entry::maskedName)
            .thenComparing(Entry::personId);

    private UjiPublikLists() {}

    /** One line of a list; the person id orders equal lines and is not written. */
    public record Entry(
            String personId,
            String maskedName,
            String rt,
            String rw,
            String programCode,
            String programName,
            String status) {
        public Entry {
            requireNonNull(personId, "personId is null");
            requireNonNull(maskedName, "maskedName is null");
            requireNonNull(programCode, "programCode is null");
            requireNonNull(status, "status is null");
        }
    }

    /** One desa's list. */
    public record DesaList(
            String kodeDesa, String namaDesa, String kodeKecamatan, String namaKecamatan, List<Entry> entries) {
        public DesaList {
            entries = List.copyOf(entries);
        }

        /** {@code 51.08.01.2001-sumberklampok}: the files' name without extension. */
        public String fileStem() {
            String slug = namaDesa.toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("(^-|-$)", "");
            return kodeDesa + (slug.isEmpty() ? "" : "-" + slug);
        }
    }

    /** What was written for one desa. */
    public record Written(DesaList list, Path xlsx, Path pdf) {}

    /**
     * The lists of the month, one per desa with an enrolled person, in desa code order; only the
     * desa of {@code desaCodes} when it is not empty.
     */
    public static List<DesaList> lists(Connection restricted, OutputContext context, Set<String> desaCodes)
            throws SQLException, IOException {
        boolean english = context.labels().isEnglish();
        Map<String, DesaList> byDesa = new TreeMap<>();
        Map<String, List<Entry>> entries = new LinkedHashMap<>();
        ROWS.forEach(
                restricted,
                row -> {
                    String kodeDesa = row.getString("kode_desa");
                    if (!desaCodes.isEmpty() && !desaCodes.contains(kodeDesa)) {
                        return;
                    }
                    List<Entry> desaEntries = entries.computeIfAbsent(kodeDesa, code -> new ArrayList<>());
                    byDesa.computeIfAbsent(kodeDesa, code -> {
                        try {
                            return new DesaList(
                                    code,
                                    row.getString("nama_desa"),
                                    row.getString("kode_kecamatan"),
                                    row.getString("nama_kecamatan"),
                                    List.of());
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    desaEntries.add(new Entry(
                            row.getString("person_id"),
                            NameMask.mask(row.getString("nama")),
                            row.getString("rt"),
                            row.getString("rw"),
                            row.getString("program_code"),
                            row.getString(english ? "program_name_en" : "program_nama"),
                            row.getString("status")));
                },
                context.period().toString());
        List<DesaList> lists = new ArrayList<>();
        for (DesaList desa : byDesa.values()) {
            List<Entry> sorted = new ArrayList<>(entries.get(desa.kodeDesa()));
            sorted.sort(ORDER);
            lists.add(
                    new DesaList(desa.kodeDesa(), desa.namaDesa(), desa.kodeKecamatan(), desa.namaKecamatan(), sorted));
        }
        return lists;
    }

    /** Writes each list as {@code <stem>.xlsx} and {@code <stem>.pdf} into {@code folder}. */
    public static List<Written> write(Connection restricted, OutputContext context, Set<String> desaCodes, Path folder)
            throws SQLException, IOException {
        List<Written> written = new ArrayList<>();
        for (DesaList list : lists(restricted, context, desaCodes)) {
            Path xlsx = OutputFiles.write(
                    folder.resolve(list.fileStem() + ".xlsx"), out -> writeXlsx(restricted, context, list, out));
            Path pdf = OutputFiles.write(folder.resolve(list.fileStem() + ".pdf"), out -> writePdf(context, list, out));
            written.add(new Written(list, xlsx, pdf));
        }
        return written;
    }

    static void writeXlsx(Connection warehouse, OutputContext context, DesaList list, OutputStream out)
            throws IOException, SQLException {
        ReportLabels labels = context.labels();
        try (XlsxWorkbook workbook = new XlsxWorkbook(out, context.maxRowsPerSheet())) {
            new Cover(context, labels.get("ujipublik.title"))
                    .line(labels.get("ujipublik.desa"), list.namaDesa() + " (" + list.kodeDesa() + ")")
                    .line(labels.get("ujipublik.kecamatan"), list.namaKecamatan() + " (" + list.kodeKecamatan() + ")")
                    .warehouse(warehouse)
                    .line(labels.get("ujipublik.programs"), programs(list))
                    .line(
                            labels.get("ujipublik.count"),
                            Integer.toString(list.entries().size()))
                    .line(labels.get("ujipublik.masking"), labels.get("ujipublik.masking.text"))
                    .line(labels.get("ujipublik.objection"), labels.get("ujipublik.objection.text"))
                    .write(workbook);
            try (XlsxWorkbook.Table table = workbook.table(
                    labels.get("ujipublik.sheet"),
                    List.of(
                            SheetColumn.integer(labels.get("col.no")),
                            SheetColumn.text(labels.get("col.masked-name"), 30),
                            SheetColumn.text(labels.get("col.rt"), 6),
                            SheetColumn.text(labels.get("col.rw"), 6),
                            SheetColumn.text(labels.get("col.program-short"), 12),
                            SheetColumn.text(labels.get("col.status"), 16)))) {
                long number = 0;
                for (Entry entry : list.entries()) {
                    table.row(
                            ++number,
                            entry.maskedName(),
                            entry.rt(),
                            entry.rw(),
                            entry.programCode(),
                            labels.code("status", entry.status()));
                }
            }
        }
    }

    static void writePdf(OutputContext context, DesaList list, OutputStream out) throws IOException {
        ReportLabels labels = context.labels();
        Document document = new Document(PageSize.A4, 36, 36, 36, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            document.addTitle(labels.get("ujipublik.title") + " " + list.namaDesa() + " " + context.period());
            document.addCreator("SatuPintu");
            HeaderFooter footer = new HeaderFooter(new Phrase(labels.get("ujipublik.page") + " ", small()), true);
            footer.setAlignment(Element.ALIGN_CENTER);
            footer.setBorder(Rectangle.NO_BORDER);
            document.setFooter(footer);
            document.open();
            Paragraph title = new Paragraph(labels.get("ujipublik.title").toUpperCase(Locale.ROOT), bold(13));
            title.setAlignment(Element.ALIGN_CENTER);
            document.add(title);
            document.add(new Paragraph(
                    labels.get("ujipublik.desa") + ": " + list.namaDesa() + " (" + list.kodeDesa() + ")", regular(10)));
            document.add(new Paragraph(
                    labels.get("ujipublik.kecamatan") + ": " + list.namaKecamatan() + " (" + list.kodeKecamatan() + ")",
                    regular(10)));
            document.add(new Paragraph(labels.get("cover.period") + ": " + context.period(), regular(10)));
            document.add(new Paragraph(labels.get("ujipublik.programs") + ": " + programs(list), regular(10)));
            document.add(new Paragraph(" ", regular(6)));

            PdfPTable table = new PdfPTable(new float[] {6, 34, 8, 8, 14, 16});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String header : List.of(
                    labels.get("col.no"),
                    labels.get("col.masked-name"),
                    labels.get("col.rt"),
                    labels.get("col.rw"),
                    labels.get("col.program-short"),
                    labels.get("col.status"))) {
                PdfPCell cell = new PdfPCell(new Phrase(header, bold(9)));
                cell.setBackgroundColor(new Color(0xDD, 0xEB, 0xF7));
                table.addCell(cell);
            }
            int number = 0;
            for (Entry entry : list.entries()) {
                table.addCell(new Phrase(Integer.toString(++number), regular(9)));
                table.addCell(new Phrase(entry.maskedName(), regular(9)));
                table.addCell(new Phrase(entry.rt() == null ? "" : entry.rt(), regular(9)));
                table.addCell(new Phrase(entry.rw() == null ? "" : entry.rw(), regular(9)));
                table.addCell(new Phrase(entry.programCode(), regular(9)));
                table.addCell(new Phrase(labels.code("status", entry.status()), regular(9)));
            }
            document.add(table);
            document.add(new Paragraph(" ", regular(6)));
            document.add(new Paragraph(
                    labels.get("ujipublik.masking") + ": " + labels.get("ujipublik.masking.text"), small()));
            document.add(new Paragraph(
                    labels.get("ujipublik.objection") + ": " + labels.get("ujipublik.objection.text"), small()));
            document.add(new Paragraph(
                    labels.get("cover.generated") + ": " + context.generatedAtText() + "; "
                            + labels.get("cover.version") + ": "
                            + context.warehouse().version(),
                    small()));
        } catch (DocumentException e) {
            throw new IOException("Cannot write the PDF of " + list.kodeDesa() + ": " + e.getMessage(), e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
    }

    /** The programs of the list: {@code BPNT = Bantuan Pangan Non Tunai; PKH = Program Keluarga Harapan}. */
    private static String programs(DesaList list) {
        Map<String, String> programs = new TreeMap<>();
        for (Entry entry : list.entries()) {
            programs.put(entry.programCode(), entry.programName());
        }
        List<String> parts = new ArrayList<>();
        programs.forEach((code, name) -> parts.add(code + " = " + name));
        return String.join("; ", parts);
    }

    private static String sortable(String code) {
        return code == null ? "~" : code;
    }

    private static Font regular(float size) {
        return new Font(Font.HELVETICA, size, Font.NORMAL);
    }

    private static Font bold(float size) {
        return new Font(Font.HELVETICA, size, Font.BOLD);
    }

    private static Font small() {
        return new Font(Font.HELVETICA, 8, Font.NORMAL);
    }
}
