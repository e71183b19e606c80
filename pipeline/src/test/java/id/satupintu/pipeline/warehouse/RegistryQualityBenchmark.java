package id.satupintu.pipeline.warehouse;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.lake.DataDirectory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;

/**
 * Scores a refreshed data directory's golden records and households against the generator's truth
 * (docs/benchmarks.md, "Golden record and households"). Not a test: a measurement.
 *
 * <pre>
 * java ... id.satupintu.pipeline.warehouse.RegistryQualityBenchmark DATA_DIR YYYY-MM
 * </pre>
 *
 * Each person of the month is the true person most of their rows are. Households: pairs of persons
 * of the month with a No. KK, same household id against same true household. Golden record: the
 * share of persons whose field equals the truth's, beside the share a naive rule gets (the latest
 * roster row, by file and row).
 */
public final class RegistryQualityBenchmark {
    private RegistryQualityBenchmark() {}

    public static void main(String[] args) throws Exception {
        DataDirectory data = new DataDirectory(Path.of(args[0]));
        YearMonth period = YearMonth.parse(args[1]);
        Path warehouse = args.length > 2 ? Path.of(args[2]) : data.publishedWarehouse();
        try (Connection duckdb = DuckDb.inMemory(2)) {
            DuckDb.execute(duckdb, "ATTACH " + DuckDb.literal(warehouse) + " AS w (READ_ONLY)");
            DuckDb.execute(
                    duckdb,
                    "CREATE TEMP TABLE truth_of AS SELECT l.person_id, mode(t.person_id) AS true_person,"
                            + " mode(t.household_id) AS true_household FROM read_parquet("
                            + DuckDb.literal(data.linkedPartition(period).resolve("person_link.parquet"))
                            + ") l JOIN read_parquet("
                            + DuckDb.literal(
                                    data.truth(period).resolve("roster_rows").resolve("*.parquet"))
                            + ") t USING (source_file, source_row) GROUP BY l.person_id");
            DuckDb.execute(
                    duckdb,
                    "CREATE TEMP TABLE member AS SELECT m.person_id, m.household_id, t.true_household FROM"
                            + " w.household_member m JOIN truth_of t USING (person_id) WHERE m.period = '"
                            + period + "'");
            print(duckdb, "households", """
                    WITH both_same AS (SELECT sum(n * (n - 1) / 2) AS v FROM
                            (SELECT count(*) AS n FROM member GROUP BY household_id, true_household)),
                        predicted AS (SELECT sum(n * (n - 1) / 2) AS v FROM
                            (SELECT count(*) AS n FROM member GROUP BY household_id)),
                        actual AS (SELECT sum(n * (n - 1) / 2) AS v FROM
                            (SELECT count(*) AS n FROM member GROUP BY true_household))
                    SELECT (SELECT count(*) FROM member) AS persons,
                        (SELECT count(DISTINCT household_id) FROM member) AS households,
                        (SELECT count(DISTINCT true_household) FROM member) AS true_households,
                        both_same.v AS pairs_right, predicted.v AS pairs_found, actual.v AS pairs_true,
                        round(both_same.v / predicted.v, 4) AS precision, round(both_same.v / actual.v, 4) AS recall
                    FROM both_same, predicted, actual
                    """);
            DuckDb.execute(
                    duckdb,
                    "CREATE TEMP TABLE population AS SELECT * FROM read_parquet("
                            + DuckDb.literal(
                                    data.truth(period).resolve("population").resolve("*.parquet")) + ")");
            DuckDb.execute(
                    duckdb,
                    "CREATE TEMP TABLE latest_row AS SELECT l.person_id, s.nik, s.nama_normalized AS nama, s.sex,"
                            + " s.birth_date, s.kode_desa FROM read_parquet("
                            + DuckDb.literal(data.staged().resolve("**").resolve("*.parquet"))
                            + ", hive_partitioning = false) s JOIN read_parquet("
                            + DuckDb.literal(data.linked().resolve("**").resolve("person_link.parquet"))
                            + ", hive_partitioning = false) l USING (period, source_file, source_row)"
                            + " QUALIFY row_number() OVER (PARTITION BY l.person_id ORDER BY s.period DESC,"
                            + " s.source_file, s.source_row) = 1");
            for (String source : new String[] {"golden", "latest_row"}) {
                String table = source.equals("golden")
                        ? "read_parquet(" + DuckDb.literal(data.goldenRecord()) + ")"
                        : "latest_row";
                print(duckdb, source, """
                        SELECT count(*) AS persons,
                            round(avg(CAST(r.nik = p.nik AS INT)), 4) AS nik,
                            round(avg(CAST(r.nama = upper(p.nama) AS INT)), 4) AS nama,
                            round(avg(CAST(r.sex = p.sex AS INT)), 4) AS sex,
                            round(avg(CAST(r.birth_date = p.birth_date AS INT)), 4) AS birth_date,
                            round(avg(CAST(r.kode_desa = p.kode_desa AS INT)), 4) AS kode_desa
                        FROM %s r
                        JOIN truth_of t USING (person_id)
                        JOIN population p ON p.person_id = t.true_person
                        """.formatted(table));
            }
        }
    }

    private static void print(Connection duckdb, String label, String sql) throws SQLException {
        try (Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder line = new StringBuilder(label).append(':');
                for (int i = 1; i <= columns; i++) {
                    line.append(' ')
                            .append(result.getMetaData().getColumnLabel(i))
                            .append('=')
                            .append(result.getString(i));
                }
                System.out.println(line);
            }
        }
    }
}
