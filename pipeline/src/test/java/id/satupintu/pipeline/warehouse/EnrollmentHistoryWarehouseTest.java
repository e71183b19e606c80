package id.satupintu.pipeline.warehouse;

import static id.satupintu.pipeline.warehouse.HandMadeLake.id;
import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.status.StatusOverrides;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrollment as history over a hand-made lake of four PKH months (desa Sumberklampok), each exit's
 * reason worked out by hand:
 *
 * <ul>
 *   <li>p1: Dukcapil death on 10 September (October extract): deceased from October; off the
 *       October roster: exit MENINGGAL on Dukcapil's word.
 *   <li>p2: a musyawarah declared them well-off from September (BA/2); off the September roster.
 *   <li>p3: on the August roster; from September the link finds their rows are p4's (MERGE): exit
 *       DUPLIKAT into p4, who is new in September.
 *   <li>p5: off the September roster without a reason, back in October, off again in November.
 *   <li>p6: on every roster.
 * </ul>
 */
class EnrollmentHistoryWarehouseTest {
    private static final String A1 = "51.08.01.2001";

    @TempDir
    static Path root;

    private static Path warehouse;

    @BeforeAll
    static void buildFromAHandMadeLake() throws Exception {
        DataDirectory data = new DataDirectory(root);
        HandMadeLake.writeRoster(
                data, "2026-08", "PKH", 900_000, "p1 " + A1, "p2 " + A1, "p3 " + A1, "p5 " + A1, "p6 " + A1);
        HandMadeLake.writeRoster(data, "2026-09", "PKH", 900_000, "p1 " + A1, "p4 " + A1, "p6 " + A1);
        HandMadeLake.writeRoster(data, "2026-10", "PKH", 900_000, "p4 " + A1, "p5 " + A1, "p6 " + A1);
        HandMadeLake.writeRoster(data, "2026-11", "PKH", 900_000, "p4 " + A1, "p6 " + A1);
        HandMadeLake.writeDukcapil(data, "2026-10", "p1 KEMATIAN DATE '2026-09-10'");
        for (String period : List.of("2026-08", "2026-09", "2026-10", "2026-11")) {
            HandMadeLake.writePersonLink(data, period);
        }
        try (Connection duckdb = DuckDb.inMemory(1)) {
            DuckDb.execute(
                    duckdb,
                    "COPY (SELECT '2026-09' AS period, 'MERGE' AS event, '" + id(4) + "' AS person_id, '" + id(3)
                            + "' AS other_person_id, CAST(1 AS BIGINT) AS rows, CAST(NULL AS VARCHAR) AS reference)"
                            + " TO "
                            + DuckDb.literal(
                                    data.linkedPartition(YearMonth.of(2026, 9)).resolve("link_event.parquet"))
                            + " (FORMAT parquet)");
        }
        Files.createDirectories(data.config());
        Files.writeString(
                data.statusOverrides(),
                StatusOverrides.HEADER + "\n" + id(2) + ",MAMPU,2026-09,Musdes Desa Sumberklampok,2026-08-30,BA/2,\n");
        warehouse = new WarehouseBuilder(data, WilayahTable.national())
                .build("history")
                .file();
    }

    @Test
    void everyExitHasTheReasonKnownInItsMonth() throws Exception {
        assertThat(rows("SELECT concat_ws(' ', right(person_id, 1), episode_no, entry_kind, from_period, to_period,"
                        + " months, coalesce(exit_period, '-'), coalesce(exit_reason, '-'), coalesce(exit_basis,"
                        + " '-'), coalesce(exit_reference, '-'), coalesce(right(merged_into, 1), '-')) FROM"
                        + " enrollment_episode ORDER BY person_id, episode_no"))
                .containsExactly(
                        "1 1 AWAL 2026-08 2026-09 2 2026-10 MENINGGAL DUKCAPIL - -",
                        "2 1 AWAL 2026-08 2026-08 1 2026-09 MAMPU OVERRIDE BA/2 -",
                        "3 1 AWAL 2026-08 2026-08 1 2026-09 DUPLIKAT LINK - 4",
                        "4 1 BARU 2026-09 2026-11 3 - - - - -",
                        "5 1 AWAL 2026-08 2026-08 1 2026-09 KELUAR_DARI_DAFTAR ROSTER - -",
                        "5 2 MASUK_KEMBALI 2026-10 2026-10 1 2026-11 KELUAR_DARI_DAFTAR ROSTER - -",
                        "6 1 AWAL 2026-08 2026-11 4 - - - - -");
    }

    @Test
    void theRecipientsOfAPastMonthAreTheEpisodesOpenInIt() throws Exception {
        for (String month : List.of("2026-08", "2026-09", "2026-10", "2026-11")) {
            assertThat(rows("SELECT count(*) FROM enrollment_episode WHERE from_period <= '" + month
                            + "' AND (exit_period IS NULL OR exit_period > '" + month + "')"))
                    .as(month)
                    .isEqualTo(rows("SELECT count(*) FROM enrollment WHERE period = '" + month + "'"));
        }
        assertThat(rows("SELECT test_name || ' ' || failing_rows FROM data_test_result WHERE test_name ="
                        + " 'history_covers_enrollment'"))
                .containsExactly("history_covers_enrollment 0");
    }

    private static List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DuckDb.openReadOnly(warehouse);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
