package id.satupintu.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.satupintu.pipeline.TestLakes;
import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.generate.FaultRates;
import id.satupintu.pipeline.generate.GeneratorSettings;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.schemas.program.Program;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warehouse build over a real lake of two generated PKH and PBI-JK rosters. */
class WarehouseBuilderTest {
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @TempDir
    static Path root;

    private static DataDirectory data;

    @BeforeAll
    static void ingestTwoRosters() throws Exception {
        data = new DataDirectory(root);
        TestLakes.generateAndIngest(
                root,
                new GeneratorSettings("51.08", OCTOBER, 1, 1_500, 7L, FaultRates.none()),
                file -> file.program()
                        .filter(List.of(Program.PKH, Program.PBI_JK)::contains)
                        .isPresent());
    }

    /** Each test brings its own operator data tests. */
    @AfterEach
    void removeOperatorTests() throws Exception {
        Path tests = root.resolve("config").resolve("data-tests");
        if (Files.isDirectory(tests)) {
            try (var files = Files.list(tests)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Test
    void recordsEveryDataTestWithItsSeverityInTheBuild() throws Exception {
        BuiltWarehouse built = new WarehouseBuilder(data, WilayahTable.national()).build("run-1");

        assertThat(built.tableRows()).containsEntry("data_test_result", 17L);
        try (Connection warehouse = DuckDb.openReadOnly(built.file())) {
            assertThat(rows(
                            warehouse,
                            "SELECT test_name || ' ' || severity || ' ' || failing_rows"
                                    + " FROM data_test_result ORDER BY test_name"))
                    .containsExactly(
                            "changes_match_enrollment error 0",
                            "coverage_desil_matches_enrollment error 0",
                            "enrollment_desa_is_known error 0",
                            "enrollment_program_is_known error 0",
                            "history_covers_enrollment error 0",
                            "households_are_consistent error 0",
                            "keys_are_unique error 0",
                            "manifest_reconciles_with_lake error 0",
                            "mart_recipients_desa_match_enrollment error 0",
                            "mart_recipients_match_enrollment error 0",
                            "program_overlap_matches_enrollment error 0",
                            "recipients_month_over_month_outlier warn 0",
                            "rejected_links_are_loaded error 0",
                            "spending_matches_enrollment error 0",
                            "staged_flags_are_loaded error 0",
                            "staged_rows_are_loaded error 0",
                            "status_override_person_exists warn 0");
        }
    }

    @Test
    void spendingSpreadsPkhTahapOverThreeMonthsAndPricesThePbiPremium() throws Exception {
        BuiltWarehouse built = new WarehouseBuilder(data, WilayahTable.national()).build("run-4");

        try (Connection warehouse = DuckDb.openReadOnly(built.file())) {
            assertThat(rows(
                            warehouse,
                            "SELECT program_code || ' ' || quarter || ' ' || year || ' ' || funding_source || ' '"
                                    + " || sum(recipients) || ' ' || coalesce(CAST(sum(paid_rupiah) AS VARCHAR), '-')"
                                    + " || ' ' || CAST(CAST(sum(entitled_rupiah) AS BIGINT) AS VARCHAR)"
                                    + " FROM mart_spending_kecamatan WHERE program_code = 'PBI_JK'"
                                    + " GROUP BY program_code, quarter, year, funding_source"))
                    .containsExactly(
                            "PBI_JK 2026-Q4 2026 APBN " + enrolled("PBI_JK") + " - " + 42_000L * enrolled("PBI_JK"));
            // a third of each tahap, exact to the sen in each kecamatan row
            String[] pkh = rows(
                            warehouse,
                            "SELECT sum(recipients) || ' ' || sum(paid_rupiah) || ' ' || sum(entitled_rupiah) || ' '"
                                    + " || count(*) FROM mart_spending_kecamatan WHERE program_code = 'PKH'")
                    .get(0)
                    .split(" ");
            assertThat(Long.parseLong(pkh[0])).isEqualTo(enrolled("PKH"));
            assertThat(pkh[1]).isEqualTo(pkh[2]);
            assertThat(Double.parseDouble(pkh[1]))
                    .isCloseTo(tahapSum() / 3.0, org.assertj.core.data.Offset.offset(0.01 * Long.parseLong(pkh[3])));
            assertThat(rows(warehouse, "SELECT count(*) FROM benefit_rate")).containsExactly("14");
        }
    }

    @Test
    void plannerMartsGiveTheTruthsRecipientsPerProgram() throws Exception {
        BuiltWarehouse built = new WarehouseBuilder(data, WilayahTable.national()).build("run-6");

        try (Connection warehouse = DuckDb.openReadOnly(built.file())) {
            for (String program : List.of("PKH", "PBI_JK")) {
                String truth = Long.toString(enrolled(program));
                assertThat(rows(
                                warehouse,
                                "SELECT sum(recipients) FROM mart_recipients_desa WHERE program_code = '" + program
                                        + "'"))
                        .as(program)
                        .containsExactly(truth);
                assertThat(rows(
                                warehouse,
                                "SELECT sum(persons) FROM mart_program_overlap WHERE program_a = '" + program
                                        + "' AND program_b = '" + program + "'"))
                        .as(program)
                        .containsExactly(truth);
                // the only month of the lake: recipients, and nothing to compare them with
                assertThat(rows(
                                warehouse,
                                "SELECT sum(recipients) || ' ' || count(added) || ' ' || count(exited)"
                                        + " FROM mart_changes_kecamatan WHERE program_code = '" + program + "'"))
                        .as(program)
                        .containsExactly(truth + " 0 0");
            }
            // only the documented bands and sexes; a generated kabupaten has adults and elders
            assertThat(rows(warehouse, "SELECT DISTINCT age_band FROM mart_recipients_desa ORDER BY ALL"))
                    .isSubsetOf("0-6", "18-59", "60+", "7-17", "unknown")
                    .contains("18-59", "60+");
            assertThat(rows(warehouse, "SELECT DISTINCT sex FROM mart_recipients_desa ORDER BY ALL"))
                    .isSubsetOf("L", "P", "unknown")
                    .contains("L", "P");
        }
    }

    /** Recipients in the generator's truth. */
    private static long enrolled(String program) throws Exception {
        try (Connection duckdb = DuckDb.inMemory(1)) {
            return Long.parseLong(rows(
                            duckdb,
                            "SELECT count(*) FROM read_parquet("
                                    + DuckDb.literal(data.truth(OCTOBER).resolve("enrollment/*.parquet"))
                                    + ") WHERE program_code = '" + program + "'")
                    .get(0));
        }
    }

    private static long tahapSum() throws Exception {
        try (Connection duckdb = DuckDb.inMemory(1)) {
            return Long.parseLong(rows(
                            duckdb,
                            "SELECT sum(benefit_rupiah) FROM read_parquet("
                                    + DuckDb.literal(data.truth(OCTOBER).resolve("enrollment/*.parquet"))
                                    + ") WHERE program_code = 'PKH'")
                    .get(0));
        }
    }

    @Test
    void readsLakeFilesWrittenBeforeAColumnWasAdded() throws Exception {
        Path staged = data.stagedPartition(OCTOBER, "PKH").resolve("pkh_5108_202610.csv.parquet");
        Path older = staged.resolveSibling("older.tmp");
        try (Connection duckdb = DuckDb.inMemory(1)) {
            DuckDb.execute(
                    duckdb,
                    "COPY (SELECT * EXCLUDE (flags, gelar) FROM read_parquet(" + DuckDb.literal(staged) + ")) TO "
                            + DuckDb.literal(older) + " (FORMAT parquet)");
        }
        Files.move(older, staged, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        BuiltWarehouse built = new WarehouseBuilder(data, WilayahTable.national()).build("run-5");

        try (Connection warehouse = DuckDb.openReadOnly(built.file())) {
            assertThat(rows(
                            warehouse,
                            "SELECT sum(recipients) FROM mart_recipients_kecamatan WHERE program_code = 'PKH'"))
                    .containsExactly(Long.toString(enrolled("PKH")));
        }
    }

    @Test
    void aFailingErrorTestStopsTheBuildAndNamesItsRows() throws Exception {
        Path tests = Files.createDirectories(root.resolve("config").resolve("data-tests"));
        Files.writeString(
                tests.resolve("pkh_is_empty.sql"),
                "-- severity: error\nSELECT program_code, count(*) AS enrollments FROM enrollment"
                        + " WHERE program_code = 'PKH' GROUP BY program_code\n");

        assertThatThrownBy(() -> new WarehouseBuilder(data, WilayahTable.national()).build("run-2"))
                .isInstanceOf(WarehouseBuildException.class)
                .hasMessageStartingWith("Data tests failed, warehouse not published: pkh_is_empty (error, 1 rows:"
                        + " program_code=PKH, enrollments=");
        assertThat(data.warehouseBuilds().resolve("run-2.duckdb")).doesNotExist();
    }

    @Test
    void aFailingWarningIsRecordedAndTheBuildGoesOn() throws Exception {
        Path tests = Files.createDirectories(root.resolve("config").resolve("data-tests"));
        Files.writeString(
                tests.resolve("pbi_listed.sql"),
                "-- severity: warn\nSELECT 'PBI_JK' AS program_code FROM enrollment WHERE program_code = 'PBI_JK'"
                        + " LIMIT 7;\n");

        BuiltWarehouse built = new WarehouseBuilder(data, WilayahTable.national()).build("run-3");

        try (Connection warehouse = DuckDb.openReadOnly(built.file())) {
            assertThat(rows(
                            warehouse,
                            "SELECT severity || ' ' || failing_rows || ' ' || sample"
                                    + " FROM data_test_result WHERE test_name = 'pbi_listed'"))
                    .containsExactly("warn 7 program_code=PBI_JK | program_code=PBI_JK | program_code=PBI_JK"
                            + " | program_code=PBI_JK | program_code=PBI_JK");
        }
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
