package id.satupintu.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden record and the households over a tiny hand-made linked lake of three months, every
 * value worked out by hand below. Person ids are set in the lake's person_link files as the link
 * step would have set them.
 *
 * <p>Golden record of {@code Px} (desa A1 Sumberklampok, A2 Pejarakan, B1 Unggahan):
 *
 * <ul>
 *   <li>September PKH row 2: SITI AMINAH, P, 1980-01-01, A1 RT 001, no flag;
 *   <li>October PBI-JK row 2: SITI AMINA, L, 1980-01-10, A2 RT 002, KK K9, flagged, under a second NIK;
 *   <li>October BPNT row 3: SITI AMINAH, P, no birth date, A1 RT 003, no flag;
 *   <li>Dukcapil's September extract row 2: SITI AMINAH BINTI SALEH, 1980-01-01, B1, no KK.
 * </ul>
 *
 * The name, birth date and address come from Dukcapil (tier first), with no RT since Dukcapil gives
 * none (the address is taken whole from one row); sex, which Dukcapil does not give, from October
 * (recency), BPNT's valid row over PBI-JK's flagged one (validity); the KK from the only row that
 * has one.
 *
 * <p>Households, from PBI-JK, which lists every family member with the No. KK:
 *
 * <ul>
 *   <li>KK KA in August: Pa (head), Pb, Pc, Pd. In September Pa has died; Pb and Pc carry KK KB (a
 *       new card): 2 of the 3 members seen again, so KB continues KA. Pd married out and carries KK
 *       KD with Pe, who is new: 1 of 3, a household of its own.
 *   <li>KK KG: Pg and Ph, all three months. In October Ph is also on PKH and BPNT, where PKH gives
 *       a mistyped KK KX: two rows of three say KG, so Ph stays in KG's household.
 * </ul>
 */
class PersonRegistryWarehouseTest {
    private static final String A1 = "51.08.01.2001";
    private static final String A2 = "51.08.01.2002";
    private static final String B1 = "51.08.02.2001";
    private static final String KA = "5108010101100001";
    private static final String KB = "5108010101100002";
    private static final String KD = "5108010101100004";
    private static final String KG = "5108010101100007";
    private static final String KX = "5108010101100077";
    private static final String K9 = "5108010101100009";

    @TempDir
    static Path root;

    private static DataDirectory data;
    private static Path warehouse;

    /** One staged row; {@code row} is the row number in its file. */
    private record Row(
            String period,
            String program,
            int row,
            String personId,
            String kk,
            String nama,
            String sex,
            String birthDate,
            String desa,
            String rt,
            String flags,
            String nik) {
        String values() {
            return "('%s', '%s', '%s', %d, '%s', '%s', %s, '%s', '%s', %s, %s, '%s', %s, %s, '%s')"
                    .formatted(
                            period,
                            program,
                            file(),
                            row,
                            nik != null ? nik : "51080" + personId.substring(1) + "0000000000",
                            "k" + personId,
                            sql(kk),
                            nama,
                            nama,
                            sql(sex),
                            birthDate == null ? "NULL" : "DATE '" + birthDate + "'",
                            desa,
                            sql(rt),
                            sql(flags),
                            personId);
        }

        String file() {
            return program.toLowerCase() + "_" + period + ".csv";
        }
    }

