package id.satupintu.pipeline.review;

import static java.util.Objects.requireNonNull;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.lake.RestrictedView;
import id.satupintu.pipeline.report.Cover;
import id.satupintu.pipeline.report.OutputContext;
import id.satupintu.pipeline.report.OutputFiles;
import id.satupintu.pipeline.report.ReportLabels;
import id.satupintu.pipeline.report.SqlFile;
import id.satupintu.pipeline.report.XlsxWorkbook;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;

/**
 * The musyawarah desa review workbook of a month, one per desa: the cases the warehouse and the link
 * found, with their evidence, and columns for the musyawarah's decision, its date and berita acara
 * number.
 *
 * <ul>
 *   <li><b>Status</b>: persons on a roster of the month in the desa whose status in force is deceased,
 *       moved away or well-off ({@code person_status}: Dukcapil or an earlier decision), or who are on
 *       an exclusion list of the month. Decision: MENINGGAL, PINDAH, MAMPU or AKTIF, from a month.
 *   <li><b>Pairs</b>: the link's review queue (uncertain matches, NIK ganda) and persons under several
 *       NIKs ({@code person.nik_count > 1}), as two roster rows by file and row. Decision: same person
 *       or different persons.
 *   <li><b>NIK rejects</b>: rows rejected for their NIK with the person they probably are ({@code
 *       reject.probable_person_id}); evidence for correcting the source, nothing to decide here.
 * </ul>
 *
 * Names and RT/RW are shown as the roster or the golden record has them: the workbook is for the
 * closed deliberation, written owner-only, and says so on its cover. No NIK, No. KK or birth date.
 */
public final class ReviewWorkbook {
    private static final SqlFile STATUS_CASES = SqlFile.of(ReviewWorkbook.class, "status_cases");
    private static final SqlFile PAIR_CASES = SqlFile.of(ReviewWorkbook.class, "pair_cases");
    private static final SqlFile REJECT_CASES = SqlFile.of(ReviewWorkbook.class, "reject_cases");
    private static final SqlFile DESA = SqlFile.of(ReviewWorkbook.class, "desa");

    private ReviewWorkbook() {}

    /** A person to check. */
    public record StatusCase(String personId, String nama, String rt, String rw, String programs, String finding) {}

    /** Two roster rows to decide on; {@code decidable} is false when a side cannot be told apart. */
    public record PairCase(
            String kind,
            String leftRow,
            String leftProgram,
            String leftNama,
            String leftRtRw,
            String rightRow,
            String rightProgram,
            String rightNama,
            String rightRtRw,
            BigDecimal probabilityPercent,
            boolean decidable) {}

    /** A row rejected for its NIK and the person it probably is. */
    public record RejectCase(
            String row,
            String program,
            String rule,
            String reason,
            String namaOnRow,
            String rtRwOnRow,
            String probablePerson,
            String probableNama,
            BigDecimal probabilityPercent) {}

    /** One desa's cases. */
    public record DesaReview(
            String kodeDesa,
            String namaDesa,
            String kodeKecamatan,
            String namaKecamatan,
            List<StatusCase> statusCases,
            List<PairCase> pairCases,
            List<RejectCase> rejectCases) {
        public DesaReview {
            requireNonNull(kodeDesa, "kodeDesa is null");
            statusCases = List.copyOf(statusCases);
            pairCases = List.copyOf(pairCases);
            rejectCases = List.copyOf(rejectCases);
        }

        /** {@code 51.08.01.2001-sumberklampok}: the file's name without extension. */
        public String fileStem() {
            String slug = namaDesa.toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("(^-|-$)", "");
            return kodeDesa + (slug.isEmpty() ? "" : "-" + slug);
        }
    }

    /** A workbook written. */
    public record Written(DesaReview review, Path file) {}

