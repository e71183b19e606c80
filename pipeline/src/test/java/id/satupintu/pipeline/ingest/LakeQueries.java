package id.satupintu.pipeline.ingest;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.privacy.Pseudonymizer;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Test fixtures of the ingest tests: writing source files, ingesting them, reading the lake back. */
final class LakeQueries {
    static final Pseudonymizer PSEUDONYMIZER =
            new Pseudonymizer("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    private LakeQueries() {}

    static RosterIngest ingest(DataDirectory data, SourceCatalogue catalogue) {
        return new RosterIngest(data, catalogue, WilayahTable.national(), PSEUDONYMIZER);
    }

    static SourceCatalogue catalogue(Path folder, String json) throws Exception {
        Path file = folder.resolve("catalogue.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return SourceCatalogue.read(file);
    }

    static Path write(Path file, Charset charset, String... lines) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, List.of(lines), charset);
        return file;
    }

    /** Rows of a query over the lake, each as its values joined by {@code |}. */
    static List<String> rows(String sql) throws Exception {
        try (Connection connection = DuckDb.inMemory(1)) {
            return rows(connection, sql);
        }
    }

    static List<String> rows(Connection connection, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(result.getObject(i)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    static String parquet(Path file) {
        return "read_parquet(" + DuckDb.literal(file) + ")";
    }
}
