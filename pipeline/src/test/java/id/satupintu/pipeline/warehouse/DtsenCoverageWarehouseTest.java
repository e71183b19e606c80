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
 * DTSEN families, coverage by desil and the desil 1-4 families in no program, over a tiny hand-made
 * linked lake of three months whose every count is worked out by hand below. Person ids are set in
 * the lake's person_link files as the link step would have set them; family keys stand for the
 * keyed HMAC of a No. KK that ingest writes.
 *
 * <p>Kecamatan A is Gerokgak (51.08.01) with desa A1 Sumberklampok and A2 Pejarakan; kecamatan B is
 * Seririt (51.08.02) with desa B1 Unggahan. The DTSEN families:
 *
 * <ul>
 *   <li>F1 (A1, desil 1): p1, p2, p3. In October p3's row says desil 2: the family keeps desil 1,
 *       the one most of its rows give.
 *   <li>F2 (A2): p4, p5; desil 5 in September, 7 in October.
 *   <li>F3 (B1, desil 2): p6, p7, on no roster ever.
 *   <li>F4 (A1, desil 4): p8. September's extract lists p3 again under F4, after F1's rows: p3 counts
 *       in F1 only.
 *   <li>F5 (B1, desil 1): p9, registered from October on, on no roster.
 *   <li>p11 is on September's extract without a valid No. KK (no family key): left out.
 * </ul>
 *
 * <p>The rosters: September PKH p2 (KK1, A1) and p10 (KK10, A1; not in DTSEN), PBI-JK p1 (KK1, A1)
 * and p4 (KK2, A2), BPNT p8 (KK4, A1). October as September without BPNT. November PKH as before,
 * PBI-JK p1 only. DTSEN extracts come in September and October; November keeps October's.
 */
class DtsenCoverageWarehouseTest {
    private static final String A1 = "51.08.01.2001";
    private static final String A2 = "51.08.01.2002";
    private static final String B1 = "51.08.02.2001";

    @TempDir
    static Path root;

    private static DataDirectory data;
    private static Path warehouse;
    /** Each month's person_link rows, gathered as the rosters are written. */
    private static final Map<String, List<String>> LINKS = new LinkedHashMap<>();

    /** A roster listing: person, No. KK, desa. */
    private record Listing(String person, String kk, String desa) {}

    /** A DTSEN row: person, family key (null: no valid KK), desil, desa. */
    private record Member(String person, String family, int desil, String desa) {}

    @BeforeAll
    static void buildFromAHandMadeLake() throws Exception {
        data = new DataDirectory(root);
        for (String period : List.of("2026-09", "2026-10", "2026-11")) {
            writeRoster(period, "PKH", new Listing("p2", "KK1", A1), new Listing("p10", "KK10", A1));
        }
        writeRoster("2026-09", "PBI_JK", new Listing("p1", "KK1", A1), new Listing("p4", "KK2", A2));
        writeRoster("2026-10", "PBI_JK", new Listing("p1", "KK1", A1), new Listing("p4", "KK2", A2));
        writeRoster("2026-11", "PBI_JK", new Listing("p1", "KK1", A1));
        writeRoster("2026-09", "BPNT", new Listing("p8", "KK4", A1));
        writeLinks();
        writeDtsen(
                "2026-09",
                "2026-08-31",
                new Member("p1", "f1", 1, A1),
                new Member("p2", "f1", 1, A1),
                new Member("p3", "f1", 1, A1),
                new Member("p4", "f2", 5, A2),
                new Member("p5", "f2", 5, A2),
                new Member("p6", "f3", 2, B1),
                new Member("p7", "f3", 2, B1),
                new Member("p8", "f4", 4, A1),
                new Member("p3", "f4", 4, A1),
                new Member("p11", null, 3, A1));
        writeDtsen(
                "2026-10",
                "2026-09-30",
                new Member("p1", "f1", 1, A1),
                new Member("p2", "f1", 1, A1),
                new Member("p3", "f1", 2, A1),
                new Member("p4", "f2", 7, A2),
                new Member("p5", "f2", 7, A2),
                new Member("p6", "f3", 2, B1),
                new Member("p7", "f3", 2, B1),
                new Member("p8", "f4", 4, A1),
                new Member("p9", "f5", 1, B1));

        warehouse = new WarehouseBuilder(data, WilayahTable.national())
                .build("dtsen")
                .file();
    }