    /**
     * The cases of the month per desa, in desa code order: every desa with a case, or the desa of
     * {@code desaCodes} (with or without cases) when it is not empty.
     */
    public static List<DesaReview> reviews(
            DuckDBConnection restricted, DataDirectory data, OutputContext context, Set<String> desaCodes)
            throws SQLException, IOException {
        String period = context.period().toString();
        ReportLabels labels = context.labels();
        lakeViews(restricted, data, context);
        Map<String, List<StatusCase>> status = new TreeMap<>();
        Map<String, List<PairCase>> pairs = new TreeMap<>();
        Map<String, List<RejectCase>> rejects = new TreeMap<>();
        STATUS_CASES.forEach(
                restricted,
                row -> status.computeIfAbsent(row.getString("kode_desa"), code -> new ArrayList<>())
                        .add(new StatusCase(
                                row.getString("person_id"),
                                row.getString("nama"),
                                row.getString("rt"),
                                row.getString("rw"),
                                row.getString("programs"),
                                finding(
                                        labels,
                                        row.getString("status"),
                                        row.getString("source"),
                                        row.getString("event_date"),
                                        row.getString("reference"),
                                        row.getString("decided_on"),
                                        row.getString("lists")))),
                period);
        PAIR_CASES.forEach(
                restricted,
                row -> {
                    PairCase pair = new PairCase(
                            labels.code("kind", row.getString("kind")),
                            row.getString("file_l") + "#" + row.getLong("row_l"),
                            row.getString("program_l"),
                            row.getString("nama_l"),
                            rtRw(row.getString("rt_l"), row.getString("rw_l")),
                            row.getString("file_r") + "#" + row.getLong("row_r"),
                            row.getString("program_r"),
                            row.getString("nama_r"),
                            rtRw(row.getString("rt_r"), row.getString("rw_r")),
                            percent(row.getBigDecimal("match_probability")),
                            row.getLong("key_rows_l") == 1 && row.getLong("key_rows_r") == 1);
                    pairs.computeIfAbsent(row.getString("desa_l"), code -> new ArrayList<>())
                            .add(pair);
                    if (!row.getString("desa_r").equals(row.getString("desa_l"))) {
                        pairs.computeIfAbsent(row.getString("desa_r"), code -> new ArrayList<>())
                                .add(pair);
                    }
                },
                period);
        REJECT_CASES.forEach(
                restricted,
                row -> {
                    String kodeDesa = row.getString("kode_desa");
                    if (kodeDesa == null) {
                        return;
                    }
                    rejects.computeIfAbsent(kodeDesa, code -> new ArrayList<>())
                            .add(new RejectCase(
                                    row.getString("source_file") + "#" + row.getLong("source_row"),
                                    row.getString("program_code"),
                                    row.getString("rule_id"),
                                    row.getString(labels.isEnglish() ? "message_en" : "message_id"),
                                    row.getString("nama_on_row"),
                                    rtRw(row.getString("rt"), row.getString("rw")),
                                    row.getString("probable_person_id"),
                                    row.getString("person_nama"),
                                    percent(row.getBigDecimal("match_probability"))));
                },
                period);
        TreeMap<String, Boolean> desa = new TreeMap<>();
        if (desaCodes.isEmpty()) {
            Stream.of(status.keySet(), pairs.keySet(), rejects.keySet())
                    .flatMap(Set::stream)
                    .forEach(code -> desa.put(code, true));
        } else {
            desaCodes.forEach(code -> desa.put(code, true));
        }
        List<DesaReview> reviews = new ArrayList<>();
        for (String code : desa.keySet()) {
            String[] names = {code, "", "", ""};
            DESA.forEach(
                    restricted,
                    row -> {
                        names[1] = row.getString("nama_desa");
                        names[2] = row.getString("kode_kecamatan");
                        names[3] = row.getString("nama_kecamatan");
                    },
                    code);
            if (names[1].isEmpty()) {
                throw new IllegalArgumentException("No desa " + code + " in the region table");
            }
            reviews.add(new DesaReview(
                    code,
                    names[1],
                    names[2],
                    names[3],
                    status.getOrDefault(code, List.of()),
                    pairs.getOrDefault(code, List.of()),
                    rejects.getOrDefault(code, List.of())));
        }
        return reviews;
    }

