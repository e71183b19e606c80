package id.satupintu.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.schemas.wilayah.WilayahTable;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner marts (desa × sex × age band, program overlap, month-over-month changes) over a tiny
 * hand-made lake whose every count is worked out by hand below. No link step has run, so each
 * person is their NIK key (p1 … p7).
 *
 * <p>Kecamatan A is Gerokgak (51.08.01) with desa A1 Sumberklampok and A2 Pejarakan; kecamatan B is
 * Seririt (51.08.02) with desa B1 Unggahan. The persons:
 *
 * <ul>
 *   <li>p1 P born 1960-10-31 (60+); p7 P born 1958-01-01 (60+); p3 P born 1966-05-01 (60+);
 *   <li>p2 L born 2008-09-30: 17 on 31 August 2026, 18 on 30 September;
 *   <li>p5 L born 2019-10-15: 6 on 30 September 2026, 7 on 31 October;
 *   <li>p4 with neither sex nor birth date;
 *   <li>p6 P, whose August roster says 1950 and October roster says 1980: the latest (1980) holds.
 * </ul>
 *
 * <p>The rosters: August PKH p1 A1, p2 A1, p3 B1, p7 A1 and PBI-JK p1 A1, p4 A2, p6 B1. September
 * PKH p1 A1, p3 A2 (moved from B), p5 B1 (new), p7 A1 (p2 left); PBI-JK as in August; BPNT starts
 * with p1 A1, p3 A2, p5 A1 (so p5 is on rosters in both kecamatans). October has no PKH roster;
 * PBI-JK as before; BPNT p1 A1, p2 A1 (new), p5 B1 (moved from A; p3 left).
 */
class PlannerMartsWarehouseTest {
    private static final String A1 = "51.08.01.2001";
    private static final String A2 = "51.08.01.2002";
    private static final String B1 = "51.08.02.2001";
    private static final String KEC_A = "51.08.01";
    private static final String KEC_B = "51.08.02";

    @TempDir
    static Path root;

    private static Path warehouse;

    @BeforeAll
    static void buildFromAHandMadeLake() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Map<String, String> persons = Map.of(
                "p1", "'P', DATE '1960-10-31'",
                "p2", "'L', DATE '2008-09-30'",
                "p3", "'P', DATE '1966-05-01'",
                "p4", "NULL, NULL",
                "p5", "'L', DATE '2019-10-15'",
                "p7", "'P', DATE '1958-01-01'");
        writeRoster(
                data,
                "2026-08",
                "PKH",
                persons,
                "p1 " + A1 + " 900000",
                "p2 " + A1 + " 900000",
                "p3 " + B1 + " 750000",
                "p7 " + A1 + " 900000");
        writeRoster(
                data, "2026-08", "PBI_JK", with(persons, "'P', DATE '1950-01-01'"), "p1 " + A1, "p4 " + A2, "p6 " + B1);
        writeRoster(
                data,
                "2026-09",
                "PKH",
                persons,
                "p1 " + A1 + " 900000",
                "p3 " + A2 + " 750000",
                "p5 " + B1 + " 600000",
                "p7 " + A1 + " 900000");
        writeRoster(data, "2026-09", "PBI_JK", with(persons, "'P', NULL"), "p1 " + A1, "p4 " + A2, "p6 " + B1);
        writeRoster(
                data,
                "2026-09",
                "BPNT",
                persons,
                "p1 " + A1 + " 200000",
                "p3 " + A2 + " 200000",
                "p5 " + A1 + " 200000");
        writeRoster(
                data, "2026-10", "PBI_JK", with(persons, "'P', DATE '1980-01-01'"), "p1 " + A1, "p4 " + A2, "p6 " + B1);
        writeRoster(
                data,
                "2026-10",
                "BPNT",
                persons,
                "p1 " + A1 + " 200000",
                "p2 " + A1 + " 200000",
                "p5 " + B1 + " 200000");

