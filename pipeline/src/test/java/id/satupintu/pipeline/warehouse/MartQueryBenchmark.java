package id.satupintu.pipeline.warehouse;

import id.satupintu.pipeline.duckdb.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long planners wait (issue 6: "a planner query on any mart ≤ 100 ms"): every recipe of
 * docs/queries.md, and a whole-month read of every mart table, each run 20 times on one read-only
 * connection to a published warehouse after one warm-up run; prints the median and the slowest.
 * Not a test: a measurement (command in docs/benchmarks.md).
 *
 * <pre>
 * java ... id.satupintu.pipeline.warehouse.MartQueryBenchmark WAREHOUSE.duckdb docs/queries.md
 * </pre>
 */
public final class MartQueryBenchmark {
    private static final int RUNS = 20;

    private MartQueryBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path warehouse = Path.of(args[0]);
        List<String[]> queries = new ArrayList<>();
        Matcher recipes =
                Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of(args[1])));
        int recipe = 0;
        while (recipes.find()) {
            queries.add(
                    new String[] {"recipe " + ++recipe, recipes.group(1).strip().replaceFirst(";$", "")});
        }
        try (Connection connection = DuckDb.openReadOnly(warehouse)) {
            for (String mart : strings(
                    connection,
                    "SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'mart_%' ORDER BY table_name")) {
                queries.add(new String[] {
                    mart, "SELECT * FROM " + mart + " WHERE period = (SELECT max(period) FROM " + mart + ")"
                });
            }
            System.out.printf(Locale.ROOT, "%-32s %8s %10s %10s%n", "query", "rows", "median ms", "max ms");
            double worst = 0;
            for (String[] query : queries) {
                long rows = run(connection, query[1]);
                double[] millis = new double[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    long started = System.nanoTime();
                    run(connection, query[1]);
                    millis[i] = (System.nanoTime() - started) / 1e6;
                }
                Arrays.sort(millis);
                worst = Math.max(worst, millis[RUNS / 2]);
                System.out.printf(
                        Locale.ROOT, "%-32s %8d %10.1f %10.1f%n", query[0], rows, millis[RUNS / 2], millis[RUNS - 1]);
            }
            System.out.printf(Locale.ROOT, "slowest median: %.1f ms%n", worst);
        }
    }

    /** Runs the query and reads every row; returns the row count. */
    private static long run(Connection connection, String sql) throws Exception {
        long rows = 0;
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                for (int i = 1; i <= columns; i++) {
                    result.getObject(i);
                }
                rows++;
            }
        }
        return rows;
    }

    private static List<String> strings(Connection connection, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
