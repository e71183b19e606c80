package id.satupintu.pipeline.opendata;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import id.satupintu.pipeline.opendata.SmallCellSuppression.Cell;
import id.satupintu.pipeline.opendata.SmallCellSuppression.Verdict;
import id.satupintu.pipeline.report.CellText;
import id.satupintu.pipeline.report.Cover;
import id.satupintu.pipeline.report.OutputContext;
import id.satupintu.pipeline.report.OutputFiles;
import id.satupintu.pipeline.report.SqlFile;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open data of a month, ready for a CKAN-based Satu Data portal: recipients per program per desa
 * and per kecamatan as CSV, small cells suppressed ({@link SmallCellSuppression}), and one metadata
 * file (DCAT-style JSON-LD) describing the dataset: title, description, period, region and the
 * edition of its Kemendagri codes, source, publisher, license, suppression, and each file with its
 * columns, size and SHA-256.
 *
 * <p>A suppressed count is an empty {@code jumlah_penerima} with {@code status_sel} saying why:
 * {@code disembunyikan_sel_kecil} (below the threshold) or {@code disembunyikan_pelindung} (hidden so
 * that a small cell cannot be worked out from the kecamatan's total). Every other row says {@code
 * tampil}. The kecamatan file is the total of its desa for each program (each person is counted in
 * one desa a month); no kabupaten total is published.
 */
public final class OpenDataExport {
    public static final String SHOWN = "tampil";
    public static final String PRIMARY = "disembunyikan_sel_kecil";
    public static final String SECONDARY = "disembunyikan_pelindung";

    private static final SqlFile DESA = SqlFile.of(OpenDataExport.class, "recipients_desa");
    private static final SqlFile KECAMATAN = SqlFile.of(OpenDataExport.class, "recipients_kecamatan");
    private static final SqlFile KABUPATEN = SqlFile.of(Cover.class, "kabupaten");
    private static final List<String> DESA_HEADER = List.of(
            "periode",
            "kode_kecamatan",
            "nama_kecamatan",
            "kode_desa",
            "nama_desa",
            "kode_program",
            "nama_program",
            "jumlah_penerima",
            "status_sel");
    private static final List<String> KECAMATAN_HEADER = List.of(
            "periode",
            "kode_kecamatan",
            "nama_kecamatan",
            "kode_program",
            "nama_program",
            "jumlah_penerima",
            "status_sel");

    private OpenDataExport() {}

    /** The files written and how many counts were shown and hidden. */
    public record Result(
            Path desaFile, Path kecamatanFile, Path metadataFile, long shown, long primary, long secondary) {}

    public static String desaFileName(YearMonth period) {
        return "penerima-bansos-desa-" + period + ".csv";
    }

    public static String kecamatanFileName(YearMonth period) {
        return "penerima-bansos-kecamatan-" + period + ".csv";
    }

    public static String metadataFileName(YearMonth period) {
        return "metadata-" + period + ".json";
    }

    public static Result write(Connection warehouse, OutputContext context, OpenDataSettings settings, Path folder)
            throws SQLException, IOException {
        requireNonNull(settings, "settings is null");
        String period = context.period().toString();
        int threshold = settings.smallCellThreshold();

        List<String[]> desaRows = new ArrayList<>();
        List<Cell> desaCells = new ArrayList<>();
        DESA.forEach(
                warehouse,
                row -> {
                    String[] values = {
                        period,
                        row.getString("kode_kecamatan"),
                        row.getString("nama_kecamatan"),
                        row.getString("kode_desa"),
                        row.getString("nama_desa"),
                        row.getString("program_code"),
                        row.getString("program_nama"),
                        Long.toString(row.getLong("recipients")),
                        null
                    };
                    desaRows.add(values);
                    desaCells.add(new Cell(
                            values[1] + " " + values[5], values[3] + " " + values[5], row.getLong("recipients")));
                },
                period);
        Map<String, Verdict> desaVerdicts = SmallCellSuppression.apply(desaCells, threshold, true);

        List<String[]> kecamatanRows = new ArrayList<>();
        List<Cell> kecamatanCells = new ArrayList<>();
        KECAMATAN.forEach(
                warehouse,
                row -> {
                    String[] values = {
                        period,
                        row.getString("kode_kecamatan"),
                        row.getString("nama_kecamatan"),
                        row.getString("program_code"),
                        row.getString("program_nama"),
                        Long.toString(row.getLong("recipients")),
                        null
                    };
                    kecamatanRows.add(values);
                    kecamatanCells.add(new Cell("", values[1] + " " + values[3], row.getLong("recipients")));
                },
                period);
        // the kecamatan totals are what the desa groups add up to; no total above them is published
        Map<String, Verdict> kecamatanVerdicts = SmallCellSuppression.apply(kecamatanCells, threshold, false);

        long[] counts = new long[3];
        Path desaFile = folder.resolve(desaFileName(context.period()));
        writeCsv(desaFile, DESA_HEADER, desaRows, 7, desaVerdicts, values -> values[3] + " " + values[5], counts);
        Path kecamatanFile = folder.resolve(kecamatanFileName(context.period()));
        writeCsv(
                kecamatanFile,
                KECAMATAN_HEADER,
                kecamatanRows,
                5,
                kecamatanVerdicts,
                values -> values[1] + " " + values[3],
                new long[3]);

        List<String[]> regions = new ArrayList<>();
        KABUPATEN.forEach(warehouse, row -> regions.add(new String[] {row.getString(1), row.getString(2)}));
        Path metadataFile = folder.resolve(metadataFileName(context.period()));
        Map<String, Object> metadata =
                metadata(context, settings, regions, desaFile, kecamatanFile, counts[1], counts[2]);
        JsonMapper json =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        OutputFiles.write(metadataFile, out -> out.write(json.writeValueAsBytes(metadata)));
        return new Result(desaFile, kecamatanFile, metadataFile, counts[0], counts[1], counts[2]);
    }