    /** Writes each desa's workbook as {@code <stem>.xlsx} into {@code folder}. */
    public static List<Written> write(
            DuckDBConnection restricted, DataDirectory data, OutputContext context, Set<String> desaCodes, Path folder)
            throws SQLException, IOException {
        List<Written> written = new ArrayList<>();
        for (DesaReview review : reviews(restricted, data, context, desaCodes)) {
            Path file = OutputFiles.write(
                    folder.resolve(review.fileStem() + ".xlsx"), out -> write(restricted, context, review, out));
            written.add(new Written(review, file));
        }
        return written;
    }

    static void write(DuckDBConnection warehouse, OutputContext context, DesaReview review, OutputStream out)
            throws IOException, SQLException {
        ReportLabels labels = context.labels();
        String period = context.period().toString();
        try (XlsxWorkbook workbook = new XlsxWorkbook(out, context.maxRowsPerSheet())) {
            new Cover(context, labels.get("review.title"))
                    .line(labels.get("ujipublik.desa"), review.namaDesa() + " (" + review.kodeDesa() + ")")
                    .line(
                            labels.get("ujipublik.kecamatan"),
                            review.namaKecamatan() + " (" + review.kodeKecamatan() + ")")
                    .line(labels.get("review.confidential"), labels.get("review.confidential.text"))
                    .warehouse(warehouse)
                    .line(
                            labels.get("review.cases"),
                            labels.format(
                                    "review.cases.value",
                                    review.statusCases().size(),
                                    review.pairCases().size(),
                                    review.rejectCases().size()))
                    .line(labels.get("review.how"), labels.get("review.how.status"))
                    .line("", labels.get("review.how.pairs"))
                    .line("", labels.get("review.how.rejects"))
                    .line("", labels.get("review.how.return"))
                    .write(workbook);

            List<List<String>> meta = new ArrayList<>();
            meta.add(List.of(ReviewLayout.KEY_FORMAT, ReviewLayout.FORMAT));
            meta.add(List.of(ReviewLayout.KEY_PERIOD, period));
            meta.add(List.of(ReviewLayout.KEY_DESA, review.kodeDesa()));
            meta.add(List.of(ReviewLayout.KEY_DESA_NAME, review.namaDesa()));
            meta.add(List.of(ReviewLayout.KEY_LANGUAGE, labels.language()));

            try (XlsxWorkbook.Table table =
                    workbook.table(labels.get("review.sheet.status"), ReviewLayout.statusColumns(labels))) {
                table.dropDown(ReviewLayout.STATUS_DECISION, ReviewLayout.STATUS_DECISIONS);
                long number = 0;
                for (StatusCase found : review.statusCases()) {
                    table.row(
                            ++number,
                            found.personId(),
                            found.nama(),
                            found.rt(),
                            found.rw(),
                            found.programs(),
                            found.finding(),
                            null,
                            period,
                            null,
                            null,
                            null);
                }
                table.close();
                table.sheetNames().forEach(name -> meta.add(List.of(ReviewLayout.KEY_STATUS_SHEET, name)));
            }

            try (XlsxWorkbook.Table table =
                    workbook.table(labels.get("review.sheet.pairs"), ReviewLayout.pairColumns(labels))) {
                table.dropDown(ReviewLayout.PAIR_DECISION, ReviewLayout.pairDecisions(labels));
                long number = 0;
                for (PairCase pair : review.pairCases()) {
                    table.row(
                            ++number,
                            pair.kind(),
                            period,
                            pair.leftRow(),
                            pair.leftProgram(),
                            pair.leftNama(),
                            pair.leftRtRw(),
                            pair.rightRow(),
                            pair.rightProgram(),
                            pair.rightNama(),
                            pair.rightRtRw(),
                            pair.probabilityPercent(),
                            labels.get(pair.decidable() ? "decidable.yes" : "decidable.no"),
                            null,
                            null,
                            null);
                }
                table.close();
                table.sheetNames().forEach(name -> meta.add(List.of(ReviewLayout.KEY_PAIR_SHEET, name)));
            }

            try (XlsxWorkbook.Table table =
                    workbook.table(labels.get("review.sheet.rejects"), ReviewLayout.rejectColumns(labels))) {
                long number = 0;
                for (RejectCase reject : review.rejectCases()) {
                    table.row(
                            ++number,
                            reject.row(),
                            reject.program(),
                            reject.rule(),
                            reject.reason(),
                            reject.namaOnRow(),
                            reject.rtRwOnRow(),
                            reject.probablePerson(),
                            reject.probableNama(),
                            reject.probabilityPercent(),
                            null);
                }
                table.close();
                table.sheetNames().forEach(name -> meta.add(List.of(ReviewLayout.KEY_REJECT_SHEET, name)));
            }
            workbook.hiddenSheet(ReviewLayout.META_SHEET, meta);
        }
    }

