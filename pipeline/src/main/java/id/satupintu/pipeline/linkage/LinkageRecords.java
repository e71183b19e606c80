package id.satupintu.pipeline.linkage;

import static id.satupintu.pipeline.duckdb.DuckDb.execute;
import static id.satupintu.pipeline.duckdb.DuckDb.literal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The records a linkage reads: table {@value #TABLE} with {@code record_id} (1, 2, … across all
 * sources), {@code source_id} (0, 1, … in the order the sources were given) and one text column
 * per source column, trimmed, empty as NULL.
 */
public final class LinkageRecords {
    public static final String TABLE = "linkage_record";

    private LinkageRecords() {}

    /**
     * Loads CSV files with DuckDB's reader. Header names are trimmed and every character other
     * than a letter, digit or underscore becomes an underscore ("NAMA LENGKAP" is NAMA_LENGKAP).
     * Columns are matched by name across files; a column some files lack is NULL in their records.
     */
    public static void loadCsv(Connection connection, List<Path> files) throws SQLException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no input files");
        }
        // record ids follow the order of the file's rows; the connection's setting comes back after
        String preserveOrder;
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT current_setting('preserve_insertion_order')")) {
            result.next();
            preserveOrder = result.getBoolean(1) ? "true" : "false";
        }
        for (int source = 0; source < files.size(); source++) {
            Path file = files.get(source);
            if (!Files.isReadable(file)) {
                throw new LinkageException(
                        "Berkas masukan tidak dapat dibaca: " + file, "The input file cannot be read: " + file);
            }
            String raw = "raw_source_" + source;
            execute(
                    connection,
                    "CREATE TEMP TABLE " + raw + " AS SELECT * FROM read_csv(" + literal(file)
                            + ", all_varchar = true, header = true)");
            List<String> names = columnNames(connection, raw);
            List<String> select = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (String name : names) {
                String column = name.strip().replaceAll("[^A-Za-z0-9_]", "_");
                if (column.isEmpty() || !seen.add(column)) {
                    continue;
                }
                select.add("nullif(trim(\"" + name.replace("\"", "\"\"") + "\"), '') AS \"" + column + "\"");
            }
            String rows = "SELECT (SELECT count(*) FROM " + (source == 0 ? raw + " WHERE false" : TABLE) + ")"
                    + " + row_number() OVER () AS record_id, " + source + " AS source_id, "
                    + String.join(", ", select) + " FROM " + raw;
            execute(connection, "SET preserve_insertion_order = true");
            if (source == 0) {
                execute(connection, "CREATE TABLE " + TABLE + " AS " + rows);
            } else {
                // a column only this file has: the earlier files' records lack it (NULL)
                Set<String> present = new LinkedHashSet<>(columnNames(connection, TABLE));
                for (String column : seen) {
                    if (!present.contains(column)) {
                        execute(connection, "ALTER TABLE " + TABLE + " ADD COLUMN \"" + column + "\" VARCHAR");
                    }
                }
                execute(connection, "INSERT INTO " + TABLE + " BY NAME " + rows);
            }
            execute(connection, "DROP TABLE " + raw);
            execute(connection, "SET preserve_insertion_order = " + preserveOrder);
        }
    }

    static List<String> columnNames(Connection connection, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("DESCRIBE " + table)) {
            while (result.next()) {
                names.add(result.getString(1));
            }
        }
        return names;
    }
}