    @Test
    void familiesCarryTheirDesilHouseholdAndProgramsPerMonth() throws Exception {
        String h1 = household("2026-09:P1");
        String h4 = household("2026-09:P4");
        String h8 = household("2026-09:P8");
        assertThat(rows("SELECT concat_ws(' ', period, edition_period, as_of_date, family_key,"
                        + " coalesce(household_id, '-'), desil, kode_desa, kode_kecamatan, persons,"
                        + " persons_in_registry, enrolled_persons, programs) FROM dtsen_household ORDER BY ALL"))
                .containsExactly(
                        "2026-09 2026-09 2026-08-31 f1 " + h1 + " 1 " + A1 + " 51.08.01 3 2 2 2",
                        "2026-09 2026-09 2026-08-31 f2 " + h4 + " 5 " + A2 + " 51.08.01 2 1 1 1",
                        "2026-09 2026-09 2026-08-31 f3 - 2 " + B1 + " 51.08.02 2 0 0 0",
                        // p3's second listing is left out
                        "2026-09 2026-09 2026-08-31 f4 " + h8 + " 4 " + A1 + " 51.08.01 1 1 1 1",
                        "2026-10 2026-10 2026-09-30 f1 " + h1 + " 1 " + A1 + " 51.08.01 3 2 2 2",
                        "2026-10 2026-10 2026-09-30 f2 " + h4 + " 7 " + A2 + " 51.08.01 2 1 1 1",
                        "2026-10 2026-10 2026-09-30 f3 - 2 " + B1 + " 51.08.02 2 0 0 0",
                        // p8 left BPNT: a person of the registry, in no program, on no roster this month
                        "2026-10 2026-10 2026-09-30 f4 - 4 " + A1 + " 51.08.01 1 1 0 0",
                        "2026-10 2026-10 2026-09-30 f5 - 1 " + B1 + " 51.08.02 1 0 0 0",
                        // November keeps October's extract
                        "2026-11 2026-10 2026-09-30 f1 " + h1 + " 1 " + A1 + " 51.08.01 3 2 2 2",
                        "2026-11 2026-10 2026-09-30 f2 - 7 " + A2 + " 51.08.01 2 1 0 0",
                        "2026-11 2026-10 2026-09-30 f3 - 2 " + B1 + " 51.08.02 2 0 0 0",
                        "2026-11 2026-10 2026-09-30 f4 - 4 " + A1 + " 51.08.01 1 1 0 0",
                        "2026-11 2026-10 2026-09-30 f5 - 1 " + B1 + " 51.08.02 1 0 0 0");
    }

