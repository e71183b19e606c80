package id.satupintu.jobs.refresh;

import id.satupintu.pipeline.duckdb.DuckDb;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;

/**
 * A reader in a process of its own that opens the warehouse in its first argument once and holds
 * the connection: for each line it reads on its input it prints the warehouse's content
 * ({@link WarehouseContent#of}) on one line, until its input ends. In another process because
 * DuckDB's JDBC driver shares one database per path within a process: a reader in the test's JVM
 * holding a connection would make every other connection there see the file it holds.
 */
public final class HeldReader {
    private HeldReader() {}

    public static void main(String[] args) throws Exception {
        try (Connection held = DuckDb.openReadOnly(Path.of(args[0]));
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            System.out.println("opened");
            System.out.flush();
            while (in.readLine() != null) {
                System.out.println(String.join(" | ", WarehouseContent.of(held)));
                System.out.flush();
            }
        }
    }
}
