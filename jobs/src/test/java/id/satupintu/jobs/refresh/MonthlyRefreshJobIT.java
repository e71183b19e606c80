package id.satupintu.jobs.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.jobs.BatchApplication;
import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.generate.GeneratedFile;
import id.satupintu.pipeline.generate.GenerationResult;
import id.satupintu.pipeline.generate.GeneratorSettings;
import id.satupintu.pipeline.generate.SyntheticRosterGenerator;
import id.satupintu.pipeline.lake.DataDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;

/**
 * The whole monthly refresh on a small generated Buleleng: two months through the real job, a
 * real H2 job repository file, real Parquet files and a real DuckDB warehouse, checked against the
 * generator's ground truth.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyRefreshJobIT {
    private static final YearMonth FIRST = YearMonth.of(2026, 9);
    private static final YearMonth SECOND = YearMonth.of(2026, 10);

    @TempDir
    static Path root;

    private DataDirectory data;
    private GenerationResult generated;
    private List<RefreshOutcome> outcomes;

    @BeforeAll
    void refreshTwoMonths() throws Exception {
        data = new DataDirectory(root);
        GeneratorSettings settings = new GeneratorSettings("51.08", FIRST, 2, 2_000, 20261123L, 0.02);
        generated = new SyntheticRosterGenerator(settings).generate(root);
        outcomes = BatchApplication.run(data, context -> {
            RefreshRunner runner = context.getBean(RefreshRunner.class);
            try {
                return List.of(runner.refresh(FIRST), runner.refresh(SECOND));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void bothMonthsComplete() {
        assertThat(outcomes)
                .extracting(RefreshOutcome::status)
                .containsExactly(BatchStatus.COMPLETED, BatchStatus.COMPLETED);
    }

    @Test
    void everyRosterRowIsStagedOrRejectedAsTheGeneratorIntended() {
        for (RefreshOutcome outcome : outcomes) {
            List<String> expected = new ArrayList<>();
            for (GeneratedFile file : generated.files(outcome.period())) {
                expected.add(file.fileName() + " INGESTED " + file.rows() + " = " + file.validRows() + " + "
                        + file.faultyRows());
            }
            expected.sort(String::compareTo);
            assertThat(outcome.files())
                    .extracting(file -> file.file() + " " + file.status() + " " + file.rowsRead() + " = "
                            + file.rowsStaged() + " + " + file.rowsRejected())
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void stagedParquetHoldsTheValidRowsOfEachProgram() throws Exception {
        try (Connection duckdb = DuckDb.inMemory(1)) {
            for (GeneratedFile file : generated.files()) {
                Path staged = data.stagedPartition(file.period(), file.program().code())
                        .resolve(file.fileName() + ".parquet");
                assertThat(single(duckdb, "SELECT count(*) FROM read_parquet(" + DuckDb.literal(staged) + ")"))
                        .as(file.fileName())
                        .isEqualTo(String.valueOf(file.validRows()));
            }
        }
    }

    @Test
    void rejectedRowsAreExactlyTheInjectedFaults() throws Exception {
        try (Connection warehouse = DuckDb.openReadOnly(data.publishedWarehouse())) {
            for (YearMonth period : List.of(FIRST, SECOND)) {
                List<String> faults =
                        Files.readAllLines(data.truth(period).resolve("faults.csv"), StandardCharsets.UTF_8).stream()
                                .skip(1)
                                .map(line -> line.substring(0, line.lastIndexOf(',')))
                                .sorted()
                                .toList();
                assertThat(rows(
                                warehouse,
                                "SELECT source_file || ',' || source_row FROM reject WHERE period = '" + period
                                        + "' ORDER BY 1"))
                        .hasSize(faults.size())
                        .containsExactlyInAnyOrderElementsOf(faults);
            }
        }
    }

    @Test
    void recipientsPerKecamatanMatchTheGroundTruthForBothMonths() throws Exception {
        try (Connection warehouse = DuckDb.openReadOnly(data.publishedWarehouse())) {
            for (YearMonth period : List.of(FIRST, SECOND)) {
                List<String> truth = Files.readAllLines(
                                data.truth(period).resolve("recipients_by_kecamatan.csv"), StandardCharsets.UTF_8)
                        .stream()
                        .skip(1)
                        .toList();
                assertThat(rows(
                                warehouse,
                                "SELECT program_code || ',' || kode_kecamatan || ',' || recipients"
                                        + " FROM mart_recipients_kecamatan WHERE period = '" + period
                                        + "' ORDER BY program_code, kode_kecamatan"))
                        .containsExactlyElementsOf(truth);
            }
        }
    }

    @Test
    void personsAreDeduplicatedByNikAcrossPrograms() throws Exception {
        try (Connection warehouse = DuckDb.openReadOnly(data.publishedWarehouse())) {
            for (YearMonth period : List.of(FIRST, SECOND)) {
                Map<String, String> summary = summary(period);
                assertThat(single(
                                warehouse,
                                "SELECT count(DISTINCT person_id) FROM enrollment WHERE period = '" + period + "'"))
                        .isEqualTo(summary.get("distinct_valid_nik"));
            }
            assertThat(single(warehouse, "SELECT count(*) FROM person WHERE first_period = '2026-09'"))
                    .isEqualTo(single(
                            warehouse, "SELECT count(DISTINCT person_id) FROM enrollment WHERE period = '2026-09'"));
            assertThat(single(warehouse, "SELECT count(*) FROM wilayah")).isEqualTo("91599");
            assertThat(single(warehouse, "SELECT string_agg(period, ',' ORDER BY period) FROM period"))
                    .isEqualTo("2026-09,2026-10");
        }
    }

    @Test
    void jobHistorySurvivesInTheRepositoryFile() {
        assertThat(data.metadata().resolve("jobs.mv.db")).isRegularFile();
        long instances = BatchApplication.run(data, context -> (long) context.getBean(JobRepository.class)
                .getJobInstances(RefreshJobConfiguration.JOB_NAME, 0, 100)
                .size());
        assertThat(instances).isGreaterThanOrEqualTo(2);
    }

    @Test
    void refreshingAMonthAgainGivesTheSameWarehouse() throws Exception {
        String query = "SELECT period || program_code || kode_kecamatan || recipients || coalesce(benefit_rupiah, 0)"
                + " FROM mart_recipients_kecamatan ORDER BY 1";
        List<String> before;
        try (Connection warehouse = DuckDb.openReadOnly(data.publishedWarehouse())) {
            before = rows(warehouse, query);
        }
        RefreshOutcome again = BatchApplication.run(data, context -> {
            try {
                return context.getBean(RefreshRunner.class).refresh(SECOND);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(again.status()).isEqualTo(BatchStatus.COMPLETED);
        try (Connection warehouse = DuckDb.openReadOnly(data.publishedWarehouse())) {
            assertThat(rows(warehouse, query)).containsExactlyElementsOf(before);
        }
    }

    private Map<String, String> summary(YearMonth period) throws Exception {
        Map<String, String> summary = new TreeMap<>();
        for (String line : Files.readAllLines(data.truth(period).resolve("summary.csv"), StandardCharsets.UTF_8)) {
            String[] parts = line.split(",");
            summary.put(parts[0], parts[1]);
        }
        return summary;
    }

    private static String single(Connection connection, String sql) throws Exception {
        List<String> rows = rows(connection, sql);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static List<String> rows(Connection connection, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