    @Test
    void coverageCountsRecipientsPerDesilBesideTheDtsenPopulation() throws Exception {
        // period program kecamatan desil: recipients households recipient_families dtsen_families dtsen_persons
        assertThat(rows("SELECT concat_ws(' ', period, program_code, nama_kecamatan, desil, recipients, households,"
                        + " recipient_families, dtsen_families, dtsen_persons) FROM mart_coverage_desil"
                        + " ORDER BY period, program_code, kode_kecamatan, TRY_CAST(desil AS INTEGER) NULLS LAST"))
                .containsExactly(
                        "2026-09 BPNT Gerokgak 1 0 0 0 1 3",
                        "2026-09 BPNT Gerokgak 4 1 1 1 1 1",
                        "2026-09 BPNT Gerokgak 5 0 0 0 1 2",
                        "2026-09 BPNT Seririt 2 0 0 0 1 2",
                        "2026-09 PBI_JK Gerokgak 1 1 1 1 1 3",
                        "2026-09 PBI_JK Gerokgak 4 0 0 0 1 1",
                        "2026-09 PBI_JK Gerokgak 5 1 1 1 1 2",
                        "2026-09 PBI_JK Seririt 2 0 0 0 1 2",
                        "2026-09 PKH Gerokgak 1 1 1 1 1 3",
                        "2026-09 PKH Gerokgak 4 0 0 0 1 1",
                        "2026-09 PKH Gerokgak 5 0 0 0 1 2",
                        // p10 is not on the extract
                        "2026-09 PKH Gerokgak unknown 1 1 0 0 0",
                        "2026-09 PKH Seririt 2 0 0 0 1 2",
                        "2026-10 PBI_JK Gerokgak 1 1 1 1 1 3",
                        "2026-10 PBI_JK Gerokgak 4 0 0 0 1 1",
                        // p4's family rose to desil 7
                        "2026-10 PBI_JK Gerokgak 7 1 1 1 1 2",
                        "2026-10 PBI_JK Seririt 1 0 0 0 1 1",
                        "2026-10 PBI_JK Seririt 2 0 0 0 1 2",
                        "2026-10 PKH Gerokgak 1 1 1 1 1 3",
                        "2026-10 PKH Gerokgak 4 0 0 0 1 1",
                        "2026-10 PKH Gerokgak 7 0 0 0 1 2",
                        "2026-10 PKH Gerokgak unknown 1 1 0 0 0",
                        "2026-10 PKH Seririt 1 0 0 0 1 1",
                        "2026-10 PKH Seririt 2 0 0 0 1 2",
                        "2026-11 PBI_JK Gerokgak 1 1 1 1 1 3",
                        "2026-11 PBI_JK Gerokgak 4 0 0 0 1 1",
                        "2026-11 PBI_JK Gerokgak 7 0 0 0 1 2",
                        "2026-11 PBI_JK Seririt 1 0 0 0 1 1",
                        "2026-11 PBI_JK Seririt 2 0 0 0 1 2",
                        "2026-11 PKH Gerokgak 1 1 1 1 1 3",
                        "2026-11 PKH Gerokgak 4 0 0 0 1 1",
                        "2026-11 PKH Gerokgak 7 0 0 0 1 2",
                        "2026-11 PKH Gerokgak unknown 1 1 0 0 0",
                        "2026-11 PKH Seririt 1 0 0 0 1 1",
                        "2026-11 PKH Seririt 2 0 0 0 1 2");
    }

    @Test
    void unservedCountsTheDesilOneToFourFamiliesInNoProgram() throws Exception {
        // period kecamatan: families persons unserved_families unserved_persons unserved_families_desil_1
        assertThat(rows("SELECT concat_ws(' ', period, kode_kecamatan, nama_kecamatan, families_desil_1_4,"
                        + " persons_desil_1_4, unserved_families_desil_1_4, unserved_persons_desil_1_4,"
                        + " unserved_families_desil_1) FROM mart_unserved_kecamatan ORDER BY ALL"))
                .containsExactly(
                        "2026-09 51.08.01 Gerokgak 2 4 0 0 0",
                        "2026-09 51.08.02 Seririt 1 2 1 2 0",
                        // F4 left BPNT
                        "2026-10 51.08.01 Gerokgak 2 4 1 1 0",
                        // F5, desil 1, registered in October
                        "2026-10 51.08.02 Seririt 2 3 2 3 1",
                        "2026-11 51.08.01 Gerokgak 2 4 1 1 0",
                        "2026-11 51.08.02 Seririt 2 3 2 3 1");
    }

