package id.satupintu.pipeline.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.pipeline.TestLakes;
import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.generate.FaultRates;
import id.satupintu.pipeline.generate.GeneratorSettings;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.linkage.LinkOverrides.Decision;
import id.satupintu.pipeline.linkage.LinkOverrides.Kind;
import id.satupintu.pipeline.linkage.LinkOverrides.Side;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reviewers' decisions on two generated months: one exact-NIK pair the link joined is declared two
 * people, one NIK-ganda conflict is declared two people, and two persons the link kept apart (one
 * person by the generator's truth when the fixture holds such a pair, else two persons on clean
 * keys) are declared one; both months are linked again and the decisions hold in both.
 */
class PeriodLinkageOverridesTest {
    private static final YearMonth FIRST = YearMonth.of(2026, 9);
    private static final YearMonth SECOND = YearMonth.of(2026, 10);

    @TempDir
    static Path root;

    private static DataDirectory data;
    /** program|key of both rows of the exact-NIK pair, of the conflict pair; the two person ids. */
    private static List<String> exactPair;

    private static List<String> conflictPair;
    private static List<String> samePersons;
    /** program|key of the rows that carried the two persons in the first link. */
    private static List<String> samePersonRows;

    private static long conflictsInQueueBefore;

    private static PeriodLinkage.Result first;
    private static PeriodLinkage.Result second;