    @BeforeAll
    static void buildFromAHandMadeLinkedLake() throws Exception {
        data = new DataDirectory(root);
        List<Row> rows = new ArrayList<>();
        // the golden record
        rows.add(row("2026-09", "PKH", 2, "Px", null, "SITI AMINAH", "P", "1980-01-01", A1, "001", null));
        // PBI-JK carries her under a NIK of its own (a second registration)
        rows.add(new Row(
                "2026-10",
                "PBI_JK",
                2,
                "Px",
                K9,
                "SITI AMINA",
                "L",
                "1980-01-10",
                A2,
                "002",
                "NIK_LAST_DIGIT_ZERO",
                "5108000000000990"));
        rows.add(row("2026-10", "BPNT", 3, "Px", null, "SITI AMINAH", "P", null, A1, "003", null));
        // the households
        int[] next = {10};
        for (String person : List.of("Pa", "Pb", "Pc", "Pd")) {
            rows.add(member("2026-08", next[0]++, person, KA));
        }
        for (String period : List.of("2026-08", "2026-09", "2026-10")) {
            rows.add(member(period, next[0]++, "Pg", KG));
            rows.add(member(period, next[0]++, "Ph", KG));
        }
        for (String period : List.of("2026-09", "2026-10")) {
            rows.add(member(period, next[0]++, "Pb", KB));
            rows.add(member(period, next[0]++, "Pc", KB));
            rows.add(member(period, next[0]++, "Pd", KD));
            rows.add(member(period, next[0]++, "Pe", KD));
        }
        rows.add(row("2026-10", "PKH", 4, "Ph", KX, "NAMA PH", "L", "1990-01-01", B1, null, null));
        rows.add(row("2026-10", "BPNT", 4, "Ph", KG, "NAMA PH", "L", "1990-01-01", B1, null, null));
        writeLake(rows);
        writeDukcapil(
                "2026-09",
                "('2026-09', 'DUKCAPIL_PERISTIWA', 'dukcapil_2026-09.csv', 2, '5108000000000x00', 'kPx', NULL,"
                        + " 'SITI AMINAH BINTI SALEH', 'SITI AMINAH BINTI SALEH', DATE '1980-01-01', 'PINDAH_KELUAR',"
                        + " DATE '2026-08-20', '" + B1 + "', '52.01', NULL, NULL)");

        warehouse = new WarehouseBuilder(data, WilayahTable.national())
                .build("registry")
                .file();
    }

    @Test
    void theGoldenRecordTakesEachFieldFromTheMostTrustedRowAndNamesIt() throws Exception {
        try (Connection duckdb = DuckDb.inMemory(1)) {
            assertThat(rows(
                            duckdb,
                            "SELECT concat_ws(' | ', nik, nik_source, no_kk, no_kk_source, nama, nama_source, sex,"
                                    + " sex_source, birth_date, birth_date_source, kode_desa, coalesce(rt, '-'),"
                                    + " address_source, first_period, last_period) FROM read_parquet("
                                    + DuckDb.literal(data.goldenRecord()) + ") WHERE person_id = 'Px'"))
                    .containsExactly(String.join(
                            " | ",
                            "5108000000000x00",
                            "DUKCAPIL_PERISTIWA 2026-09 dukcapil_2026-09.csv:2",
                            K9,
                            "PBI_JK 2026-10 pbi_jk_2026-10.csv:2",
                            "SITI AMINAH BINTI SALEH",
                            "DUKCAPIL_PERISTIWA 2026-09 dukcapil_2026-09.csv:2",
                            "P",
                            "BPNT 2026-10 bpnt_2026-10.csv:3",
                            "1980-01-01",
                            "DUKCAPIL_PERISTIWA 2026-09 dukcapil_2026-09.csv:2",
                            B1,
                            "-",
                            "DUKCAPIL_PERISTIWA 2026-09 dukcapil_2026-09.csv:2",
                            "2026-09",
                            "2026-10"));
            assertThat(rows(duckdb, "SELECT count(*) FROM read_parquet(" + DuckDb.literal(data.goldenRecord()) + ")"))
                    .containsExactly("8");
        }
        // the warehouse keeps the pseudonymous fields and where they came from
        assertThat(rows("SELECT concat_ws(' | ', sex, birth_year, kode_desa, coalesce(household_id, '-'), sex_source,"
                        + " birth_date_source, kode_desa_source, nik_count) FROM person WHERE person_id = 'Px'"))
                .containsExactly(String.join(
                        " | ",
                        "P",
                        "1980",
                        B1,
                        household("2026-10:Px"),
                        "BPNT 2026-10 bpnt_2026-10.csv:3",
                        "DUKCAPIL_PERISTIWA 2026-09 dukcapil_2026-09.csv:2",
                        "DUKCAPIL_PERISTIWA 2026-09 dukcapil_2026-09.csv:2",
                        // two NIKs on her roster rows: flagged
                        "2"));
    }