    @Test
    void theDataTestsPassAndTheTablesHoldNoKk() throws Exception {
        assertThat(rows("SELECT test_name || ' ' || failing_rows FROM data_test_result WHERE test_name IN"
                        + " ('coverage_desil_matches_enrollment', 'keys_are_unique', 'households_are_consistent')"
                        + " ORDER BY test_name"))
                .containsExactly(
                        "coverage_desil_matches_enrollment 0", "households_are_consistent 0", "keys_are_unique 0");
        assertThat(rows("SELECT table_name || '.' || column_name FROM duckdb_columns() WHERE table_name IN"
                        + " ('dtsen_household', 'mart_coverage_desil', 'mart_unserved_kecamatan')"
                        + " AND (column_name LIKE '%nik%' OR column_name LIKE '%kk%' OR column_name LIKE 'nama'"
                        + " OR column_name LIKE '%birth%')"))
                .isEmpty();
        assertThat(rows("SELECT count(*) FROM dtsen_household WHERE family_key LIKE 'KK%'"))
                .containsExactly("0");
    }

    /** The recipes of docs/queries.md on these marts (the jobs module runs all of them on a generated lake). */
    @Test
    void theQueryDocumentsRecipesOnTheseMartsRun() throws Exception {
        String document = Files.readString(Path.of("..", "docs", "queries.md"));
        java.util.regex.Matcher recipes = java.util.regex.Pattern.compile(
                        "```sql\\n(.*?)```", java.util.regex.Pattern.DOTALL)
                .matcher(document);
        Map<String, List<String>> answers = new java.util.TreeMap<>();
        while (recipes.find()) {
            String sql = recipes.group(1).strip().replaceFirst(";$", "");
            for (String mart : List.of("mart_coverage_desil", "mart_unserved_kecamatan")) {
                if (sql.contains("FROM " + mart)) {
                    answers.put(mart, rows("SELECT concat_ws(' ', *COLUMNS(*)) FROM (" + sql + ")"));
                }
            }
        }
        // November: program, desil, recipients, DTSEN persons, %, recipient families, DTSEN families, %
        // (concat_ws leaves out the null shares of unknown)
        assertThat(answers.get("mart_coverage_desil"))
                .containsExactly(
                        "PBI_JK 1 1 4 25.0 1 2 50.0",
                        "PBI_JK 2 0 2 0.0 0 1 0.0",
                        "PBI_JK 4 0 1 0.0 0 1 0.0",
                        "PBI_JK 7 0 2 0.0 0 1 0.0",
                        "PKH 1 1 4 25.0 1 2 50.0",
                        "PKH 2 0 2 0.0 0 1 0.0",
                        "PKH 4 0 1 0.0 0 1 0.0",
                        "PKH 7 0 2 0.0 0 1 0.0",
                        "PKH unknown 1 0 0 0");
        assertThat(answers.get("mart_unserved_kecamatan"))
                .containsExactly("Seririt 2 2 100.0 3 1", "Gerokgak 2 1 50.0 1 0");
    }

