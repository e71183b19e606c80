package id.satupintu.pipeline.duckdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opening DuckDB databases the way the pipeline needs them, and handing Arrow data to them. */
public final class DuckDb {
    private DuckDb() {}

    private static final Logger statementLog = LoggerFactory.getLogger(DuckDb.class);

    /**
     * COPY options of every lake file SatuPintu writes: ZSTD at level 1 with Parquet 2 pages
     * (delta encodings) costs a quarter less CPU than DuckDB's default ZSTD and writes smaller
     * files (staged PBI-JK of Cirebon: 28.5 MB against 32.1 MB); DuckDB, Spark and Trino read it.
     */
    public static final String LAKE_PARQUET =
            "FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, PARQUET_VERSION V2";

    /**
     * The memory DuckDB may use in one step ({@code link}, {@code build}, {@code match}) before it
     * spills to disk: {@code defaultLimit}, or the system property
     * {@code satupintu.duckdb.memory-limit.<step>} (DuckDB syntax, {@code 3GB}) on a machine with
     * more memory to give (docs/operations.md, "Memory").
     */
    public static String memoryLimit(String step, String defaultLimit) {
        String configured = System.getProperty("satupintu.duckdb.memory-limit." + step);
        return configured == null || configured.isBlank() ? defaultLimit : configured.strip();
    }

    /** A private in-memory database for one unit of work (one file's ingest, say). */
    public static DuckDBConnection inMemory(int threads) throws SQLException {
        return forWork((DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:"), threads);
    }

    /**
     * A scratch database file for one unit of work too large for memory (a period's link): its
     * tables live in the file, compressed, and the buffer manager can drop their pages instead of
     * writing them to the spill folder. Any earlier file of that name is replaced; the caller deletes
     * it when done ({@link #deleteDatabase}).
     */
    public static DuckDBConnection scratchFile(Path file, int threads) throws SQLException {
        deleteDatabase(file);
        return forWork(openForWrite(file), threads);
    }

    /** Deletes a database file and its write-ahead log, if there. */
    public static void deleteDatabase(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }

    /** A connection for one unit of work: so many threads, no insertion order kept unless asked. */
    private static DuckDBConnection forWork(DuckDBConnection connection, int threads) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + threads);
            statement.execute("SET preserve_insertion_order = false");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** A database file opened for writing; only one process may hold it. */
    public static DuckDBConnection openForWrite(Path file) throws SQLException {
        return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
    }

    /**
     * A database file opened read-only with external access off: SQL run on it can read the
     * warehouse and nothing else on the machine, and can write nothing.
     */
    public static DuckDBConnection openReadOnly(Path file) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        properties.setProperty("enable_external_access", "false");
        return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), properties);
    }

    /**
     * Makes the batches of an Arrow reader scannable as {@code name} on the connection, once. The
     * reader belongs to the stream from then on: the consumer closes it when it releases the stream.
     */
    public static ArrowArrayStream registerArrow(
            DuckDBConnection connection, String name, ArrowReader reader, BufferAllocator allocator) {
        ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator);
        try {
            Data.exportArrayStream(allocator, reader, stream);
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
        connection.registerArrowStream(name, stream);
        return stream;
    }

    /**
     * A SQL string literal. For the few places DuckDB takes no bind parameter (COPY targets, file
     * paths of table functions); the values are paths the pipeline made, never user input.
     */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    public static String literal(Path path) {
        return literal(path.toAbsolutePath().toString());
    }

    public static void execute(Connection connection, String sql) throws SQLException {
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        // statements only (file paths, table names), never rows: what a profile of a step starts from
        if (statementLog.isTraceEnabled()) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (millis >= 100) {
                statementLog.trace(
                        "{} ms ({}): {}",
                        millis,
                        memoryInUse(connection),
                        sql.replaceAll("\\s+", " ").substring(0, Math.min(sql.length(), 160)));
            }
        }
    }

    /**
     * What DuckDB's buffer manager holds after a statement, by tag (hash tables, in-memory tables,
     * ...), and what it has spilled: where a step's memory goes when it runs out.
     */
    static String memoryInUse(Connection connection) throws SQLException {
        StringBuilder summary = new StringBuilder();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT tag, memory_usage_bytes // 1048576, temporary_storage_bytes // 1048576"
                                + " FROM duckdb_memory()"
                                + " WHERE memory_usage_bytes + temporary_storage_bytes >= 1048576"
                                + " ORDER BY memory_usage_bytes DESC")) {
            while (rows.next()) {
                summary.append(summary.isEmpty() ? "" : ", ")
                        .append(rows.getString(1))
                        .append(' ')
                        .append(rows.getLong(2))
                        .append(" MiB");
                if (rows.getLong(3) > 0) {
                    summary.append(" + ").append(rows.getLong(3)).append(" MiB spilled");
                }
            }
        }
        return summary.isEmpty() ? "memory < 1 MiB" : summary.toString();
    }
}
