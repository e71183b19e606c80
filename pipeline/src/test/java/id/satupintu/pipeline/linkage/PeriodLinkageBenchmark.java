package id.satupintu.pipeline.linkage;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.lake.DataDirectory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.Locale;

/**
 * The link step on a refreshed data directory, scored against the generator's truth: pairwise
 * precision, recall and F1 of the persons it finds over the period's staged rows, beside the NIK
 * key alone (what the warehouse counted before the link step). Not a unit test; the command is in
 * docs/benchmarks.md ("The link step on the generator's truth"). Arguments: data directory (after
 * {@code generate} and {@code refresh}), period.
 */
public final class PeriodLinkageBenchmark {
    private PeriodLinkageBenchmark() {}

    public static void main(String[] args) throws Exception {
        DataDirectory data = new DataDirectory(Path.of(args[0]));
        YearMonth period = YearMonth.parse(args[1]);
        PeriodLinkage.Result result =
                new PeriodLinkage(data, Runtime.getRuntime().availableProcessors()).link(period);
        System.out.println(result);
        try (Connection connection = DuckDb.inMemory(2);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE scored AS SELECT link.person_id, link.person_key, truth.person_id AS truth,"
                    + " regexp_matches(coalesce(truth.faults, ''), 'NIK_') AS nik_damaged FROM read_parquet("
                    + DuckDb.literal(data.linkedPartition(period).resolve("person_link.parquet")) + ") AS link"
                    + " JOIN read_parquet("
                    + DuckDb.literal(data.truth(period).resolve("roster_rows").resolve("*.parquet"))
                    + ") AS truth USING (source_file, source_row)");
            long truePairs = pairs(statement, "truth");
            for (String key : new String[] {"person_id", "person_key"}) {
                long found = pairs(statement, key);
                long correct = pairs(statement, key + ", truth");
                double precision = (double) correct / found;
                double recall = (double) correct / truePairs;
                System.out.printf(
                        Locale.ROOT,
                        "%-10s pairs %,d, correct %,d of %,d true: precision %.4f, recall %.4f, F1 %.4f%n",
                        key.equals("person_id") ? "linked" : "NIK key",
                        found,
                        correct,
                        truePairs,
                        precision,
                        recall,
                        2 * precision * recall / (precision + recall));
            }
            damagedNikRecall(statement, data, period);
        }
    }

    /**
     * Recall among records whose NIK is damaged: of the true pairs with at least one such row, the
     * share the link found. Staged rows with a damaged NIK (a typo, another person's NIK, a second
     * registration) are linked; rows rejected at ingest for their NIK (missing, scientific notation,
     * placeholder, ...) are attached to a person when their other fields match one
     * ({@code rejected_link.parquet}); the second line counts their true pairs too.
     */
    private static void damagedNikRecall(Statement statement, DataDirectory data, YearMonth period) throws Exception {
        long damagedTrue = single(
                statement,
                "SELECT sum(n * (n - 1) / 2 - (n - d) * (n - d - 1) / 2)::BIGINT FROM (SELECT count(*) AS n,"
                        + " count(*) FILTER (WHERE nik_damaged) AS d FROM scored GROUP BY truth)");
        long damagedFound = single(
                statement,
                "SELECT sum(n * (n - 1) / 2 - (n - d) * (n - d - 1) / 2)::BIGINT FROM (SELECT count(*) AS n,"
                        + " count(*) FILTER (WHERE nik_damaged) AS d FROM scored GROUP BY person_id, truth)");
        long rejectedTrue = single(
                statement,
                "SELECT coalesce(sum(staged.n), 0)::BIGINT FROM read_parquet("
                        + DuckDb.literal(
                                data.truth(period).resolve("roster_rows").resolve("*.parquet"))
                        + ") AS rejected JOIN (SELECT truth, count(*) AS n FROM scored GROUP BY truth) AS staged"
                        + " ON staged.truth = rejected.person_id WHERE rejected.reject_rule LIKE 'NIK%'");
        long rejectedRows = single(
                statement,
                "SELECT count(*) FROM read_parquet("
                        + DuckDb.literal(
                                data.truth(period).resolve("roster_rows").resolve("*.parquet"))
                        + ") WHERE reject_rule LIKE 'NIK%'");
        System.out.printf(
                Locale.ROOT,
                "damaged NIK, staged rows: %,d of %,d true pairs found, recall %.4f%n",
                damagedFound,
                damagedTrue,
                (double) damagedFound / damagedTrue);
        // a rejected row the link attached to a person (band match) finds its pairs with that
        // person's staged rows of its own true person
        long rejectedFound = single(
                statement,
                "SELECT coalesce(sum(staged.n), 0)::BIGINT FROM read_parquet("
                        + DuckDb.literal(data.linkedPartition(period).resolve("rejected_link.parquet"))
                        + ") AS attached JOIN read_parquet("
                        + DuckDb.literal(
                                data.truth(period).resolve("roster_rows").resolve("*.parquet"))
                        + ") AS rejected USING (source_file, source_row) JOIN (SELECT person_id, truth, count(*) AS n"
                        + " FROM scored GROUP BY ALL) AS staged ON staged.person_id = attached.person_id AND"
                        + " staged.truth = rejected.person_id WHERE attached.band = 'match' AND"
                        + " rejected.reject_rule LIKE 'NIK%'");
        System.out.printf(
                Locale.ROOT,
                "damaged NIK, with the %,d rows rejected for their NIK: %,d of %,d true pairs found, recall %.4f%n",
                rejectedRows,
                damagedFound + rejectedFound,
                damagedTrue + rejectedTrue,
                (double) (damagedFound + rejectedFound) / (damagedTrue + rejectedTrue));
    }

    private static long single(Statement statement, String sql) throws Exception {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Pairs of rows that share the grouping. */
    private static long pairs(Statement statement, String grouping) throws Exception {
        try (ResultSet result = statement.executeQuery(
                "SELECT sum(n * (n - 1) / 2)::BIGINT FROM (SELECT count(*) AS n FROM scored GROUP BY " + grouping
                        + ")")) {
            result.next();
            return result.getLong(1);
        }
    }
}
