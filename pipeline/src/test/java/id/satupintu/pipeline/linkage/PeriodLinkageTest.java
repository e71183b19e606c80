package id.satupintu.pipeline.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.pipeline.TestLakes;
import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.generate.FaultRates;
import id.satupintu.pipeline.generate.GeneratorSettings;
import id.satupintu.pipeline.lake.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link step on two generated months of Buleleng with the default faults, scored against the
 * generator's truth: who each staged row really is.
 */
class PeriodLinkageTest {
    private static final YearMonth FIRST = YearMonth.of(2026, 9);
    private static final YearMonth SECOND = YearMonth.of(2026, 10);

    @TempDir
    static Path root;

    private static DataDirectory data;
    private static PeriodLinkage.Result first;
    private static PeriodLinkage.Result second;

    @BeforeAll
    static void generateIngestAndLink() throws Exception {
        data = new DataDirectory(root);
        TestLakes.generateAndIngest(
                root, new GeneratorSettings("51.08", FIRST, 2, 20_000, 11L, FaultRates.defaults()), file -> true);
        PeriodLinkage linkage = new PeriodLinkage(data, 2);
        first = linkage.link(FIRST);
        second = linkage.link(SECOND);
    }

    /** Staged rows of a period with their linked person and their true person. */
    private static String rows(YearMonth period) {
        return "(SELECT l.source_file, l.source_row, l.person_id, t.person_id AS true_person, coalesce(t.faults, '')"
                + " AS faults FROM read_parquet("
                + DuckDb.literal(data.linkedPartition(period).resolve("person_link.parquet")) + ") l JOIN read_parquet("
                + DuckDb.literal(data.truth(period).resolve("roster_rows").resolve("*.parquet"))
                + ") t USING (source_file, source_row))";
    }

    @Test
    void everyStagedRowIsLinkedToOnePerson() throws Exception {
        // DuckDB's spill folder exists before it is needed (it cannot make its parents: a Cirebon month
        // failed its first link when it spilled)
        assertThat(data.linked().resolve(".spill")).isDirectory();
        for (PeriodLinkage.Result result : List.of(first, second)) {
            String staged = DuckDb.literal(data.staged()
                    .resolve("period=" + result.period())
                    .resolve("**")
                    .resolve("*.parquet"));
            assertThat(single("SELECT count(*) FROM read_parquet(" + staged + ")"))
                    .isEqualTo(result.rows());
            assertThat(single("SELECT count(*) FROM " + rows(result.period()))).isEqualTo(result.rows());
        }
        // the fixture is seeded: these are its exact counts
        assertThat(List.of(first.rows(), first.persons(), first.nikGanda(), first.reviewPairs()))
                .containsExactly(10_577L, 7_859L, 1L, 3L);
        assertThat(List.of(second.rows(), second.persons(), second.merges(), second.splits(), second.nikGanda()))
                .containsExactly(10_535L, 7_852L, 1L, 3L, 3L);
    }

    @Test
    void linksTheRowsOfOnePersonAcrossProgramsAndKeepsOthersApart() throws Exception {
        for (YearMonth period : List.of(FIRST, SECOND)) {
            String pairs = "(SELECT a.person_id = b.person_id AS linked, a.true_person = b.true_person AS same FROM "
                    + rows(period) + " a JOIN " + rows(period)
                    + " b ON a.source_file || a.source_row < b.source_file || b.source_row"
                    + " AND (a.person_id = b.person_id OR a.true_person = b.true_person))";
            long truePairs = single("SELECT count(*) FROM " + pairs + " WHERE same");
            long linkedPairs = single("SELECT count(*) FROM " + pairs + " WHERE linked");
            long correct = single("SELECT count(*) FROM " + pairs + " WHERE linked AND same");
            double precision = (double) correct / linkedPairs;
            double recall = (double) correct / truePairs;
            // the seeded fixture's exact pairs: true, linked, linked and true
            assertThat(List.of(truePairs, linkedPairs, correct))
                    .as("pairs %s", period)
                    .isEqualTo(
                            period.equals(FIRST) ? List.of(3_207L, 3_206L, 3_206L) : List.of(3_164L, 3_161L, 3_161L));
            assertThat(precision).as("precision %s", period).isGreaterThanOrEqualTo(0.999);
            assertThat(recall).as("recall %s", period).isGreaterThanOrEqualTo(0.997);
        }
    }

