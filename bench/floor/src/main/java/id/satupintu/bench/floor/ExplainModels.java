package id.satupintu.bench.floor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Profiling aid for issue 9 (reads product SQL, changes nothing): re-runs the warehouse build's
 * models and data tests one by one against a refreshed data directory, the way WarehouseBuilder runs
 * them (staging models as temp tables over the lake, marts, then tests), times each, and prints
 * DuckDB's {@code EXPLAIN ANALYZE} of the slowest.
 *
 * <p>Usage: {@code java -cp duckdb-floor.jar id.satupintu.bench.floor.ExplainModels DATA_DIR
 * WAREHOUSE_RESOURCES_DIR [THREADS]} where the resources dir is
 * {@code pipeline/src/main/resources/id/satupintu/pipeline/warehouse}. Works on a copy of the
 * published warehouse (for its reference tables), which it deletes at the end.
 */
public final class ExplainModels {
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path resources = Path.of(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path copy = Files.createTempFile("explain-models", ".duckdb");
        Files.copy(data.resolve("warehouse/satupintu.duckdb"), copy, StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> steps = new LinkedHashMap<>();
        for (String model : List.of("stg_roster_row")) {
            steps.put("staging " + model, "CREATE TEMP TABLE " + model + " AS "
                    + Files.readString(resources.resolve("models/staging/" + model + ".sql")));
        }
        // the order WarehouseBuilder.MART_MODELS uses: referenced marts first
        for (String model : List.of("period", "person", "enrollment", "file_manifest", "reject",
                "mart_recipients_kecamatan", "mart_spending_kecamatan")) {
            Path sql = resources.resolve("models/marts/" + model + ".sql");
            if (Files.exists(sql)) {
                steps.put("mart " + model, "CREATE TEMP TABLE probe_" + model + " AS " + Files.readString(sql));
            }
        }
        try (Stream<Path> tests = Files.list(resources.resolve("tests"))) {
            for (Path test : tests.sorted().toList()) {
                String name = test.getFileName().toString().replaceFirst("\\.sql$", "");
                steps.put("test " + name, "SELECT count(*) FROM (" + Files.readString(test) + ")");
            }
        }
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + copy);
                Statement statement = duckdb.createStatement()) {
            statement.execute("SET threads = " + threads);
            for (String part : List.of("staged", "rejected", "manifest")) {
                Path folder = data.resolve("lake").resolve(part);
                statement.execute("CREATE TEMP VIEW lake_" + part + " AS SELECT * FROM read_parquet('"
                        + folder.resolve("**").resolve("*.parquet") + "', hive_partitioning = false)");
            }
            Path reference = data.resolve("lake/reference");
            if (Files.isDirectory(reference)) {
                statement.execute("CREATE TEMP VIEW lake_reference AS SELECT * FROM read_parquet('"
                        + reference.resolve("**").resolve("*.parquet") + "', hive_partitioning = false)");
            }
            List<String[]> timings = new ArrayList<>();
            String slowest = null;
            double slowestSeconds = -1;
            for (Map.Entry<String, String> step : steps.entrySet()) {
                long start = System.nanoTime();
                try {
                    statement.execute(step.getValue());
                } catch (SQLException e) {
                    System.out.printf(Locale.ROOT, "%-45s failed here: %s%n", step.getKey(),
                            e.getMessage().lines().findFirst().orElse(""));
                    continue;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "%-45s %7.3f s%n", step.getKey(), seconds);
                if (seconds > slowestSeconds && !step.getKey().startsWith("staging")) {
                    slowestSeconds = seconds;
                    slowest = step.getKey();
                }
            }
            for (String name : new String[] {"staging stg_roster_row", slowest}) {
                String sql = steps.get(name);
                if (name.startsWith("staging")) {
                    statement.execute("DROP TABLE stg_roster_row");
                } else if (name.startsWith("mart")) {
                    statement.execute("DROP TABLE probe_" + name.substring(5));
                }
                System.out.println();
                System.out.println("EXPLAIN ANALYZE of " + name + ":");
                try (ResultSet plan = statement.executeQuery("EXPLAIN ANALYZE " + sql)) {
                    while (plan.next()) {
                        System.out.println(plan.getString(2));
                    }
                }
            }
        } finally {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(Path.of(copy + ".wal"));
        }
    }
}