    /** The household id the build gives a founding KK: a hash of its first month and person. */
    private static String household(String foundingKey) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(foundingKey.getBytes(StandardCharsets.UTF_8));
        return "H" + HexFormat.of().formatHex(hash).substring(0, 19);
    }

    /** Person pN's NIK key is kN, their person id PN; a KK number is "51080101011000" and its digits. */
    private static String nik(String person) {
        return "51080101019" + String.format("%05d", Integer.parseInt(person.substring(1)));
    }

    private static String kk(String kk) {
        return "510801010110" + String.format("%04d", Integer.parseInt(kk.substring(2)));
    }

    private static void writeRoster(String period, String program, Listing... listings) throws Exception {
        String file = program.toLowerCase() + "_5108_" + period.replace("-", "") + ".csv";
        List<String> values = new ArrayList<>();
        for (int i = 0; i < listings.length; i++) {
            Listing listing = listings[i];
            values.add("('%s', '%s', '%s', %d, '%s', 'k%s', '%s', 'NAMA %s', 'NAMA %s', 'P', DATE '1980-01-01', '%s')"
                    .formatted(
                            period,
                            program,
                            file,
                            i + 2,
                            nik(listing.person()),
                            listing.person().substring(1),
                            kk(listing.kk()),
                            listing.person(),
                            listing.person(),
                            listing.desa()));
            LINKS.computeIfAbsent(period, key -> new ArrayList<>())
                    .add("('%s', '%s', '%s', %d, 'k%s', 'P%s')"
                            .formatted(
                                    period,
                                    program,
                                    file,
                                    i + 2,
                                    listing.person().substring(1),
                                    listing.person().substring(1)));
        }
        Path staged = Files.createDirectories(data.stagedPartition(YearMonth.parse(period), program));
        try (Connection duckdb = DuckDb.inMemory(1)) {
            DuckDb.execute(
                    duckdb,
                    "COPY (SELECT period, program_code, source_file, CAST(source_row AS BIGINT) AS source_row, nik,"
                            + " person_key, no_kk, nama, nama_normalized, sex, birth_date, kode_desa FROM (VALUES "
                            + String.join(", ", values)
                            + ") AS t(period, program_code, source_file, source_row, nik, person_key, no_kk, nama,"
                            + " nama_normalized, sex, birth_date, kode_desa)) TO "
                            + DuckDb.literal(staged.resolve(file + ".parquet")) + " (FORMAT parquet)");
            HandMadeLake.writeManifest(data, period, program, file, listings.length);
        }
    }

    private static void writeLinks() throws Exception {
        try (Connection duckdb = DuckDb.inMemory(1)) {
            for (Map.Entry<String, List<String>> month : LINKS.entrySet()) {
                Path linked = Files.createDirectories(data.linkedPartition(YearMonth.parse(month.getKey())));
                DuckDb.execute(
                        duckdb,
                        "COPY (SELECT period, program_code, source_file, CAST(source_row AS BIGINT) AS source_row,"
                                + " person_key, person_id FROM (VALUES " + String.join(", ", month.getValue())
                                + ") AS t(period, program_code, source_file, source_row, person_key, person_id)) TO "
                                + DuckDb.literal(linked.resolve("person_link.parquet")) + " (FORMAT parquet)");
            }
        }
    }

    private static void writeDtsen(String period, String asOf, Member... members) throws Exception {
        String file = "dtsen_5108_" + period.replace("-", "") + ".csv";
        List<String> values = new ArrayList<>();
        for (int i = 0; i < members.length; i++) {
            Member member = members[i];
            String family = member.family();
            values.add("('%s', 'DTSEN', '%s', %d, '%s', 'k%s', %s, 'NAMA %s', 'NAMA %s', DATE '%s', '%s', %d, %s)"
                    .formatted(
                            period,
                            file,
                            i + 2,
                            nik(member.person()),
                            member.person().substring(1),
                            family == null ? "NULL" : "'" + kk("KK" + family.substring(1)) + "'",
                            member.person(),
                            member.person(),
                            asOf,
                            member.desa(),
                            member.desil(),
                            family == null ? "NULL" : "'" + family + "'"));
        }
        Path folder = Files.createDirectories(data.referencePartition(YearMonth.parse(period), "DTSEN"));
        try (Connection duckdb = DuckDb.inMemory(1)) {
            DuckDb.execute(
                    duckdb,
                    "COPY (SELECT period, reference_type, source_file, CAST(source_row AS BIGINT) AS source_row, nik,"
                            + " person_key, CAST(no_kk AS VARCHAR) AS no_kk, nama, nama_normalized, event_date,"
                            + " kode_desa, CAST(desil AS BIGINT) AS desil, CAST(family_key AS VARCHAR) AS family_key"
                            + " FROM (VALUES " + String.join(", ", values)
                            + ") AS t(period, reference_type, source_file, source_row, nik, person_key, no_kk, nama,"
                            + " nama_normalized, event_date, kode_desa, desil, family_key)) TO "
                            + DuckDb.literal(folder.resolve(file + ".parquet")) + " (FORMAT parquet)");
            HandMadeLake.writeManifest(data, period, "DTSEN", file, members.length);
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