        warehouse = new WarehouseBuilder(data, WilayahTable.national())
                .build("planner")
                .file();
    }

    @Test
    void theNewDataTestsPassOnTheHandMadeLake() throws Exception {
        assertThat(rows("SELECT test_name || ' ' || failing_rows FROM data_test_result WHERE test_name IN"
                        + " ('mart_recipients_desa_match_enrollment', 'program_overlap_matches_enrollment',"
                        + " 'changes_match_enrollment') ORDER BY test_name"))
                .containsExactly(
                        "changes_match_enrollment 0",
                        "mart_recipients_desa_match_enrollment 0",
                        "program_overlap_matches_enrollment 0");
    }

    @Test
    void recipientsPerDesaBySexAndAgeBandAtTheEndOfTheMonth() throws Exception {
        assertThat(rows("SELECT concat_ws(' ', period, program_code, kode_kecamatan, kode_desa, nama_desa, sex,"
                        + " age_band, recipients, coalesce(CAST(benefit_rupiah AS VARCHAR), '-'))"
                        + " FROM mart_recipients_desa ORDER BY ALL"))
                .containsExactly(
                        "2026-08 PBI_JK 51.08.01 51.08.01.2001 Sumberklampok P 60+ 1 -",
                        "2026-08 PBI_JK 51.08.01 51.08.01.2002 Pejarakan unknown unknown 1 -",
                        // p6's latest birth date (1980), not the 1950 of this month's roster
                        "2026-08 PBI_JK 51.08.02 51.08.02.2001 Unggahan P 18-59 1 -",
                        // p2 is 17 on 31 August
                        "2026-08 PKH 51.08.01 51.08.01.2001 Sumberklampok L 7-17 1 900000",
                        "2026-08 PKH 51.08.01 51.08.01.2001 Sumberklampok P 60+ 2 1800000",
                        "2026-08 PKH 51.08.02 51.08.02.2001 Unggahan P 60+ 1 750000",
                        "2026-09 BPNT 51.08.01 51.08.01.2001 Sumberklampok L 0-6 1 200000",
                        "2026-09 BPNT 51.08.01 51.08.01.2001 Sumberklampok P 60+ 1 200000",
                        "2026-09 BPNT 51.08.01 51.08.01.2002 Pejarakan P 60+ 1 200000",
                        "2026-09 PBI_JK 51.08.01 51.08.01.2001 Sumberklampok P 60+ 1 -",
                        "2026-09 PBI_JK 51.08.01 51.08.01.2002 Pejarakan unknown unknown 1 -",
                        "2026-09 PBI_JK 51.08.02 51.08.02.2001 Unggahan P 18-59 1 -",
                        "2026-09 PKH 51.08.01 51.08.01.2001 Sumberklampok P 60+ 2 1800000",
                        "2026-09 PKH 51.08.01 51.08.01.2002 Pejarakan P 60+ 1 750000",
                        // p5 is 6 on 30 September
                        "2026-09 PKH 51.08.02 51.08.02.2001 Unggahan L 0-6 1 600000",
                        // p2 turned 18 on 30 September
                        "2026-10 BPNT 51.08.01 51.08.01.2001 Sumberklampok L 18-59 1 200000",
                        "2026-10 BPNT 51.08.01 51.08.01.2001 Sumberklampok P 60+ 1 200000",
                        // p5 turned 7 on 15 October
                        "2026-10 BPNT 51.08.02 51.08.02.2001 Unggahan L 7-17 1 200000",
                        "2026-10 PBI_JK 51.08.01 51.08.01.2001 Sumberklampok P 60+ 1 -",
                        "2026-10 PBI_JK 51.08.01 51.08.01.2002 Pejarakan unknown unknown 1 -",
                        "2026-10 PBI_JK 51.08.02 51.08.02.2001 Unggahan P 18-59 1 -");
        // the file holds the band, never a birth date
        assertThat(rows("SELECT column_name FROM duckdb_columns() WHERE table_name = 'mart_recipients_desa'"
                        + " AND (column_name LIKE '%birth%' OR column_name LIKE '%nik%' OR column_name LIKE 'nama'"
                        + " OR column_name LIKE '%kk%')"))
                .isEmpty();
    }

    @Test
    void overlapCountsEachPersonOnceInTheKecamatanMostOfTheirEnrollmentsSitIn() throws Exception {
        assertThat(rows("SELECT concat_ws(' ', period, kode_kecamatan, nama_kecamatan, program_a, program_b,"
                        + " persons) FROM mart_program_overlap ORDER BY ALL"))
                .containsExactly(
                        "2026-08 51.08.01 Gerokgak PBI_JK PBI_JK 2",
                        "2026-08 51.08.01 Gerokgak PBI_JK PKH 1",
                        "2026-08 51.08.01 Gerokgak PKH PKH 3",
                        "2026-08 51.08.02 Seririt PBI_JK PBI_JK 1",
                        "2026-08 51.08.02 Seririt PKH PKH 1",
                        // p5 is on PKH in Seririt and BPNT in Gerokgak: the tie goes to BPNT, first in code order
                        "2026-09 51.08.01 Gerokgak BPNT BPNT 3",
                        "2026-09 51.08.01 Gerokgak BPNT PBI_JK 1",
                        "2026-09 51.08.01 Gerokgak BPNT PKH 3",
                        "2026-09 51.08.01 Gerokgak PBI_JK PBI_JK 2",
                        "2026-09 51.08.01 Gerokgak PBI_JK PKH 1",
                        "2026-09 51.08.01 Gerokgak PKH PKH 4",
                        "2026-09 51.08.02 Seririt PBI_JK PBI_JK 1",
                        "2026-10 51.08.01 Gerokgak BPNT BPNT 2",
                        "2026-10 51.08.01 Gerokgak BPNT PBI_JK 1",
                        "2026-10 51.08.01 Gerokgak PBI_JK PBI_JK 2",
                        "2026-10 51.08.02 Seririt BPNT BPNT 1",
                        "2026-10 51.08.02 Seririt PBI_JK PBI_JK 1");
    }

    @Test
    void changesCountAddedExitedAndMovedAgainstTheMonthBefore() throws Exception {
        assertThat(rows("SELECT concat_ws(' ', period, program_code, kode_kecamatan, previous_period, recipients,"
                        + " coalesce(CAST(previous_recipients AS VARCHAR), '-'), coalesce(CAST(added AS VARCHAR), '-'),"
                        + " coalesce(CAST(exited AS VARCHAR), '-'), coalesce(CAST(moved_in AS VARCHAR), '-'),"
                        + " coalesce(CAST(moved_out AS VARCHAR), '-')) FROM mart_changes_kecamatan ORDER BY ALL"))
                .containsExactly(
                        // the first month of the lake: nothing to compare with
                        "2026-08 PBI_JK " + KEC_A + " 2026-07 2 - - - - -",
                        "2026-08 PBI_JK " + KEC_B + " 2026-07 1 - - - - -",
                        "2026-08 PKH " + KEC_A + " 2026-07 3 - - - - -",
                        "2026-08 PKH " + KEC_B + " 2026-07 1 - - - - -",
                        // BPNT's first roster: the lake holds August, BPNT does not
                        "2026-09 BPNT " + KEC_A + " 2026-08 3 - - - - -",
                        "2026-09 PBI_JK " + KEC_A + " 2026-08 2 2 0 0 0 0",
                        "2026-09 PBI_JK " + KEC_B + " 2026-08 1 1 0 0 0 0",
                        // p2 left, p3 moved in from Seririt
                        "2026-09 PKH " + KEC_A + " 2026-08 3 3 0 1 1 0",
                        // p5 is new, p3 moved out
                        "2026-09 PKH " + KEC_B + " 2026-08 1 1 1 0 0 1",
                        // p2 is new, p3 left, p5 moved out to Seririt
                        "2026-10 BPNT " + KEC_A + " 2026-09 2 3 1 1 0 1",
                        // a kecamatan with no BPNT recipient in September
                        "2026-10 BPNT " + KEC_B + " 2026-09 1 0 0 0 1 0",
                        "2026-10 PBI_JK " + KEC_A + " 2026-09 2 2 0 0 0 0",
                        "2026-10 PBI_JK " + KEC_B + " 2026-09 1 1 0 0 0 0");
    }

    /** The recipes of docs/queries.md on these marts (the jobs module runs all of them on a generated lake). */
    @Test
    void theQueryDocumentsRecipesOnTheseMartsRun() throws Exception {
        String document = Files.readString(Path.of("..", "docs", "queries.md"));
        java.util.regex.Matcher recipes = java.util.regex.Pattern.compile(
                        "```sql\\n(.*?)```", java.util.regex.Pattern.DOTALL)
                .matcher(document);
        Map<String, List<String>> answers = new TreeMap<>();
        while (recipes.find()) {
            String sql = recipes.group(1).strip().replaceFirst(";$", "");
            for (String mart : List.of("mart_recipients_desa", "mart_program_overlap", "mart_changes_kecamatan")) {
                if (sql.contains("FROM " + mart)) {
                    answers.put(mart, rows("SELECT concat_ws(' ', *COLUMNS(*)) FROM (" + sql + ")"));
                }
            }
        }
        assertThat(answers).containsOnlyKeys("mart_recipients_desa", "mart_program_overlap", "mart_changes_kecamatan");
        assertThat(answers.get("mart_recipients_desa"))
                .contains("BPNT Gerokgak Sumberklampok 2 1 0 0 1 1 0", "BPNT Seririt Unggahan 1 0 0 1 0 0 0");
        // October, kabupaten-wide: p1 is on BPNT and PBI-JK
        assertThat(answers.get("mart_program_overlap"))
                .containsExactly("BPNT BPNT 3 100.0", "BPNT PBI_JK 1 33.3", "PBI_JK PBI_JK 3 100.0");
        assertThat(answers.get("mart_changes_kecamatan")).hasSize(13);
    }

    /** Replaces the sex and birth date of p6 (the person whose rosters disagree on the birth date). */
    private static Map<String, String> with(Map<String, String> persons, String p6) {
        Map<String, String> all = new TreeMap<>(persons);
        all.put("p6", p6);
        return all;
    }

    /**
     * One staged roster file and its manifest. Each listing is {@code person kode_desa [benefit]}; the
     * person's NIK key is their id.
     */
    @Test
    void enrollmentHistoryRunsOverTheProgramsOwnMonthsWithExitsAndReentries() throws Exception {
        // PKH has no October roster: its runs stay open; p2 left PKH in September, p3 left BPNT in
        // October, both without a known reason; p2 came to BPNT new in October
        assertThat(rows("SELECT concat_ws(' ', person_id, program_code, episode_no, entry_kind, from_period,"
                        + " to_period, months, coalesce(exit_period, '-'), coalesce(exit_reason, '-'),"
                        + " coalesce(exit_basis, '-')) FROM enrollment_episode ORDER BY program_code, person_id"))
                .containsExactly(
                        "p1 BPNT 1 AWAL 2026-09 2026-10 2 - - -",
                        "p2 BPNT 1 BARU 2026-10 2026-10 1 - - -",
                        "p3 BPNT 1 AWAL 2026-09 2026-09 1 2026-10 KELUAR_DARI_DAFTAR ROSTER",
                        "p5 BPNT 1 AWAL 2026-09 2026-10 2 - - -",
                        "p1 PBI_JK 1 AWAL 2026-08 2026-10 3 - - -",
                        "p4 PBI_JK 1 AWAL 2026-08 2026-10 3 - - -",
                        "p6 PBI_JK 1 AWAL 2026-08 2026-10 3 - - -",
                        "p1 PKH 1 AWAL 2026-08 2026-09 2 - - -",
                        "p2 PKH 1 AWAL 2026-08 2026-08 1 2026-09 KELUAR_DARI_DAFTAR ROSTER",
                        "p3 PKH 1 AWAL 2026-08 2026-09 2 - - -",
                        "p5 PKH 1 BARU 2026-09 2026-09 1 - - -",
                        "p7 PKH 1 AWAL 2026-08 2026-09 2 - - -");
    }

    @Test
    void personVersionsFollowTheDesaAndAnswerAsOfAMonth() throws Exception {
        // p3 moved from B to A2 in September; p5's September rows disagree (BPNT A1 first by file)
        // and October says B1; p2 is on no roster in September and keeps his August version
        assertThat(rows("SELECT concat_ws(' ', person_id, version, kode_desa, valid_from, coalesce(valid_to, '-'),"
                        + " last_seen, months) FROM person_version ORDER BY person_id, version"))
                .containsExactly(
                        "p1 1 " + A1 + " 2026-08 - 2026-10 3",
                        "p2 1 " + A1 + " 2026-08 - 2026-10 2",
                        "p3 1 " + B1 + " 2026-08 2026-08 2026-08 1",
                        "p3 2 " + A2 + " 2026-09 - 2026-09 1",
                        "p4 1 " + A2 + " 2026-08 - 2026-10 3",
                        "p5 1 " + A1 + " 2026-09 2026-09 2026-09 1",
                        "p5 2 " + B1 + " 2026-10 - 2026-10 1",
                        "p6 1 " + B1 + " 2026-08 - 2026-10 3",
                        "p7 1 " + A1 + " 2026-08 - 2026-09 2");
        // as of September: where everyone was
        assertThat(rows("SELECT string_agg(person_id || ' ' || kode_desa, ', ' ORDER BY person_id) FROM"
                        + " person_version WHERE valid_from <= '2026-09' AND (valid_to IS NULL OR valid_to >="
                        + " '2026-09')"))
                .containsExactly("p1 " + A1 + ", p2 " + A1 + ", p3 " + A2 + ", p4 " + A2 + ", p5 " + A1 + ", p6 " + B1
                        + ", p7 " + A1);
    }

    private static void writeRoster(
            DataDirectory data, String period, String program, Map<String, String> persons, String... listings)
            throws Exception {
        String file = program.toLowerCase() + "_" + period + ".csv";
        List<String> values = new ArrayList<>();
        for (int i = 0; i < listings.length; i++) {
            String[] listing = listings[i].split(" ");
            values.add("('%s', '%s', '%s', %d, '%s', '%s', 'NAMA %s', 'NAMA %s', %s, '%s', %s)"
                    .formatted(
                            period,
                            program,
                            file,
                            i + 2,
                            "5108" + listing[0],
                            listing[0],
                            listing[0],
                            listing[0],
                            persons.get(listing[0]),
                            listing[1],
                            listing.length > 2 ? listing[2] : "NULL"));
        }
        Path staged = Files.createDirectories(data.stagedPartition(YearMonth.parse(period), program));
        Path manifests = Files.createDirectories(data.manifestPartition(YearMonth.parse(period)));
        try (Connection duckdb = DuckDb.inMemory(1)) {
            DuckDb.execute(
                    duckdb,
                    "COPY (SELECT period, program_code, source_file, CAST(source_row AS BIGINT) AS source_row, nik,"
                            + " person_key, nama, nama_normalized, CAST(sex AS VARCHAR) AS sex,"
                            + " CAST(birth_date AS DATE) AS birth_date, kode_desa,"
                            + " CAST(benefit_rupiah AS BIGINT) AS benefit_rupiah FROM (VALUES "
                            + String.join(", ", values)
                            + ") AS t(period, program_code, source_file, source_row, nik, person_key, nama,"
                            + " nama_normalized, sex, birth_date, kode_desa, benefit_rupiah)) TO "
                            + DuckDb.literal(staged.resolve(file + ".parquet")) + " (FORMAT parquet)");
            DuckDb.execute(
                    duckdb,
                    "COPY (SELECT '" + period + "' AS period, '" + program + "' AS program_code, '" + file
                            + "' AS source_file, 'sha' AS sha256, CAST(1 AS BIGINT) AS size_bytes,"
                            + " 'INGESTED' AS status, CAST(NULL AS VARCHAR) AS refusal_reason, CAST("
                            + listings.length + " AS BIGINT) AS rows_read, CAST(" + listings.length
                            + " AS BIGINT) AS rows_staged, CAST(0 AS BIGINT) AS rows_rejected,"
                            + " TIMESTAMP '2026-11-01 00:00:00' AS ingested_at) TO "
                            + DuckDb.literal(manifests.resolve(file + ".parquet")) + " (FORMAT parquet)");
        }
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