    @Test
    void aRowRejectedForItsNikIsAttachedToThePersonItProbablyIs() throws Exception {
        for (PeriodLinkage.Result result : List.of(first, second)) {
            YearMonth period = result.period();
            String truth =
                    DuckDb.literal(data.truth(period).resolve("roster_rows").resolve("*.parquet"));
            // each staged person of the month as the true person most of its rows are
            String persons = "(SELECT l.person_id, mode(t.person_id) AS true_person FROM read_parquet("
                    + DuckDb.literal(data.linkedPartition(period).resolve("person_link.parquet")) + ") l JOIN"
                    + " read_parquet(" + truth + ") t USING (source_file, source_row) GROUP BY l.person_id)";
            String attached =
                    "(SELECT a.band, a.basis, a.person_id, p.true_person, t.person_id AS row_person FROM read_parquet("
                            + DuckDb.literal(data.linkedPartition(period).resolve("rejected_link.parquet")) + ") a JOIN"
                            + " read_parquet(" + truth + ") t USING (source_file, source_row) JOIN " + persons
                            + " p ON p.person_id = a.person_id)";
            assertThat(single("SELECT count(*) FROM " + attached + " WHERE band = 'match'"))
                    .isEqualTo(result.rejectedMatched());
            // the seeded fixture's exact counts: rows rejected for their NIK; attached as a match, and
            // of those to their true person; left to review; attached by the source's own row id
            assertThat(List.of(
                            single("SELECT count(*) FROM read_parquet(" + truth + ") WHERE reject_rule LIKE 'NIK%'"),
                            result.rejectedMatched(),
                            single("SELECT count(*) FROM " + attached
                                    + " WHERE band = 'match' AND true_person = row_person"),
                            single("SELECT count(*) FROM " + attached + " WHERE band = 'review'"),
                            single("SELECT count(*) FROM " + attached + " WHERE basis = 'RECORD_ID'")))
                    .as("rescue %s", period)
                    // the second month also attaches rows by their source's own row id of the first
                    .isEqualTo(
                            period.equals(FIRST) ? List.of(95L, 31L, 31L, 8L, 0L) : List.of(113L, 51L, 51L, 3L, 16L));
        }
    }

    @Test
    void aNikOfAnotherPersonIsNotMergedWithItsOwner() throws Exception {
        String wrongNik = "SELECT w.source_file, w.source_row FROM " + rows(SECOND) + " w JOIN " + rows(SECOND)
                + " o ON o.person_id = w.person_id AND o.true_person <> w.true_person"
                + " WHERE w.faults LIKE '%NIK_OF_OTHER_PERSON%'";
        // the seeded fixture's rows carrying another person's NIK
        assertThat(single("SELECT count(*) FROM " + rows(SECOND) + " WHERE faults LIKE '%NIK_OF_OTHER_PERSON%'"))
                .isEqualTo(3L);
        assertThat(single("SELECT count(*) FROM (" + wrongNik + ")")).isZero();
        assertThat(second.nikGanda()).isEqualTo(3);
    }

    @Test
    void aPersonKeepsItsIdFromMonthToMonth() throws Exception {
        String carried = "(SELECT a.true_person, count(DISTINCT a.person_id) AS first_ids, count(DISTINCT"
                + " b.person_id) AS second_ids, bool_or(a.person_id = b.person_id) AS kept FROM " + rows(FIRST)
                + " a JOIN " + rows(SECOND) + " b USING (true_person) WHERE a.faults = '' AND b.faults = ''"
                + " GROUP BY a.true_person)";
        long persons = single("SELECT count(*) FROM " + carried);
        long kept = single("SELECT count(*) FROM " + carried + " WHERE kept");
        // the seeded fixture's persons without faults in both months, and those that kept their id
        assertThat(List.of(persons, kept)).isEqualTo(List.of(7_219L, 7_217L));
        assertThat((double) kept / persons).isGreaterThanOrEqualTo(0.999);
        assertThat(second.inherited()).isEqualTo(7_672);
    }

    @Test
    void linkingAPeriodAgainWritesTheSameRows() throws Exception {
        Path file = data.linkedPartition(SECOND).resolve("person_link.parquet");
        List<String> before = list("SELECT concat_ws('|', source_file, source_row, person_id) FROM read_parquet("
                + DuckDb.literal(file) + ")");
        PeriodLinkage.Result again = new PeriodLinkage(data, 2).link(SECOND);
        assertThat(again.persons()).isEqualTo(second.persons());
        assertThat(list("SELECT concat_ws('|', source_file, source_row, person_id) FROM read_parquet("
                        + DuckDb.literal(file) + ")"))
                .isEqualTo(before);
        assertThat(Files.exists(data.linkedPartition(SECOND).resolve("review_pair.parquet")))
                .isTrue();
    }

    @Test
    void aPeriodLinkedInAScratchDatabaseFileGetsTheSameRowsAndLeavesNoFile() throws Exception {
        Path file = data.linkedPartition(SECOND).resolve("person_link.parquet");
        String query = "SELECT concat_ws('|', source_file, source_row, person_id) FROM read_parquet("
                + DuckDb.literal(file) + ")";
        List<String> inMemory = list(query);

        // a threshold of 0 rows: any period is linked in a file
        PeriodLinkage.Result again = new PeriodLinkage(data, PeriodLinkage.defaultSpec(), 2, 0).link(SECOND);

        assertThat(again.persons()).isEqualTo(second.persons());
        assertThat(list(query)).isEqualTo(inMemory);
        try (Stream<Path> spill = Files.list(data.linked().resolve(".spill"))) {
            assertThat(spill.map(path -> path.getFileName().toString())).isEmpty();
        }
    }

    private static long single(String sql) throws Exception {
        return Long.parseLong(list(sql).get(0));
    }

    private static List<String> list(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = DuckDb.inMemory(2);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
