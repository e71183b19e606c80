package id.satupintu.jobs.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.lake.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The content of a warehouse as the restart and crash tests compare it: every table as one line
 * (name, columns, row count and a digest of its rows in order). Only the columns of type TIMESTAMP
 * are left out: they say when a run did something (file_manifest.ingested_at,
 * data_test_result.checked_at), which differs between any two runs.
 */
final class WarehouseContent {
    private WarehouseContent() {}

    /** Every table of the warehouse file, one line each, opened read-only. */
    static List<String> of(Path warehouse) throws Exception {
        try (Connection connection = DuckDb.openReadOnly(warehouse)) {
            return of(connection);
        }
    }

    /** Every table of an open warehouse, one line each (a reader holding its connection across a publish). */
    static List<String> of(Connection connection) throws Exception {
        List<String> content = new ArrayList<>();
        List<String> timestamps = Sql.rows(
                connection,
                "SELECT table_name || '.' || column_name FROM duckdb_columns() WHERE NOT internal"
                        + " AND data_type LIKE 'TIMESTAMP%' ORDER BY 1");
        assertThat(timestamps).contains("data_test_result.checked_at", "file_manifest.ingested_at");
        for (String table :
                Sql.rows(connection, "SELECT table_name FROM duckdb_tables() WHERE NOT internal ORDER BY table_name")) {
            List<String> columns = Sql.rows(
                    connection,
                    "SELECT '\"' || column_name || '\"' FROM duckdb_columns() WHERE NOT internal AND table_name = '"
                            + table + "' AND data_type NOT LIKE 'TIMESTAMP%' ORDER BY column_index");
            String row = columns.size() == 1
                    ? "CAST(" + columns.get(0) + " AS VARCHAR)"
                    : "CAST(ROW(" + String.join(", ", columns) + ") AS VARCHAR)";
            content.add(table + " (" + String.join(", ", columns) + ") "
                    + Sql.single(
                            connection,
                            "SELECT count(*) || ' rows, md5 ' || coalesce(md5(string_agg(coalesce(line, 'NULL'),"
                                    + " chr(10) ORDER BY line)), '-') FROM (SELECT " + row + " AS line FROM \""
                                    + table + "\")"));
        }
        assertThat(content)
                .anyMatch(line -> line.startsWith("enrollment ") && !line.contains(" 0 rows"))
                .anyMatch(line -> line.startsWith("reject ") && !line.contains(" 0 rows"))
                .anyMatch(line -> line.startsWith("person ") && !line.contains(" 0 rows"));
        return content;
    }

    /**
     * A quicker fingerprint for readers that poll while a refresh runs: every table with its row
     * count, and a digest of the enrollments (which differ between any two months' warehouses). A
     * file that opens and gives the fingerprint of a complete version is that version; the full
     * {@link #of} content is compared where it matters, after the run.
     */
    static List<String> tableRows(Path warehouse) throws Exception {
        try (Connection connection = DuckDb.openReadOnly(warehouse)) {
            List<String> rows = new ArrayList<>();
            for (String table : Sql.rows(
                    connection, "SELECT table_name FROM duckdb_tables() WHERE NOT internal ORDER BY table_name")) {
                rows.add(table + " " + Sql.single(connection, "SELECT count(*) FROM \"" + table + "\""));
            }
            rows.add("enrollment md5 "
                    + Sql.single(
                            connection,
                            "SELECT md5(string_agg(period || program_code || person_id, ','"
                                    + " ORDER BY period, program_code, person_id)) FROM enrollment"));
            return rows;
        }
    }

    /** A copy of a data directory no application has open: inbox, lake, job repository, warehouse, key. */
    static DataDirectory copy(DataDirectory source, Path target) {
        try (Stream<Path> paths = Files.walk(source.root())) {
            for (Path path : paths.collect(Collectors.toList())) {
                Path copy = target.resolve(source.root().relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DataDirectory(target);
    }
}
