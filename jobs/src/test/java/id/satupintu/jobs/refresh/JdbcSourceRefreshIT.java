package id.satupintu.jobs.refresh;

import static id.satupintu.jobs.refresh.Sql.rows;
import static id.satupintu.jobs.refresh.Sql.single;
import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.jobs.BatchApplication;
import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.generate.FaultRates;
import id.satupintu.pipeline.generate.GeneratorSettings;
import id.satupintu.pipeline.generate.SyntheticRosterGenerator;
import id.satupintu.pipeline.lake.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * A roster kept in another database goes through the real monthly refresh beside the inbox files:
 * a real H2 file database with a synthetic roster table, a deployment catalogue in
 * {@code config/sources.json} naming it with a {@code :period} placeholder, the real job, real
 * Parquet and a real published DuckDB warehouse. The period is refreshed twice: the second run
 * writes the same lake files and the same source checksum.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcSourceRefreshIT {
    private static final YearMonth PERIOD = YearMonth.of(2026, 10);
    private static final String SOURCE = "bansos-db.jdbc";

    @TempDir
    static Path root;

    private DataDirectory data;
    private String h2Url;
    private RefreshOutcome first;
    private RefreshOutcome second;
    private List<RunSummary> history;
    private byte[] stagedAfterFirst;
    private byte[] rejectedAfterFirst;
    private String sha256AfterFirst;
    private Connection duckdb;

    @BeforeAll
    void refreshTwice() throws Exception {
        data = new DataDirectory(root.resolve("data"));
        new SyntheticRosterGenerator(new GeneratorSettings("51.08", PERIOD, 1, 2_000, 20261129L, FaultRates.none()))
                .generate(data.root());
        h2Url = "jdbc:h2:file:" + root.resolve("dinsos").resolve("bansos");
        createRosterTable(h2Url);
        Files.createDirectories(data.root().resolve("config"));
        Files.writeString(data.root().resolve(RefreshSources.DEFAULT_FILE), """
                {"sources": [{"id": "bansos-db", "program": "BANSOS_DAERAH", "format": "JDBC",
                  "jdbcUrl": "%s",
                  "jdbcQuery": "SELECT nik, nama, kode_desa, tgl_lahir, nominal FROM penerima WHERE bulan = :period ORDER BY id",
                  "columns": {"nik": ["NIK"], "nama": ["NAMA"], "kode_desa": ["KODE_DESA"],
                              "birth_date": ["TGL_LAHIR"], "benefit_rupiah": ["NOMINAL"]}}]}
                """.formatted(h2Url));
        duckdb = DuckDb.inMemory(1);
        first = BatchApplication.run(data, context -> refresh(context.getBean(RefreshRunner.class)));
        stagedAfterFirst = Files.readAllBytes(staged());
        rejectedAfterFirst = Files.readAllBytes(rejected());
        sha256AfterFirst = single(duckdb, "SELECT sha256 FROM " + parquet(manifest()));
        second = BatchApplication.run(data, context -> {
            RefreshOutcome outcome = refresh(context.getBean(RefreshRunner.class));
            history = context.getBean(RunHistory.class).recent(2);
            return outcome;
        });
    }

    @AfterAll
    void close() throws Exception {
        duckdb.close();
    }

    /** Five rows of October (one NIK with 14 digits), one of September the query leaves out. */
    private static void createRosterTable(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE penerima (id INT PRIMARY KEY, bulan VARCHAR(7), nik VARCHAR(20),"
                    + " nama VARCHAR(60), kode_desa VARCHAR(13), tgl_lahir DATE, nominal DECIMAL(12, 0))");
            statement.execute(
                    "INSERT INTO penerima VALUES"
                            + " (1, '2026-10', '5108014503850002', 'NI LUH ASTITI', '51.08.01.2001', DATE '1985-03-05', 300000),"
                            + " (2, '2026-10', '5108014604850003', 'NI MADE SARI', '51.08.01.2001', DATE '1985-04-06', 300000),"
                            + " (3, '2026-10', '51080146048500', 'NI KADEK AYU', '51.08.01.2001', DATE '1985-04-06', 300000),"
                            + " (4, '2026-10', '5108010101900001', 'I WAYAN SUKA', '51.08.01.2001', DATE '1990-01-01', 300000),"
                            + " (5, '2026-10', '5108015202920004', 'NI KETUT RAI', '51.08.01.2001', DATE '1992-02-12', 300000),"
                            + " (6, '2026-09', '5108011507880005', 'I NYOMAN DARMA', '51.08.01.2001', DATE '1988-07-15', 300000)");
        }
    }

    private static RefreshOutcome refresh(RefreshRunner runner) {
        try {
            return runner.refresh(PERIOD);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theJdbcSourceIsOnePartitionOfTheRefreshBesideTheFiles() {
        for (RefreshOutcome outcome : List.of(first, second)) {
            assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(outcome.files())
                    .filteredOn(file -> file.file().equals(SOURCE))
                    .singleElement()
                    .satisfies(file -> assertThat(
                                    List.of(file.status(), file.rowsRead(), file.rowsStaged(), file.rowsRejected()))
                            .containsExactly("INGESTED", 5L, 4L, 1L));
            assertThat(outcome.files()).hasSizeGreaterThan(1);
            assertThat(outcome.files())
                    .filteredOn(file -> !file.file().equals(SOURCE))
                    .allSatisfy(file -> assertThat(file.status()).isEqualTo("INGESTED"));
        }
    }

    @Test
    void theManifestCountsTheRowsReadAndChecksumsThem() throws Exception {
        assertThat(single(
                        duckdb,
                        "SELECT concat_ws('|', program_code, source_file, status, rows_read, rows_staged, rows_rejected)"
                                + " FROM " + parquet(manifest())))
                .isEqualTo("BANSOS_DAERAH|bansos-db.jdbc|INGESTED|5|4|1");
        assertThat(sha256AfterFirst).matches("[0-9a-f]{64}");
        assertThat(Long.parseLong(single(duckdb, "SELECT size_bytes FROM " + parquet(manifest()))))
                .isPositive();
        assertThat(rows(duckdb, "SELECT source_row || '|' || rule_id FROM " + parquet(rejected())))
                .containsExactly("3|NIK_LENGTH");
        assertThat(single(duckdb, "SELECT count(*) FROM " + parquet(staged()))).isEqualTo("4");
    }

    @Test
    void thePublishedWarehouseHoldsTheSourceRows() throws Exception {
        try (Connection warehouse = DuckDb.openReadOnly(data.publishedWarehouse())) {
            assertThat(single(
                            warehouse,
                            "SELECT concat_ws('|', program_code, status, rows_read, rows_staged, rows_rejected)"
                                    + " FROM file_manifest WHERE period = '2026-10' AND source_file = '" + SOURCE
                                    + "'"))
                    .isEqualTo("BANSOS_DAERAH|INGESTED|5|4|1");
            assertThat(rows(
                            warehouse,
                            "SELECT concat_ws('|', program_code, source_row, rule_id) FROM reject"
                                    + " WHERE period = '2026-10' AND source_file = '" + SOURCE + "'"))
                    .containsExactly("BANSOS_DAERAH|3|NIK_LENGTH");
            // the enrollment holds the persons the link step found for the source's staged rows
            List<String> personIds = rows(
                    duckdb,
                    "SELECT person_id FROM "
                            + parquet(data.linkedPartition(java.time.YearMonth.of(2026, 10))
                                    .resolve("person_link.parquet"))
                            + " WHERE source_file = '" + SOURCE + "' ORDER BY 1");
            assertThat(personIds).hasSize(4).doesNotHaveDuplicates();
            assertThat(single(
                            warehouse,
                            "SELECT count(*) FROM enrollment WHERE period = '2026-10' AND program_code = 'BANSOS_DAERAH'"
                                    + " AND person_id IN ('" + String.join("', '", personIds) + "')"))
                    .isEqualTo("4");
        }
    }

    @Test
    void reRunningThePeriodWritesTheSameLakeFilesAndChecksum() throws Exception {
        assertThat(Files.readAllBytes(staged())).isEqualTo(stagedAfterFirst);
        assertThat(Files.readAllBytes(rejected())).isEqualTo(rejectedAfterFirst);
        assertThat(single(duckdb, "SELECT sha256 FROM " + parquet(manifest()))).isEqualTo(sha256AfterFirst);
    }

    @Test
    void historyAndRunReportCountTheSourceLikeAFile() throws Exception {
        RunSummary latest = history.get(0);
        assertThat(latest.runId()).isEqualTo(second.jobExecutionId());
        long filesRead = second.files().stream()
                .mapToLong(RefreshOutcome.FileOutcome::rowsRead)
                .sum();
        long filesRejected = second.files().stream()
                .mapToLong(RefreshOutcome.FileOutcome::rowsRejected)
                .sum();
        assertThat(latest.filesIngested()).isEqualTo(second.files().size());
        assertThat(latest.rowsRead()).isEqualTo(filesRead);
        assertThat(latest.rowsRejected()).isEqualTo(filesRejected).isEqualTo(1);

        Path report = data.reports(PERIOD).resolve("run-" + second.jobExecutionId() + ".json");
        assertThat(single(
                        duckdb,
                        "SELECT concat_ws('|', f.status, f.rowsRead, f.rowsStaged, f.rowsRejected) FROM (SELECT"
                                + " unnest(files) AS f FROM read_json(" + DuckDb.literal(report) + "))"
                                + " WHERE f.file = '" + SOURCE + "'"))
                .isEqualTo("INGESTED|5|4|1");
        assertThat(single(duckdb, "SELECT rejectsByRule.NIK_LENGTH FROM read_json(" + DuckDb.literal(report) + ")"))
                .isEqualTo("1");
    }

    private Path staged() {
        return data.stagedPartition(PERIOD, "BANSOS_DAERAH").resolve(SOURCE + ".parquet");
    }

    private Path rejected() {
        return data.rejectedPartition(PERIOD, "BANSOS_DAERAH").resolve(SOURCE + ".parquet");
    }

    private Path manifest() {
        return data.manifestPartition(PERIOD).resolve(SOURCE + ".parquet");
    }

    private static String parquet(Path file) {
        return "read_parquet(" + DuckDb.literal(file) + ")";
    }
}