    /** What the warehouse says of a person to check, in the workbook's language. */
    static String finding(
            ReportLabels labels,
            String status,
            String source,
            String eventDate,
            String reference,
            String decidedOn,
            String lists) {
        List<String> findings = new ArrayList<>();
        if (status != null) {
            String what = labels.code("finding.status", status);
            findings.add(
                    "OVERRIDE".equals(source)
                            ? labels.format("finding.OVERRIDE", what, reference, decidedOn)
                            : labels.format("finding.DUKCAPIL", what, eventDate == null ? "-" : eventDate));
        }
        if (lists != null) {
            for (String list : lists.split(",")) {
                findings.add(labels.code("finding", list));
            }
        }
        return String.join("; ", findings);
    }

    private static String rtRw(String rt, String rw) {
        if (rt == null && rw == null) {
            return null;
        }
        return (rt == null ? "-" : rt) + "/" + (rw == null ? "-" : rw);
    }

    private static BigDecimal percent(BigDecimal probability) {
        return probability == null ? null : probability.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    }

    /** The month's staged rows, links and rejected rows of the lake as views (empty where the lake has none). */
    private static void lakeViews(DuckDBConnection restricted, DataDirectory data, OutputContext context)
            throws SQLException {
        Path staged = data.staged().resolve("period=" + context.period());
        Path personLink = data.linkedPartition(context.period()).resolve("person_link.parquet");
        Path rejected = data.rejected().resolve("period=" + context.period());
        if (hasParquet(staged)) {
            RestrictedView.parquetView(restricted, "staged_row", staged.resolve("**/*.parquet"));
        } else {
            empty(
                    restricted,
                    "staged_row",
                    "source_file VARCHAR, source_row BIGINT, program_code VARCHAR,"
                            + " person_key VARCHAR, nama VARCHAR, kode_desa VARCHAR, rt VARCHAR, rw VARCHAR");
        }
        if (Files.isRegularFile(personLink)) {
            RestrictedView.parquetView(restricted, "person_link", personLink);
        } else {
            empty(
                    restricted,
                    "person_link",
                    "source_file VARCHAR, source_row BIGINT, program_code VARCHAR,"
                            + " person_key VARCHAR, person_id VARCHAR");
        }
        if (hasParquet(rejected)) {
            RestrictedView.parquetView(restricted, "rejected_row", rejected.resolve("**/*.parquet"));
        } else {
            empty(
                    restricted,
                    "rejected_row",
                    "source_file VARCHAR, source_row BIGINT, nama_normalized VARCHAR,"
                            + " kode_desa VARCHAR, rt VARCHAR, rw VARCHAR");
        }
    }

    private static void empty(DuckDBConnection connection, String name, String columns) throws SQLException {
        List<String> selected = new ArrayList<>();
        for (String column : columns.split(",")) {
            String[] parts = column.strip().split(" ");
            selected.add("NULL::" + parts[1] + " AS " + parts[0]);
        }
        DuckDb.execute(
                connection,
                "CREATE OR REPLACE TEMPORARY VIEW " + name + " AS SELECT " + String.join(", ", selected)
                        + " WHERE false");
    }

    private static boolean hasParquet(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(file -> file.toString().endsWith(".parquet"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
