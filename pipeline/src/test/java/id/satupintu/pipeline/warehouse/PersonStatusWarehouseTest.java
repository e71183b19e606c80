package id.satupintu.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * {@code person_status} and the targeting indicators over a hand-made lake (staged rosters, Dukcapil
 * extracts, the link's person ids, a merge) and a hand-written {@code config/status-overrides.csv},
 * every count worked out by hand below.
 *
 * <p>Kecamatan A is Gerokgak (51.08.01, desa Sumberklampok), B is Seririt (51.08.02, desa Unggahan).
 * PKH lists p1, p2, p5, p6 in A and p3, p4, p10, p11 in B in August, September and October; BPNT
 * lists p7 in B in September and October. Person pN has the id {@code P} + N in 19 hex digits.
 *
 * <ul>
 *   <li>p1: Dukcapil death on 20 August, in the September extract and again in October: deceased
 *       from September.
 *   <li>p2: Dukcapil death on 5 August, found wrong: AKTIF from September (line 2).
 *   <li>p3: declared well-off from September (line 3).
 *   <li>p4: a musyawarah desa declared them deceased from October (line 4); Dukcapil said nothing.
 *   <li>p5: well-off from August (line 5), eligible again from October (line 8).
 *   <li>p6: moved from October (line 6), taken back for the same month (line 9): never moved.
 *   <li>p7: Dukcapil move out on 10 September: moved from October.
 *   <li>p8: a Dukcapil death of a NIK no roster carries: its NIK key stands for the person.
 *   <li>p9: merged into p1 by the link in September, still named by line 10: the decision holds
 *       for p1.
 *   <li>p10: a Dukcapil death without a readable date in the October extract: deceased from October.
 *   <li>p11: Dukcapil move out on 15 August; back and eligible from October (line 7).
 * </ul>
 */
class PersonStatusWarehouseTest {
    private static final String A1 = "51.08.01.2001";
    private static final String B1 = "51.08.02.2001";

    @TempDir
    static Path root;

    private static Path warehouse;

    @BeforeAll
    static void buildFromAHandMadeLakeAndDecisions() throws Exception {
        DataDirectory data = new DataDirectory(root);
        for (String period : List.of("2026-08", "2026-09", "2026-10")) {
            HandMadeLake.writeRoster(
                    data,
                    period,
                    "PKH",
                    900_000,
                    "p1 " + A1,
                    "p2 " + A1,
                    "p5 " + A1,
                    "p6 " + A1,
                    "p3 " + B1,
                    "p4 " + B1,
                    "p10 " + B1,
                    "p11 " + B1);
        }
        HandMadeLake.writeRoster(data, "2026-09", "BPNT", 200_000, "p7 " + B1);
        HandMadeLake.writeRoster(data, "2026-10", "BPNT", 200_000, "p7 " + B1);
        HandMadeLake.writeDukcapil(
                data,
                "2026-09",
                "p1 KEMATIAN DATE '2026-08-20'",
                "p2 KEMATIAN DATE '2026-08-05'",
                "p11 PINDAH_KELUAR DATE '2026-08-15'");
        HandMadeLake.writeDukcapil(
                data,
                "2026-10",
                "p1 KEMATIAN DATE '2026-08-20'",
                "p7 PINDAH_KELUAR DATE '2026-09-10'",
                "p10 KEMATIAN NULL",
                "p8 KEMATIAN DATE '2026-07-01'");
        for (String period : List.of("2026-08", "2026-09", "2026-10")) {
            HandMadeLake.writePersonLink(data, period);
        }
        try (Connection duckdb = DuckDb.inMemory(1)) {
            DuckDb.execute(
                    duckdb,
                    "COPY (SELECT '2026-09' AS period, 'MERGE' AS event, '" + HandMadeLake.id(1) + "' AS person_id, '"
                            + HandMadeLake.id(9)
                            + "' AS other_person_id, CAST(2 AS BIGINT) AS rows, CAST(NULL AS VARCHAR) AS reference)"
                            + " TO "
                            + DuckDb.literal(
                                    data.linkedPartition(YearMonth.of(2026, 9)).resolve("link_event.parquet"))
                            + " (FORMAT parquet)");
        }
        Files.createDirectories(data.config());
        Files.writeString(
                data.statusOverrides(),
                String.join(
                                "\n",
                                StatusOverrides.HEADER,
                                HandMadeLake.id(2)
                                        + ",AKTIF,2026-09,Dinsos Buleleng,2026-09-20,BA/2,laporan kematian keliru",
                                HandMadeLake.id(3) + ",MAMPU,2026-09,Musdes Desa Unggahan,2026-08-28,BA/3,",
                                HandMadeLake.id(4) + ",MENINGGAL,2026-10,Musdes Desa Unggahan,2026-10-02,BA/4,",
                                HandMadeLake.id(5) + ",MAMPU,2026-08,Musdes Desa Sumberklampok,2026-07-30,BA/5,",
                                HandMadeLake.id(6) + ",PINDAH,2026-10,Musdes Desa Sumberklampok,2026-10-01,BA/6,",
                                HandMadeLake.id(11) + ",AKTIF,2026-10,Dinsos Buleleng,2026-10-03,BA/7,",
                                HandMadeLake.id(5) + ",AKTIF,2026-10,Musdes Desa Sumberklampok,2026-10-01,BA/8,",
                                HandMadeLake.id(6) + ",AKTIF,2026-10,Dinsos Buleleng,2026-10-05,\"BA/9, ralat BA/6\",",
                                HandMadeLake.id(9) + ",MENINGGAL,2026-09,Musdes Desa Sumberklampok,2026-09-01,BA/10,")
                        + "\n");

        warehouse = new WarehouseBuilder(data, WilayahTable.national())
                .build("status")
                .file();
    }

    @Test
    void personStatusHoldsEachEpisodeOfTheDecisionsAndOfDukcapilADecisionWinning() throws Exception {
        assertThat(rows("SELECT concat_ws(' ', person_id, status, source, from_period, coalesce(to_period, '-'),"
                        + " coalesce(CAST(event_date AS VARCHAR), '-'), coalesce(reported_period, '-'),"
                        + " coalesce(CAST(source_line AS VARCHAR), '-'), coalesce(reference, '-'),"
                        + " dukcapil_set_aside) FROM person_status ORDER BY person_id, from_period"))
                .containsExactly(
                        // p9's decision follows p9 into p1 and, being a decision, wins over p1's Dukcapil
                        // report (twice reported, from September) for the same months
                        HandMadeLake.id(1) + " MENINGGAL OVERRIDE 2026-09 - - - 10 BA/10 true",
                        // the wrong death report is set aside for every month
                        HandMadeLake.id(2) + " AKTIF OVERRIDE 2026-09 - - - 2 BA/2 true",
                        HandMadeLake.id(3) + " MAMPU OVERRIDE 2026-09 - - - 3 BA/3 false",
                        HandMadeLake.id(4) + " MENINGGAL OVERRIDE 2026-10 - - - 4 BA/4 false",
                        HandMadeLake.id(5) + " MAMPU OVERRIDE 2026-08 2026-09 - - 5 BA/5 false",
                        HandMadeLake.id(5) + " AKTIF OVERRIDE 2026-10 - - - 8 BA/8 false",
                        // line 6 is taken over from its own month on: in force in no month
                        HandMadeLake.id(6) + " AKTIF OVERRIDE 2026-10 - - - 9 BA/9, ralat BA/6 false",
                        HandMadeLake.id(7) + " PINDAH DUKCAPIL 2026-10 - 2026-09-10 2026-10 - - false",
                        // no readable date: from the month of the extract
                        HandMadeLake.id(10) + " MENINGGAL DUKCAPIL 2026-10 - - 2026-10 - - false",
                        // Dukcapil holds until the person's first decision
                        HandMadeLake.id(11) + " PINDAH DUKCAPIL 2026-09 2026-09 2026-08-15 2026-09 - - false",
                        HandMadeLake.id(11) + " AKTIF OVERRIDE 2026-10 - - - 7 BA/7 true",
                        "k8 MENINGGAL DUKCAPIL 2026-08 - 2026-07-01 2026-10 - - false");
        assertThat(rows("SELECT DISTINCT decided_by || ' ' || decided_on FROM person_status WHERE person_id = '"
                        + HandMadeLake.id(3) + "'"))
                .containsExactly("Musdes Desa Unggahan 2026-08-28");
        // every column says what it holds
        assertThat(rows("SELECT table_name || '.' || column_name FROM duckdb_columns() WHERE table_name IN"
                        + " ('person_status', 'mart_targeting_kecamatan') AND comment IS NULL"))
                .isEmpty();
        assertThat(rows("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'person_status'"
                        + " AND comment LIKE 'Whether a person is still eligible%'"))
                .containsExactly("1");
        // the reviewer's free-text note stays in the config file
        assertThat(rows("SELECT column_name FROM duckdb_columns() WHERE table_name = 'person_status'"
                        + " AND column_name LIKE '%note%'"))
                .isEmpty();
    }

    @Test
    void targetingCountsTheStatusInForceInEachMonth() throws Exception {
        assertThat(rows("SELECT concat_ws(' ', period, program_code, nama_kecamatan, recipients, deceased_enrolled,"
                        + " moved_enrolled, well_off_enrolled) FROM mart_targeting_kecamatan ORDER BY ALL"))
                .containsExactly(
                        // p5 well-off; p1's death was after the month began
                        "2026-08 PKH Gerokgak 4 0 0 1",
                        "2026-08 PKH Seririt 4 0 0 0",
                        // p7 moved during September, not before
                        "2026-09 BPNT Seririt 1 0 0 0",
                        // p1 deceased (Dukcapil), p2 not (AKTIF over Dukcapil), p5 well-off
                        "2026-09 PKH Gerokgak 4 1 0 1",
                        // p3 well-off, p11 moved
                        "2026-09 PKH Seririt 4 0 1 1",
                        "2026-10 BPNT Seririt 1 0 1 0",
                        // p5 and p6 eligible
                        "2026-10 PKH Gerokgak 4 1 0 0",
                        // p4 (musyawarah) and p10 (Dukcapil) deceased, p3 well-off, p11 back
                        "2026-10 PKH Seririt 4 2 0 1");
    }

    @Test
    void aDecisionForAPersonTheLinkMergedAwayFollowsThePersonItWentInto() throws Exception {
        assertThat(rows("SELECT concat_ws(' ', person_id, source_line, coalesce(decided_for_person_id, '-'))"
                        + " FROM person_status WHERE source = 'OVERRIDE' AND person_id IN ('"
                        + HandMadeLake.id(1) + "', '" + HandMadeLake.id(2) + "') ORDER BY ALL"))
                .containsExactly(
                        HandMadeLake.id(1) + " 10 " + HandMadeLake.id(9),
                        HandMadeLake.id(2) + " 2 " + HandMadeLake.id(2));
        assertThat(rows("SELECT decided_for_person_id FROM person_status WHERE source = 'DUKCAPIL'"
                        + " AND decided_for_person_id IS NOT NULL"))
                .isEmpty();
        assertThat(rows("SELECT concat_ws(' ', severity, failing_rows) FROM data_test_result"
                        + " WHERE test_name = 'status_override_person_exists'"))
                .containsExactly("warn 0");
        assertThat(rows("SELECT test_name FROM data_test_result WHERE failing_rows > 0"))
                .isEmpty();
    }

    @Test
    void aDecisionLineThatCannotBeReadStopsTheBuildWithItsNumber(@TempDir Path other) throws Exception {
        DataDirectory data = new DataDirectory(other);
        Files.createDirectories(data.config());
        Files.writeString(
                data.statusOverrides(),
                StatusOverrides.HEADER + "\n" + HandMadeLake.id(3) + ",MAMPU,2026-09,Musdes,2026-08-28,BA/3,\n"
                        + HandMadeLake.id(4) + ",MENINGGAL,September,Musdes,2026-10-02,BA/4,\n");

        assertThatThrownBy(() -> new WarehouseBuilder(data, WilayahTable.national()).build("bad"))
                .isInstanceOf(WarehouseBuildException.class)
                .hasMessage("Warehouse build failed: Line 3 of " + data.statusOverrides()
                        + " cannot be read: the from_period must be YYYY-MM");
        assertThat(data.warehouseBuilds().resolve("bad.duckdb")).doesNotExist();
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
