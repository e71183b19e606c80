package id.satupintu.pipeline.report;

import static id.satupintu.pipeline.report.SqlFile.longOrNull;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published warehouse's figures the run report draws, read with the queries in {@code
 * sql/run_*.sql}: aggregates, file names and rule ids only, never a person's row.
 */
public record RunReportFigures(
        WarehouseVersion version,
        Map<String, ProgramName> programs,
        List<String> periods,
        List<MonthRecipients> recipientsByMonth,
        List<KecamatanRecipients> recipientsByKecamatan,
        List<RejectCount> rejects,
        Dedup dedup,
        List<KecamatanChange> changes,
        List<SourceFile> sources,
        List<DataTestOutcome> dataTests) {
    /** A change is an outlier when it is more than this many persons ... */
    public static final int OUTLIER_MIN_PERSONS = 20;
    /** ... and more than this fraction of the month before (the data test recipients_month_over_month_outlier's rule). */
    public static final double OUTLIER_MIN_FRACTION = 0.3;

    private static final SqlFile PROGRAMS = SqlFile.of(RunReportFigures.class, "run_programs");
    private static final SqlFile PERIODS = SqlFile.of(RunReportFigures.class, "warehouse_periods");
    private static final SqlFile RECIPIENTS_MONTH = SqlFile.of(RunReportFigures.class, "run_recipients_month");
    private static final SqlFile RECIPIENTS_KECAMATAN = SqlFile.of(RunReportFigures.class, "run_recipients_kecamatan");
    private static final SqlFile REJECTS = SqlFile.of(RunReportFigures.class, "run_rejects");
    private static final SqlFile DEDUP = SqlFile.of(RunReportFigures.class, "run_dedup");
    private static final SqlFile CHANGES = SqlFile.of(RunReportFigures.class, "run_changes");
    private static final SqlFile SOURCES = SqlFile.of(RunReportFigures.class, "run_sources");
    private static final SqlFile DATA_TESTS = SqlFile.of(RunReportFigures.class, "run_data_tests");

    public RunReportFigures {
        requireNonNull(version, "version is null");
        requireNonNull(dedup, "dedup is null");
        programs = Map.copyOf(programs);
        periods = List.copyOf(periods);
        recipientsByMonth = List.copyOf(recipientsByMonth);
        recipientsByKecamatan = List.copyOf(recipientsByKecamatan);
        rejects = List.copyOf(rejects);
        changes = List.copyOf(changes);
        sources = List.copyOf(sources);
        dataTests = List.copyOf(dataTests);
    }

    /**
     * Reads the figures of {@code period} from a warehouse; each source file's last-modified time
     * comes from the month's inbox folder (empty for a file no longer there, or a JDBC source).
     */
    public static RunReportFigures read(Connection warehouse, YearMonth period, WarehouseVersion version, Path inbox)
            throws SQLException {
        String month = period.toString();
        try {
            Map<String, ProgramName> programs = new LinkedHashMap<>();
            PROGRAMS.forEach(
                    warehouse,
                    row -> programs.put(
                            row.getString("program_code"),
                            new ProgramName(row.getString("nama"), row.getString("name_en"))));
            List<MonthRecipients> byMonth = new ArrayList<>();
            RECIPIENTS_MONTH.forEach(
                    warehouse,
                    row -> byMonth.add(new MonthRecipients(
                            row.getString("period"), row.getString("program_code"), row.getLong("recipients"))));
            List<KecamatanRecipients> byKecamatan = new ArrayList<>();
            RECIPIENTS_KECAMATAN.forEach(
                    warehouse,
                    row -> byKecamatan.add(new KecamatanRecipients(
                            row.getString("program_code"),
                            row.getString("kode_kecamatan"),
                            row.getString("nama_kecamatan"),
                            row.getLong("recipients"))),
                    month);
            List<RejectCount> rejects = new ArrayList<>();
            REJECTS.forEach(
                    warehouse,
                    row -> rejects.add(new RejectCount(
                            row.getString("program_code"),
                            row.getString("source_file"),
                            row.getString("rule_id"),
                            row.getLong("rejected_rows"))),
                    month);
            List<Dedup> dedup = new ArrayList<>();
            DEDUP.forEach(
                    warehouse,
                    row -> dedup.add(new Dedup(
                            row.getLong("rows_staged"),
                            row.getLong("persons"),
                            row.getLong("merges"),
                            row.getLong("splits"),
                            row.getLong("nik_ganda"),
                            row.getLong("overrides_applied"),
                            row.getLong("review_pairs"),
                            row.getLong("rejected_rows_attached"))),
                    month);
            List<KecamatanChange> changes = new ArrayList<>();
            CHANGES.forEach(
                    warehouse,
                    row -> changes.add(new KecamatanChange(
                            row.getString("program_code"),
                            row.getString("kode_kecamatan"),
                            row.getString("nama_kecamatan"),
                            longOrNull(row, "previous_recipients"),
                            row.getLong("recipients"),
                            longOrNull(row, "added"),
                            longOrNull(row, "exited"),
                            longOrNull(row, "moved_in"),
                            longOrNull(row, "moved_out"),
                            row.getBoolean("is_outlier"))),
                    month,
                    OUTLIER_MIN_PERSONS,
                    OUTLIER_MIN_FRACTION);
            List<SourceFile> sources = new ArrayList<>();
            SOURCES.forEach(
                    warehouse,
                    row -> {
                        String file = row.getString("source_file");
                        sources.add(new SourceFile(
                                file,
                                Optional.ofNullable(row.getString("program_code")),
                                row.getString("status"),
                                row.getLong("rows_read"),
                                row.getLong("rows_staged"),
                                row.getLong("rows_rejected"),
                                modified(inbox.resolve(file))));
                    },
                    month);
            List<DataTestOutcome> tests = new ArrayList<>();
            DATA_TESTS.forEach(
                    warehouse,
                    row -> tests.add(new DataTestOutcome(
                            row.getString("test_name"), row.getString("severity"), row.getLong("failing_rows"))));
            return new RunReportFigures(
                    version,
                    programs,
                    PERIODS.strings(warehouse),
                    byMonth,
                    byKecamatan,
                    rejects,
                    dedup.get(0),
                    changes,
                    sources,
                    tests);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name of a program in the language of {@code labels}, or its code when the catalogue lacks it. */
    public String programName(String code, ReportLabels labels) {
        ProgramName name = programs.get(code);
        return name == null ? code : labels.isEnglish() ? name.english() : name.indonesian();
    }

    /** The programs with recipients in any month, in code order. */
    public List<String> programCodes() {
        return recipientsByMonth.stream()
                .map(MonthRecipients::programCode)
                .distinct()
                .sorted()
                .toList();
    }

    private static Optional<Instant> modified(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(Files.getLastModifiedTime(file).toInstant());
    }

    public record ProgramName(String indonesian, String english) {}

    /** Recipients of a program in a month, summed over its kecamatans. */
    public record MonthRecipients(String period, String programCode, long recipients) {}

    public record KecamatanRecipients(
            String programCode, String kodeKecamatan, String namaKecamatan, long recipients) {}

    public record RejectCount(String programCode, String sourceFile, String ruleId, long rejectedRows) {}

    /** What the link step made of the month's staged roster rows. */
    public record Dedup(
            long rowsStaged,
            long persons,
            long merges,
            long splits,
            long nikGanda,
            long overridesApplied,
            long reviewPairs,
            long rejectedRowsAttached) {}

    /** A kecamatan's recipients of a program against the month before; the counts are null without one. */
    public record KecamatanChange(
            String programCode,
            String kodeKecamatan,
            String namaKecamatan,
            Long previousRecipients,
            long recipients,
            Long added,
            Long exited,
            Long movedIn,
            Long movedOut,
            boolean outlier) {
        /** Recipients minus the month before; null without a month before. */
        public Long change() {
            return previousRecipients == null ? null : recipients - previousRecipients;
        }

        /** The change as a fraction of the month before; null without one, or when the month before had none. */
        public Double changeFraction() {
            return previousRecipients == null || previousRecipients == 0
                    ? null
                    : (double) (recipients - previousRecipients) / previousRecipients;
        }
    }

    /**
     * A source file of the month as the manifest has it, with the time the file in the inbox was last
     * modified (delivered), when it is there.
     */
    public record SourceFile(
            String sourceFile,
            Optional<String> programCode,
            String status,
            long rowsRead,
            long rowsStaged,
            long rowsRejected,
            Optional<Instant> modified) {}

    public record DataTestOutcome(String testName, String severity, long failingRows) {}
}
