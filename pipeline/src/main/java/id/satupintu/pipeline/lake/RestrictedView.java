package id.satupintu.pipeline.lake;

import id.satupintu.pipeline.duckdb.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;

/**
 * The published warehouse joined with the restricted lake, for the few outputs that need names
 * (uji publik lists, musyawarah review workbooks): a private in-memory DuckDB with the warehouse
 * attached read-only as the default catalog and the golden record as the view {@code golden_record}.
 * What it reads stays in the process; whoever uses it decides what leaves.
 */
public final class RestrictedView {
    private RestrictedView() {}

    /** The warehouse and the golden record; fails naming the file when either is missing. */
    public static DuckDBConnection open(DataDirectory data, Path warehouse) throws SQLException {
        Path golden = data.goldenRecord();
        if (!Files.isRegularFile(golden)) {
            throw new SQLException("The golden record " + golden + " is missing; run refresh first");
        }
        DuckDBConnection connection = DuckDb.inMemory(2);
        try {
            DuckDb.execute(connection, "ATTACH " + DuckDb.literal(warehouse) + " AS warehouse (READ_ONLY)");
            DuckDb.execute(connection, "USE warehouse");
            parquetView(connection, "golden_record", golden);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Makes the Parquet files of {@code files} (a path or a glob) readable as the temporary view {@code name}. */
    public static void parquetView(DuckDBConnection connection, String name, Path files) throws SQLException {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a view name: " + name);
        }
        DuckDb.execute(
                connection,
                "CREATE OR REPLACE TEMPORARY VIEW " + name + " AS SELECT * FROM read_parquet(" + DuckDb.literal(files)
                        + ", hive_partitioning = false, union_by_name = true)");
    }
}
