package id.satupintu.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.pipeline.TestLakes;
import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.generate.FaultRates;
import id.satupintu.pipeline.generate.GeneratorSettings;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage by desil on a generated Buleleng of two months with clean rosters, every file ingested
 * (the DTSEN extract too) and no link step (a person is their NIK key): the desil marts equal what
 * the generator's truth says, cell by cell. The truth's population gives each person's household,
 * desil and whether they are on the month's DTSEN extract; its enrollment, who is enrolled where.
 */
class DtsenTruthWarehouseTest {
    private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @TempDir
    static Path root;

    private static DataDirectory data;
    private static Connection duckdb;

    @BeforeAll
    static void generateIngestAndBuild() throws Exception {
        data = new DataDirectory(root);
        TestLakes.generateAndIngest(
                root, new GeneratorSettings("51.08", SEPTEMBER, 2, 4_000, 20261130L, FaultRates.none()), file -> true);
        Path warehouse = new WarehouseBuilder(data, WilayahTable.national())
                .build("truth")
                .file();
        duckdb = DuckDb.inMemory(2);
        DuckDb.execute(duckdb, "ATTACH " + DuckDb.literal(warehouse) + " AS w (READ_ONLY)");
        for (YearMonth period : List.of(SEPTEMBER, OCTOBER)) {
            String month = period.toString().replace("-", "_");
            DuckDb.execute(
                    duckdb,
                    "CREATE TABLE population_" + month + " AS SELECT p.*, w.kode_kecamatan FROM "
                            + truth(period, "population") + " p JOIN w.wilayah w ON w.kode_wilayah = p.kode_desa");
            DuckDb.execute(
                    duckdb, "CREATE TABLE enrollment_" + month + " AS SELECT * FROM " + truth(period, "enrollment"));
        }
    }

    @AfterAll
    static void close() throws Exception {
        duckdb.close();
    }

    @Test
    void recipientsPerDesilAreTheTruthsRecipientsByTheirFamilysDesil() throws Exception {
        for (YearMonth period : List.of(SEPTEMBER, OCTOBER)) {
            String month = period.toString().replace("-", "_");
            // the enrolled person's desil when they are on the extract, else unknown
            // per cell: recipients, their DTSEN families, and their households where the rosters carry
            // a KK (a person only on the electricity or regional roster has no household in the warehouse)
            List<String> truth = rows("SELECT concat_ws(' ', program_code, kode_kecamatan, desil, recipients,"
                    + " families, CASE WHEN program_code IN ('LISTRIK', 'BANSOS_DAERAH') THEN '-'"
                    + " ELSE CAST(households AS VARCHAR) END) FROM (SELECT e.program_code, e.kode_kecamatan,"
                    + " CASE WHEN p.dtsen = 'Y' THEN CAST(p.desil AS VARCHAR) ELSE 'unknown' END AS desil,"
                    + " count(*) AS recipients, count(DISTINCT p.household_id) FILTER (WHERE p.dtsen = 'Y') AS families,"
                    + " count(DISTINCT e.household_id) AS households"
                    + " FROM enrollment_" + month + " e JOIN population_" + month + " p USING (person_id)"
                    + " GROUP BY ALL) ORDER BY 1");
            assertThat(truth).hasSizeGreaterThan(150);
            assertThat(rows("SELECT concat_ws(' ', program_code, kode_kecamatan, desil, recipients,"
                            + " recipient_families, CASE WHEN program_code IN ('LISTRIK', 'BANSOS_DAERAH') THEN '-'"
                            + " ELSE CAST(households AS VARCHAR) END) FROM w.mart_coverage_desil WHERE period = '"
                            + period + "' AND recipients > 0 ORDER BY 1"))
                    .as(period.toString())
                    .containsExactlyElementsOf(truth);
            assertThat(rows("SELECT count(*) FROM w.mart_coverage_desil WHERE period = '" + period
                            + "' AND desil = 'unknown' AND recipients > 0"))
                    .isNotEqualTo(List.of("0"));
        }
    }

    @Test
    void theDtsenPopulationPerDesilIsTheTruthsRegisteredFamilies() throws Exception {
        for (YearMonth period : List.of(SEPTEMBER, OCTOBER)) {
            String month = period.toString().replace("-", "_");
            List<String> truth = rows("SELECT concat_ws(' ', *COLUMNS(*)) FROM (SELECT kode_kecamatan, desil,"
                    + " count(DISTINCT household_id), count(*) FROM population_" + month
                    + " WHERE dtsen = 'Y' GROUP BY ALL) ORDER BY 1");
            assertThat(truth).hasSizeGreaterThan(80);
            // the same on every program's row
            assertThat(rows("SELECT DISTINCT concat_ws(' ', kode_kecamatan, desil, dtsen_families, dtsen_persons)"
                            + " FROM w.mart_coverage_desil WHERE period = '" + period
                            + "' AND desil <> 'unknown' ORDER BY 1"))
                    .as(period.toString())
                    .containsExactlyElementsOf(truth);
            assertThat(rows("SELECT concat_ws(' ', count(*), sum(persons)) FROM w.dtsen_household WHERE period = '"
                            + period + "'"))
                    .containsExactlyElementsOf(rows("SELECT concat_ws(' ', count(DISTINCT household_id), count(*))"
                            + " FROM population_" + month + " WHERE dtsen = 'Y'"));
        }
    }

    @Test
    void unservedFamiliesAreTheTruthsDesilOneToFourHouseholdsWithNoMemberEnrolled() throws Exception {
        for (YearMonth period : List.of(SEPTEMBER, OCTOBER)) {
            String month = period.toString().replace("-", "_");
            List<String> truth = rows(
                    "WITH family AS (SELECT household_id, any_value(kode_kecamatan) AS kode_kecamatan,"
                            + " any_value(desil) AS desil, count(*) AS persons, count(*) FILTER (WHERE person_id IN"
                            + " (SELECT person_id FROM enrollment_" + month + ")) AS enrolled FROM population_" + month
                            + " WHERE dtsen = 'Y' AND desil <= 4 GROUP BY household_id)"
                            + " SELECT concat_ws(' ', *COLUMNS(*)) FROM (SELECT kode_kecamatan, count(*), sum(persons),"
                            + " count(*) FILTER (WHERE enrolled = 0), coalesce(sum(persons) FILTER (WHERE enrolled = 0), 0),"
                            + " count(*) FILTER (WHERE enrolled = 0 AND desil = 1) FROM family GROUP BY ALL) ORDER BY 1");
            assertThat(truth).hasSize(9);
            assertThat(rows("SELECT concat_ws(' ', kode_kecamatan, families_desil_1_4, persons_desil_1_4,"
                            + " unserved_families_desil_1_4, unserved_persons_desil_1_4, unserved_families_desil_1)"
                            + " FROM w.mart_unserved_kecamatan WHERE period = '" + period + "' ORDER BY 1"))
                    .as(period.toString())
                    .containsExactlyElementsOf(truth);
        }
        assertThat(rows("SELECT test_name || ' ' || failing_rows FROM w.data_test_result"
                        + " WHERE test_name = 'coverage_desil_matches_enrollment'"))
                .containsExactly("coverage_desil_matches_enrollment 0");
    }

    private static String truth(YearMonth period, String table) {
        return "read_parquet("
                + DuckDb.literal(data.truth(period).resolve(table).resolve("*.parquet")) + ")";
    }

    private static List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