    @Test
    void aFamilyKeepsItsHouseholdUnderANewKkAndAChildWhoMarriesOutStartsAnother() throws Exception {
        String family = household("2026-08:Pa");
        String married = household("2026-09:Pd");
        String neighbours = household("2026-08:Pg");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(
                "2026-08",
                "Pa " + family + ", Pb " + family + ", Pc " + family + ", Pd " + family + ", Pg " + neighbours + ", Ph "
                        + neighbours);
        expected.put(
                "2026-09",
                "Pb " + family + ", Pc " + family + ", Pd " + married + ", Pe " + married + ", Pg " + neighbours
                        + ", Ph " + neighbours);
        // Ph's mistyped KK on one roster of three does not move him
        expected.put(
                "2026-10",
                "Pb " + family + ", Pc " + family + ", Pd " + married + ", Pe " + married + ", Pg " + neighbours
                        + ", Ph " + neighbours + ", Px " + household("2026-10:Px"));
        for (Map.Entry<String, String> month : expected.entrySet()) {
            assertThat(rows("SELECT string_agg(person_id || ' ' || household_id, ', ' ORDER BY person_id)"
                            + " FROM household_member WHERE period = '" + month.getKey() + "'"))
                    .containsExactly(month.getValue());
        }
        assertThat(rows("SELECT concat_ws(' ', household_id, kode_desa, first_period, last_period, kk_numbers,"
                        + " persons, latest_members) FROM household ORDER BY first_period, persons DESC"))
                .containsExactly(
                        family + " " + A1 + " 2026-08 2026-10 2 4 2",
                        neighbours + " " + A1 + " 2026-08 2026-10 1 2 2",
                        married + " " + A1 + " 2026-09 2026-10 1 2 2",
                        // Px is enrolled in A1 and A2 in October: the tie goes to the lower code
                        household("2026-10:Px") + " " + A1 + " 2026-10 2026-10 1 1 1");
        assertThat(rows("SELECT concat_ws(' ', period, household_id, event, coalesce(other_household_id, '-'),"
                        + " persons) FROM household_event ORDER BY ALL"))
                .containsExactlyInAnyOrder(
                        "2026-09 " + family + " NEW_KK - 2", "2026-09 " + family + " MEMBER_LEFT " + married + " 1");
        // an enrollment names the person's household of its month
        assertThat(rows("SELECT string_agg(program_code || ' ' || household_id, ', ' ORDER BY program_code)"
                        + " FROM enrollment WHERE period = '2026-10' AND person_id = 'Ph'"))
                .containsExactly("BPNT " + neighbours + ", PBI_JK " + neighbours + ", PKH " + neighbours);
        assertThat(rows("SELECT string_agg(period || ' ' || recipients || ' ' || households, ', ' ORDER BY period)"
                        + " FROM mart_recipients_kecamatan WHERE program_code = 'PBI_JK' AND kode_kecamatan ="
                        + " '51.08.01'"))
                .containsExactly("2026-08 6 2, 2026-09 6 3, 2026-10 7 4");
        assertThat(rows("SELECT test_name || ' ' || failing_rows FROM data_test_result WHERE test_name IN"
                        + " ('households_are_consistent', 'keys_are_unique') ORDER BY test_name"))
                .containsExactly("households_are_consistent 0", "keys_are_unique 0");
    }