    private interface KeyOf {
        String key(String[] values);
    }

    private static void writeCsv(
            Path file,
            List<String> header,
            List<String[]> rows,
            int countColumn,
            Map<String, Verdict> verdicts,
            KeyOf keyOf,
            long[] counts)
            throws IOException, SQLException {
        OutputFiles.write(file, out -> {
            OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CsvWriter csv =
                    CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(writer);
            csv.writeRecord(header);
            for (String[] values : rows) {
                Verdict verdict = verdicts.get(keyOf.key(values));
                String[] written = new String[values.length];
                for (int i = 0; i < values.length; i++) {
                    written[i] = CellText.neutralized(values[i]);
                }
                written[countColumn] = verdict == Verdict.SHOWN ? values[countColumn] : "";
                written[countColumn + 1] = switch (verdict) {
                    case SHOWN -> SHOWN;
                    case PRIMARY -> PRIMARY;
                    case SECONDARY -> SECONDARY;
                };
                counts[verdict.ordinal()]++;
                csv.writeRecord(written);
            }
            csv.flush();
            writer.flush();
        });
    }

    private static Map<String, Object> metadata(
            OutputContext context,
            OpenDataSettings settings,
            List<String[]> regions,
            Path desaFile,
            Path kecamatanFile,
            long primary,
            long secondary)
            throws IOException {
        YearMonth period = context.period();
        String regionCodes = String.join(", ", regions.stream().map(r -> r[0]).toList());
        String regionNames = String.join(", ", regions.stream().map(r -> r[1]).toList());
        String slugCode = regionCodes.replaceAll("[^0-9]", "");
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put(
                "@context",
                ordered(
                        "dcat", "http://www.w3.org/ns/dcat#",
                        "dct", "http://purl.org/dc/terms/",
                        "title", ordered("@id", "dct:title", "@container", "@language"),
                        "description", ordered("@id", "dct:description", "@container", "@language"),
                        "keyword", "dcat:keyword",
                        "publisher", "dct:publisher",
                        "license", "dct:license",
                        "temporal", "dct:temporal",
                        "spatial", "dct:spatial",
                        "source", "dct:source",
                        "issued", "dct:issued",
                        "distribution", "dcat:distribution",
                        "downloadURL", "dcat:downloadURL",
                        "mediaType", "dcat:mediaType",
                        "byteSize", "dcat:byteSize"));
        dataset.put("@type", "dcat:Dataset");
        dataset.put("identifier", "satupintu-penerima-bansos-" + slugCode + "-" + period);
        dataset.put("name", "penerima-bansos-" + slugCode + "-" + period);
        dataset.put(
                "title",
                ordered(
                        "id", "Penerima bantuan sosial per desa dan kecamatan, " + regionNames + ", " + period,
                        "en", "Social assistance recipients by desa and kecamatan, " + regionNames + ", " + period));
        dataset.put(
                "description",
                ordered(
                        "id",
                        "Jumlah penerima (orang berbeda) tiap program bantuan sosial per desa/kelurahan dan per"
                                + " kecamatan pada bulan " + period + ", dari gudang data SatuPintu. Jumlah di bawah "
                                + settings.smallCellThreshold() + " disembunyikan, begitu pula jumlah lain seperlunya"
                                + " agar jumlah yang disembunyikan tidak dapat dihitung dari total kecamatan (kolom"
                                + " status_sel).",
                        "en",
                        "Recipients (distinct persons) of each social assistance program per desa/kelurahan and per"
                                + " kecamatan in " + period + ", from the SatuPintu warehouse. Counts below "
                                + settings.smallCellThreshold() + " are suppressed, and other counts where needed so"
                                + " that a suppressed count cannot be worked out from the kecamatan total (column"
                                + " status_sel)."));
        dataset.put("keyword", List.of("bantuan sosial", "perlindungan sosial", "penerima", "desa", "kecamatan"));
        dataset.put("language", List.of("id"));
        dataset.put("period", period.toString());
        dataset.put(
                "temporal",
                ordered(
                        "startDate", period.atDay(1).toString(),
                        "endDate", period.atEndOfMonth().toString()));
        Map<String, Object> spatial = new LinkedHashMap<>();
        spatial.put("kode_wilayah", regionCodes);
        spatial.put("nama", regionNames);
        spatial.put("kode_wilayah_edition", WilayahTable.EDITION);
        dataset.put("spatial", spatial);
        dataset.put("kode_wilayah_edition", WilayahTable.EDITION);
        dataset.put("publisher", settings.publisher().orElse("Dinas Sosial " + regionNames));
        dataset.put("license", settings.license());
        dataset.put(
                "source",
                "SatuPintu, gudang data versi " + context.warehouse().version()
                        + " (mart_recipients_desa, mart_recipients_kecamatan)");
        dataset.put("issued", context.generatedAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        Map<String, Object> suppression = new LinkedHashMap<>();
        suppression.put("threshold", settings.smallCellThreshold());
        suppression.put(
                "method",
                "Primer: jumlah di bawah ambang disembunyikan. Sekunder: dalam setiap kecamatan dan program, selama"
                        + " hanya satu jumlah desa yang disembunyikan atau jumlah yang disembunyikan bersama-sama di"
                        + " bawah ambang, jumlah desa terkecil berikutnya ikut disembunyikan.");
        suppression.put(
                "method_en",
                "Primary: counts below the threshold are suppressed. Secondary: within each kecamatan and program,"
                        + " while only one desa count is suppressed or the suppressed counts together are below the"
                        + " threshold, the next smallest desa count is suppressed too.");
        suppression.put("desa_primary", primary);
        suppression.put("desa_secondary", secondary);
        dataset.put("small_cell_suppression", suppression);
        dataset.put(
                "distribution",
                List.of(
                        distribution(
                                desaFile,
                                "Penerima per program per desa/kelurahan",
                                "Recipients per program per desa/kelurahan",
                                true),
                        distribution(
                                kecamatanFile,
                                "Penerima per program per kecamatan",
                                "Recipients per program per kecamatan",
                                false)));
        return dataset;
    }

    private static Map<String, Object> distribution(Path file, String titleId, String titleEn, boolean desa)
            throws IOException {
        Map<String, Object> distribution = new LinkedHashMap<>();
        distribution.put("@type", "dcat:Distribution");
        distribution.put("title", ordered("id", titleId, "en", titleEn));
        distribution.put("downloadURL", file.getFileName().toString());
        distribution.put("mediaType", "text/csv");
        distribution.put("format", "CSV");
        distribution.put("encoding", "UTF-8");
        distribution.put("byteSize", Files.size(file));
        distribution.put("checksum", ordered("algorithm", "sha256", "checksumValue", sha256(file)));
        List<Map<String, Object>> columns = new ArrayList<>();
        columns.add(column("periode", "string", "Bulan, YYYY-MM", "Month, YYYY-MM"));
        columns.add(column(
                "kode_kecamatan", "string", "Kode kecamatan Kemendagri (PP.KK.CC)", "Kemendagri kecamatan code"));
        columns.add(column("nama_kecamatan", "string", "Nama kecamatan", "Kecamatan name"));
        if (desa) {
            columns.add(column(
                    "kode_desa",
                    "string",
                    "Kode desa/kelurahan Kemendagri (PP.KK.CC.DDDD)",
                    "Kemendagri desa/kelurahan code"));
            columns.add(column("nama_desa", "string", "Nama desa/kelurahan", "Desa/kelurahan name"));
        }
        columns.add(column("kode_program", "string", "Kode program", "Program code"));
        columns.add(column("nama_program", "string", "Nama program", "Program name"));
        columns.add(column(
                "jumlah_penerima",
                "integer",
                "Penerima (orang berbeda); kosong bila disembunyikan",
                "Recipients (distinct persons); empty when suppressed"));
        columns.add(column(
                "status_sel",
                "string",
                SHOWN + " | " + PRIMARY + " (di bawah ambang) | " + SECONDARY
                        + " (disembunyikan agar sel kecil tidak dapat dihitung)",
                SHOWN + " | " + PRIMARY + " (below the threshold) | " + SECONDARY
                        + " (suppressed so that a small cell cannot be worked out)"));
        distribution.put("columns", columns);
        return distribution;
    }

    private static Map<String, Object> column(String name, String type, String descriptionId, String descriptionEn) {
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("name", name);
        column.put("type", type);
        column.put("description", ordered("id", descriptionId, "en", descriptionEn));
        return column;
    }

    /** A map of keys and values in the order given, so the file reads the same every time. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