    @BeforeAll
    static void linkDecideAndLinkAgain() throws Exception {
        data = new DataDirectory(root);
        TestLakes.generateAndIngest(
                root, new GeneratorSettings("51.08", FIRST, 2, 20_000, 11L, FaultRates.defaults()), file -> true);
        PeriodLinkage linkage = new PeriodLinkage(data, 2);
        linkage.link(FIRST);
        linkage.link(SECOND);

        // one NIK in two programs, one person in both months, each program holding the NIK once
        String once = "(SELECT program_code, person_key, any_value(person_id) AS person_id FROM "
                + personLink(FIRST) + " GROUP BY ALL HAVING count(*) = 1 INTERSECT SELECT program_code, person_key,"
                + " any_value(person_id) FROM " + personLink(FIRST) + " GROUP BY ALL HAVING count(*) = 1)";
        String inSecond =
                "(SELECT program_code, person_key FROM " + personLink(SECOND) + " GROUP BY ALL HAVING count(*) = 1)";
        exactPair = row("SELECT a.program_code || '|' || a.person_key, b.program_code || '|' || b.person_key FROM "
                + once + " a JOIN " + once + " b ON a.person_key = b.person_key AND a.program_code < b.program_code"
                + " AND a.person_id = b.person_id JOIN " + inSecond + " a2 ON a2.program_code = a.program_code AND"
                + " a2.person_key = a.person_key JOIN " + inSecond + " b2 ON b2.program_code = b.program_code AND"
                + " b2.person_key = b.person_key ORDER BY a.person_key, a.program_code LIMIT 1");
        assertThat(personOf(SECOND, exactPair.get(0))).isEqualTo(personOf(SECOND, exactPair.get(1)));

        // a NIK ganda of the second month between two programs, each holding the NIK once
        conflictPair = row("SELECT program_code_l || '|' || person_key_l, program_code_r || '|' || person_key_r FROM "
                + reviewPairs(SECOND) + " p SEMI JOIN " + inSecond + " l ON l.program_code = p.program_code_l AND"
                + " l.person_key = p.person_key_l SEMI JOIN " + inSecond + " r ON r.program_code = p.program_code_r"
                + " AND r.person_key = p.person_key_r WHERE band = 'conflict' AND program_code_l <> program_code_r"
                + " ORDER BY source_file_l, source_row_l LIMIT 1");

        // one true person the link kept as two persons, in the first month and in the next
        String truthOfFirst = "read_parquet("
                + DuckDb.literal(data.truth(FIRST).resolve("roster_rows").resolve("*.parquet")) + ")";
        samePersons = row("WITH u1 AS (SELECT program_code, person_key FROM " + personLink(FIRST) + " GROUP BY ALL"
                + " HAVING count(*) = 1), u2 AS (SELECT program_code, person_key FROM " + personLink(SECOND)
                + " GROUP BY ALL HAVING count(*) = 1),"
                + " f AS (SELECT l.program_code, l.person_key, l.person_id, t.person_id AS true_person,"
                + " u1.person_key IS NOT NULL AND (u2.person_key IS NOT NULL OR s2.person_key IS NULL) AS unique_key"
                + " FROM " + personLink(FIRST)
                + " l JOIN " + truthOfFirst + " t USING (source_file, source_row) LEFT JOIN u1 ON u1.program_code ="
                + " l.program_code AND u1.person_key = l.person_key LEFT JOIN u2 ON u2.program_code = l.program_code"
                + " AND u2.person_key = l.person_key LEFT JOIN (SELECT DISTINCT program_code, person_key FROM "
                + personLink(SECOND) + ") s2 ON s2.program_code = l.program_code AND s2.person_key = l.person_key),"
                + " apart AS (SELECT true_person FROM f GROUP BY 1 HAVING count(DISTINCT person_id) = 2 AND"
                + " bool_and(unique_key)),"
                // still there next month: apart again if there is such a person, else together
                + " apart_next AS (SELECT f.true_person, count(DISTINCT s.person_id) AS persons_next FROM f JOIN "
                + personLink(SECOND) + " s USING (program_code, person_key) WHERE f.true_person IN (SELECT"
                + " true_person FROM apart) GROUP BY 1)"
                + " SELECT min(person_id), max(person_id) FROM f WHERE true_person = (SELECT true_person FROM"
                + " apart_next ORDER BY persons_next DESC, true_person LIMIT 1)");
        if (samePersons.contains(null)) {
            // the link kept no true person apart in a way a decision can name cleanly: two persons of
            // the first month, each on unique keys and still there next month, that a reviewer joins
            samePersons = row("WITH u1 AS (SELECT program_code, person_key FROM " + personLink(FIRST)
                    + " GROUP BY ALL HAVING count(*) = 1), u2 AS (SELECT program_code, person_key FROM "
                    + personLink(SECOND) + " GROUP BY ALL HAVING count(*) = 1), clean AS (SELECT l.person_id FROM "
                    + personLink(FIRST) + " l LEFT JOIN u1 USING (program_code, person_key) LEFT JOIN u2 USING"
                    + " (program_code, person_key) GROUP BY l.person_id HAVING bool_and(u1.person_key IS NOT NULL"
                    + " AND u2.person_key IS NOT NULL) ORDER BY l.person_id LIMIT 2) SELECT min(person_id),"
                    + " max(person_id) FROM clean");
        }
        assertThat(samePersons).doesNotContainNull();
        samePersonRows = list("SELECT DISTINCT program_code || '|' || person_key FROM " + personLink(FIRST)
                + " WHERE person_id IN (" + DuckDb.literal(samePersons.get(0)) + ", "
                + DuckDb.literal(samePersons.get(1)) + ") ORDER BY 1");

        conflictsInQueueBefore = single("SELECT count(*) FROM " + reviewPairs(SECOND) + " WHERE band = 'conflict'");

        Path overrides = data.linkOverrides();
        LinkOverrides.append(
                overrides, decision(Kind.DIFFERENT_PERSONS, rowSide(exactPair.get(0)), rowSide(exactPair.get(1)), 1));
        LinkOverrides.append(
                overrides,
                decision(Kind.DIFFERENT_PERSONS, rowSide(conflictPair.get(0)), rowSide(conflictPair.get(1)), 2));
        LinkOverrides.append(
                overrides,
                decision(Kind.SAME_PERSON, Side.person(samePersons.get(0)), Side.person(samePersons.get(1)), 3));

        first = linkage.link(FIRST);
        second = linkage.link(SECOND);
    }

    @Test
    void aDifferentPersonsDecisionSplitsAnExactNikPairInBothMonths() throws Exception {
        for (YearMonth period : List.of(FIRST, SECOND)) {
            assertThat(personOf(period, exactPair.get(0)))
                    .as(period.toString())
                    .isNotEqualTo(personOf(period, exactPair.get(1)));
        }
        // the second month's NIK ganda has no rows on both sides in the first month: it waits there
        assertThat(events(FIRST, "OVERRIDE_DIFFERENT")).containsExactly("BA/001/DINSOS/2026");
        assertThat(events(SECOND, "OVERRIDE_DIFFERENT"))
                .containsExactlyInAnyOrder("BA/001/DINSOS/2026", "BA/002/DINSOS/2026");
    }