    /** The household id the build gives a founding KK: a hash of its first month and person. */
    private static String household(String foundingKey) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(foundingKey.getBytes(StandardCharsets.UTF_8));
        return "H" + HexFormat.of().formatHex(hash).substring(0, 19);
    }

    private static Row member(String period, int row, String person, String kk) {
        return row(
                period, "PBI_JK", row, person, kk, "NAMA " + person.toUpperCase(), "P", "1970-01-01", A1, null, null);
    }

    private static Row row(
            String period,
            String program,
            int row,
            String personId,
            String kk,
            String nama,
            String sex,
            String birthDate,
            String desa,
            String rt,
            String flags) {
        return new Row(period, program, row, personId, kk, nama, sex, birthDate, desa, rt, flags, null);
    }

    private static String sql(String value) {
        return value == null ? "NULL" : "'" + value + "'";
    }

    /** Staged files per month and program, their manifests, and each month's person_link. */
    private static void writeLake(List<Row> rows) throws Exception {
        Map<String, List<Row>> files = new LinkedHashMap<>();
        Map<String, List<Row>> months = new LinkedHashMap<>();
        for (Row row : rows) {
            files.computeIfAbsent(row.period() + "/" + row.program(), key -> new ArrayList<>())
                    .add(row);
            months.computeIfAbsent(row.period(), key -> new ArrayList<>()).add(row);
        }
        try (Connection duckdb = DuckDb.inMemory(1)) {
            for (List<Row> file : files.values()) {
                Row first = file.get(0);
                YearMonth period = YearMonth.parse(first.period());
                Path staged = Files.createDirectories(data.stagedPartition(period, first.program()));
                DuckDb.execute(
                        duckdb,
                        "COPY (SELECT period, program_code, source_file, CAST(source_row AS BIGINT) AS source_row, nik,"
                                + " person_key, CAST(no_kk AS VARCHAR) AS no_kk, nama, nama_normalized,"
                                + " CAST(sex AS VARCHAR) AS sex, CAST(birth_date AS DATE) AS birth_date, kode_desa,"
                                + " CAST(rt AS VARCHAR) AS rt, CAST(flags AS VARCHAR) AS flags FROM (VALUES "
                                + String.join(
                                        ", ", file.stream().map(Row::values).toList())
                                + ") AS t(period, program_code, source_file, source_row, nik, person_key, no_kk,"
                                + " nama, nama_normalized, sex, birth_date, kode_desa, rt, flags, person_id)) TO "
                                + DuckDb.literal(staged.resolve(first.file() + ".parquet")) + " (FORMAT parquet)");
                HandMadeLake.writeManifest(data, first.period(), first.program(), first.file(), file.size());
            }
            for (List<Row> month : months.values()) {
                Path linked = Files.createDirectories(
                        data.linkedPartition(YearMonth.parse(month.get(0).period())));
                DuckDb.execute(
                        duckdb,
                        "COPY (SELECT period, program_code, source_file, CAST(source_row AS BIGINT) AS source_row,"
                                + " person_key, person_id FROM (VALUES "
                                + String.join(
                                        ", ", month.stream().map(Row::values).toList())
                                + ") AS t(period, program_code, source_file, source_row, nik, person_key, no_kk,"
                                + " nama, nama_normalized, sex, birth_date, kode_desa, rt, flags, person_id)) TO "
                                + DuckDb.literal(linked.resolve("person_link.parquet")) + " (FORMAT parquet)");
            }
        }
    }

    private static void writeDukcapil(String period, String values) throws Exception {
        Path folder = Files.createDirectories(data.referencePartition(YearMonth.parse(period), "DUKCAPIL_PERISTIWA"));
        try (Connection duckdb = DuckDb.inMemory(1)) {
            DuckDb.execute(
                    duckdb,
                    "COPY (SELECT period, reference_type, source_file, CAST(source_row AS BIGINT) AS source_row, nik,"
                            + " person_key, CAST(no_kk AS VARCHAR) AS no_kk, nama, nama_normalized, birth_date,"
                            + " event_type, event_date, kode_desa, kode_wilayah_tujuan, CAST(detail AS VARCHAR) AS"
                            + " detail, CAST(flags AS VARCHAR) AS flags FROM (VALUES " + values
                            + ") AS t(period, reference_type, source_file, source_row, nik, person_key, no_kk, nama,"
                            + " nama_normalized, birth_date, event_type, event_date, kode_desa, kode_wilayah_tujuan,"
                            + " detail, flags)) TO " + DuckDb.literal(folder.resolve("dukcapil.parquet"))
                            + " (FORMAT parquet)");
            HandMadeLake.writeManifest(data, period, "DUKCAPIL_PERISTIWA", "dukcapil_" + period + ".csv", 1);
        }
    }

    private static List<String> rows(String sql) throws Exception {
        try (Connection connection = DuckDb.openReadOnly(warehouse)) {
            return rows(connection, sql);
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
