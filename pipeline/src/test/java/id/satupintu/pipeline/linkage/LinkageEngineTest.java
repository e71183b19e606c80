package id.satupintu.pipeline.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.satupintu.pipeline.duckdb.DuckDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkageEngineTest {
    /**
     * Five people with known duplicates among 24 others (synthetic NIKs): a Balinese woman written
     * with and without "LUH" and once with an Excel-damaged NIK; a man with a transposed NIK serial
     * and day and month swapped; a man under three spellings of Muhammad Djunaedi, once without
     * NIK; two different women of the same common name; and a man whose NIK Excel wrote in
     * scientific notation.
     */
    private static final String PEOPLE = """
            id,nik,nama,tanggal_lahir,desa
            a1,5108014501900003,NI LUH PUTU SUDIRTI,1990-01-05,5108012001
            a2,5108014501900003,NI PUTU SUDIRTI,1990-01-05,5108012001
            a3,5108014501900000,NI LUH SUDIRTI,1990-01-05,5108012001
            b1,5108011203850002,I WAYAN SUDARMA,1985-03-12,5108012001
            b2,5108011203850020,I WAYAN SUDARMA,1985-12-03,5108012001
            c1,5108012106870001,I WAYAN SUDARTA,1987-06-21,5108012001
            d1,3209011708450001,"H. MOCH. DJUNAEDI",1945-08-17,3209012005
            d2,3209011708450001,MUHAMAD JUNAEDI,1945-08-17,3209012005
            d3,,MOHAMMAD DJUNAIDI,1945-08-17,3209012005
            e1,3209015505700002,SITI AMINAH,1970-05-15,3209012005
            e2,3209014404720003,SITI AMINAH,1972-04-04,3209012005
            y1,3.20901E+15,ASEP KURNIA,1966-11-30,3209012005
            """;

    private static final List<String> OTHERS = List.of(
            "BAMBANG SUTRISNO",
            "DEWI LESTARI",
            "AGUS SANTOSO",
            "RINA WATI",
            "JOKO WIDODO",
            "ENDANG SUSILAWATI",
            "HENDRA GUNAWAN",
            "YULIANI",
            "SLAMET RIYADI",
            "NENG ROHAYATI",
            "ASEP SAEPUDIN",
            "KOMANG ARIANI",
            "KETUT MERTA",
            "ANDI MAPPANYUKKI",
            "SRI MULYANI",
            "TAN SIOK LAN",
            "LIEM SWIE KING",
            "RAHMAT HIDAYAT",
            "FITRIANI",
            "UJANG SUPRIATNA",
            "NYOMAN SUWENA",
            "GEDE PRAMANA",
            "ENTIS SUTISNA",
            "DAENG MATTARU");

    @TempDir
    Path directory;

    private Path rosters() throws IOException {
        StringBuilder csv = new StringBuilder(PEOPLE);
        for (int i = 0; i < OTHERS.size(); i++) {
            int day = 1 + i;
            int month = 1 + i % 12;
            int year = 1950 + 2 * i;
            csv.append(String.format(
                    "x%d,32090%d%02d%02d%02d%04d,%s,%d-%02d-%02d,32090120%02d%n",
                    i, 1 + i % 4, day, month, year % 100, 1 + i, OTHERS.get(i), year, month, day, 10 + i % 7));
        }
        Path file = directory.resolve("rosters.csv");
        Files.writeString(file, csv);
        return file;
    }

    private static LinkageSpec spec(long maxCandidatePairs) {
        return new LinkageSpec(
                "id",
                LinkType.DEDUPE,
                "nik",
                List.of(
                        ComparisonSpec.of("nik", ComparisonKind.NIK),
                        ComparisonSpec.of("nama", ComparisonKind.INDONESIAN_NAME),
                        ComparisonSpec.date("tanggal_lahir", "%Y-%m-%d"),
                        ComparisonSpec.of("desa", ComparisonKind.EXACT)),
                List.of(
                        BlockingRule.of("name_key(nama)"),
                        BlockingRule.of("tanggal_lahir"),
                        BlockingRule.of("prefix(nik, 12)")),
                Thresholds.DEFAULT,
                maxCandidatePairs,
                LinkageSpec.DEFAULT_RANDOM_PAIRS,
                null);
    }

    private static List<String> rows(DuckDBConnection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    values.add(result.getString(c));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }

    @Test
    void findsEachPersonOnceAcrossSpellingsTitlesAndDamagedNiks() throws Exception {
        try (DuckDBConnection connection = DuckDb.inMemory(1)) {
            LinkageRecords.loadCsv(connection, List.of(rosters()));

            LinkageResult result = new LinkageEngine(spec(1_000)).run(connection);

            assertThat(result.records()).isEqualTo(36);
            assertFindsTheThreePersonsOfSeveralRecords(connection, result);
        }
    }

    @Test
    void parsesTheNamesAFewAtATimeWithTheSameResult() throws Exception {
        try (DuckDBConnection connection = DuckDb.inMemory(1)) {
            LinkageRecords.loadCsv(connection, List.of(rosters()));

            // 5 distinct names per round: several rounds, the last one short
            LinkageResult result = new LinkageEngine(spec(1_000), List.of(), 5).run(connection);

            assertFindsTheThreePersonsOfSeveralRecords(connection, result);
            String names = rows(
                            connection, "SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'linkage_name_%'")
                    .get(0);
            assertThat(rows(connection, "SELECT count(*) || ' ' || count(DISTINCT name) FROM " + names))
                    .containsExactly(rows(
                                    connection,
                                    "SELECT count(DISTINCT nama) || ' ' || count(DISTINCT nama) FROM "
                                            + LinkageRecords.TABLE)
                            .get(0));
        }
    }

    /** a1–a3, b1–b2 and d1–d3 are one person each; every other record is a person alone. */
    private static void assertFindsTheThreePersonsOfSeveralRecords(DuckDBConnection connection, LinkageResult result)
            throws Exception {
        assertThat(rows(
                        connection,
                        "SELECT string_agg(unique_id, ',' ORDER BY unique_id) FROM " + LinkageEngine.PERSON_CLUSTER
                                + " GROUP BY cluster_id HAVING count(*) > 1 ORDER BY 1"))
                .containsExactly("a1,a2,a3", "b1,b2", "d1,d2,d3");
        assertThat(result.clusters()).isEqualTo(36 - 2 - 1 - 2);
    }

    @Test
    void matchesEqualValidNiksBeforeAnyProbabilityAndBlocksEachPairOnce() throws Exception {
        try (DuckDBConnection connection = DuckDb.inMemory(1)) {
            LinkageRecords.loadCsv(connection, List.of(rosters()));

            LinkageResult result = new LinkageEngine(spec(1_000)).run(connection);

            assertThat(rows(
                            connection,
                            "SELECT unique_id_l, unique_id_r, match_probability, band FROM ("
                                    + LinkageOutput.scoredPairs("id") + ") WHERE blocking_rule = 0 ORDER BY 1"))
                    .containsExactly("a1 a2 1.0 match", "d1 d2 1.0 match");
            assertThat(result.blocking())
                    .containsExactly(
                            new BlockingCount("exact_id(nik)", 2, 2),
                            new BlockingCount("name_key(nama)", 5, 4),
                            new BlockingCount("tanggal_lahir", 6, 2),
                            new BlockingCount("prefix(nik, 12)", 5, 0));
            assertThat(rows(
                            connection,
                            "SELECT count(*), count(DISTINCT (record_id_l, record_id_r)) FROM "
                                    + LinkageEngine.CANDIDATE_PAIR))
                    .containsExactly("8 8");
        }
    }

    @Test
    void refusesABlockingRuleThatWouldProduceTooManyPairs() throws Exception {
        try (DuckDBConnection connection = DuckDb.inMemory(1)) {
            LinkageRecords.loadCsv(connection, List.of(rosters()));

            assertThatThrownBy(() -> new LinkageEngine(spec(10)).run(connection))
                    .isInstanceOf(LinkageException.class)
                    .hasMessage("Blocking rule 2 (tanggal_lahir) would produce up to 6 candidate pairs (13 in all),"
                            + " more than the limit of 10; tighten that rule or raise max_candidate_pairs")
                    .extracting(exception -> ((LinkageException) exception).messageIndonesian())
                    .isEqualTo("Aturan blocking 2 (tanggal_lahir) akan menghasilkan sampai 6 pasangan kandidat"
                            + " (total 13), melebihi batas 10; perketat aturan itu atau naikkan max_candidate_pairs");
        }
    }

    @Test
    void refusesASpecNamingAColumnTheDataLacks() throws Exception {
        try (DuckDBConnection connection = DuckDb.inMemory(1)) {
            Path file = directory.resolve("small.csv");
            Files.writeString(file, "id,nama\n1,SITI\n2,SITI\n");
            LinkageRecords.loadCsv(connection, List.of(file));

            assertThatThrownBy(() -> new LinkageEngine(spec(1_000)).run(connection))
                    .isInstanceOf(LinkageException.class)
                    .hasMessage("Columns named by the spec are not in the data: [nik, tanggal_lahir, desa];"
                            + " the data has: [id, nama, record_id, source_id]");
        }
    }
}