    @Test
    void aSamePersonDecisionJoinsTwoPersonsInBothMonths() throws Exception {
        assertThat(samePersonRows).hasSizeGreaterThanOrEqualTo(2);
        for (YearMonth period : List.of(FIRST, SECOND)) {
            List<String> persons = list("SELECT DISTINCT person_id FROM " + personLink(period)
                    + " WHERE program_code || '|' || person_key IN (SELECT unnest(" + listLiteral(samePersonRows)
                    + "))");
            assertThat(persons).as(period.toString()).hasSize(1);
            assertThat(list("SELECT person_id = other_person_id FROM " + linkEvents(period)
                            + " WHERE event = 'OVERRIDE_SAME' AND reference = 'BA/003/DINSOS/2026'"))
                    .as(period.toString())
                    .containsExactly("true");
        }
        // the joint person keeps one of the two ids
        assertThat(list("SELECT DISTINCT person_id FROM " + personLink(FIRST)
                        + " WHERE program_code || '|' || person_key = " + DuckDb.literal(samePersonRows.get(0))))
                .containsAnyElementsOf(samePersons);
    }

    @Test
    void decidedPairsLeaveTheReviewQueue() throws Exception {
        for (YearMonth period : List.of(FIRST, SECOND)) {
            for (List<String> pair : List.of(exactPair, conflictPair)) {
                assertThat(single("SELECT count(*) FROM " + reviewPairs(period) + " WHERE list_sort([program_code_l"
                                + " || '|' || person_key_l, program_code_r || '|' || person_key_r]) = list_sort("
                                + listLiteral(pair) + ")"))
                        .as(period + " " + pair)
                        .isZero();
            }
            assertThat(single("SELECT count(*) FROM " + reviewPairs(period) + " WHERE program_code_l || '|' ||"
                            + " person_key_l IN (SELECT unnest(" + listLiteral(samePersonRows) + ")) AND program_code_r"
                            + " || '|' || person_key_r IN (SELECT unnest(" + listLiteral(samePersonRows) + "))"))
                    .as(period.toString())
                    .isZero();
        }
        assertThat(single("SELECT count(*) FROM " + reviewPairs(SECOND) + " WHERE band = 'conflict'"))
                .isLessThan(conflictsInQueueBefore);
        assertThat(first.overridesApplied()).isEqualTo(2);
        assertThat(second.overridesApplied()).isEqualTo(3);
    }

    @Test
    void theOverridesFileCarriesNoNikAndNoName() throws Exception {
        String text = Files.readString(data.linkOverrides());
        assertThat(text).doesNotContainPattern("\\b\\d{16}\\b");
        assertThat(text.lines().skip(1))
                .allMatch(line -> line.matches("(SAME_PERSON|DIFFERENT_PERSONS),"
                        + "(person:P[0-9a-f]{19}|row:[A-Z0-9_-]+:[0-9a-f]+),(person:P[0-9a-f]{19}|row:[A-Z0-9_-]+:[0-9a-f]+),"
                        + "Dinas Sosial Buleleng,2026-10-1[0-9],BA/00[0-9]/DINSOS/2026"));
    }

    private static Decision decision(Kind kind, Side left, Side right, int number) {
        return new Decision(
                0,
                kind,
                left,
                right,
                "Dinas Sosial Buleleng",
                LocalDate.of(2026, 10, 10 + number),
                "BA/00" + number + "/DINSOS/2026");
    }

    private static Side rowSide(String programAndKey) {
        String[] parts = programAndKey.split("\\|");
        return Side.row(parts[0], parts[1]);
    }

    private static String personOf(YearMonth period, String programAndKey) throws Exception {
        List<String> persons = list("SELECT DISTINCT person_id FROM " + personLink(period)
                + " WHERE program_code || '|' || person_key = " + DuckDb.literal(programAndKey));
        assertThat(persons).hasSize(1);
        return persons.get(0);
    }

    private static List<String> events(YearMonth period, String event) throws Exception {
        return list("SELECT reference FROM " + linkEvents(period) + " WHERE event = " + DuckDb.literal(event));
    }

    private static String personLink(YearMonth period) {
        return linked(period, "person_link.parquet");
    }

    private static String reviewPairs(YearMonth period) {
        return linked(period, "review_pair.parquet");
    }

    private static String linkEvents(YearMonth period) {
        return linked(period, "link_event.parquet");
    }

    private static String linked(YearMonth period, String file) {
        return "read_parquet(" + DuckDb.literal(data.linkedPartition(period).resolve(file)) + ")";
    }

    private static String listLiteral(List<String> values) {
        return "[" + String.join(", ", values.stream().map(DuckDb::literal).toList()) + "]";
    }

    private static List<String> row(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = DuckDb.inMemory(2);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as("a row for %s", sql).isTrue();
            for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                values.add(result.getString(i));
            }
        }
        return values;
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
