package id.satupintu.bench.floor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The floor of the issue-9 benchmark: DuckDB alone (JDBC, one process, 2 threads) reads every roster
 * of a month it can read natively and writes each one as ZSTD Parquet, all columns as text (a NIK
 * must stay a string). No validation, no normalization, no linkage: the least work that still moves
 * every roster row into a Parquet lake. XLSX needs DuckDB's excel extension, which cannot be
 * installed offline, so the XLSX roster is listed as skipped with its size.
 *
 * <p>Usage: {@code java -jar duckdb-floor.jar INBOX_DIR OUT_DIR [--dedup]}. With {@code --dedup}
 * a second, separately timed step keeps one row per NIK over all staged files (what the Spark peer
 * does), for a like-for-like comparison with Spark.
 *
 * <p>Prints one line per file and a final {@code FLOOR rows=N seconds=S} line that bench/run.sh reads.
 */
public final class DuckDbFloor {
    /** How each native roster layout is read: file-name prefix, the DuckDB reader call, NIK/name/birth columns. */
    record Layout(String prefix, String reader, String nik, String name, String birth) {}

    static final List<Layout> LAYOUTS = List.of(
            new Layout("pkh_", "read_csv(%s, delim=';', header=true, all_varchar=true, encoding='utf-8')",
                    "\"NIK\"", "\"NAMA KPM\"", "\"TANGGAL LAHIR\""),
            new Layout("bpnt_", "read_csv(%s, delim=',', header=true, all_varchar=true, encoding='utf-8')",
                    "\"NIK\"", "\"NAMA_PENERIMA\"", "\"TGL_LAHIR\""),
            new Layout("pbi_jk_", "read_csv(%s, delim=',', header=true, all_varchar=true, encoding='utf-8')",
                    "\"NIK\"", "\"NAMA\"", "\"TGL_LAHIR\""),
            // Windows-1252: DuckDB offline knows utf-8, utf-16 and latin-1 (windows-1252 needs the
            // encodings extension); the two differ only in 0x80-0x9F, which these rosters do not use.
            new Layout("bansos_daerah_", "read_csv(%s, delim=';', header=true, all_varchar=true, encoding='latin-1')",
                    "\"N I K\"", "\"Nama Lengkap\"", "\"Tgl Lahir\""),
            new Layout("listrik_", "read_json(%s, format='newline_delimited', columns={idpel: 'VARCHAR', nik: 'VARCHAR',"
                    + " nama_pelanggan: 'VARCHAR', tarif: 'VARCHAR', daya_va: 'VARCHAR', kd_wilayah: 'VARCHAR',"
                    + " alamat: 'VARCHAR', kwh: 'VARCHAR'})",
                    "nik", "nama_pelanggan", "NULL"));

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: DuckDbFloor INBOX_DIR OUT_DIR [--dedup]");
            System.exit(2);
        }
        Path inbox = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        boolean dedup = args.length > 2 && args[2].equals("--dedup");
        List<Path> files;
        try (Stream<Path> listing = Files.list(inbox)) {
            files = listing.sorted().toList();
        }
        long start = System.nanoTime();
        long total = 0;
        List<String> staged = new ArrayList<>();
        List<String> persons = new ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement()) {
            statement.execute("SET threads = 2");
            statement.execute("SET preserve_insertion_order = false");
            for (Path file : files) {
                String name = file.getFileName().toString();
                Layout layout = LAYOUTS.stream().filter(l -> name.startsWith(l.prefix())).findFirst().orElse(null);
                if (layout == null) {
                    System.out.printf(Locale.ROOT, "skip %s (%s)%n", name, name.endsWith(".xlsx")
                            ? "XLSX: DuckDB's excel extension cannot be installed offline"
                            : "not a program roster");
                    continue;
                }
                long fileStart = System.nanoTime();
                Path target = out.resolve(name + ".parquet");
                String source = String.format(Locale.ROOT, layout.reader(), literal(file));
                long rows = copy(statement, "SELECT * FROM " + source, target);
                double seconds = (System.nanoTime() - fileStart) / 1e9;
                total += rows;
                staged.add(literal(target));
                persons.add(String.format(Locale.ROOT,
                        "SELECT '%s' AS source_file, %s AS nik, %s AS nama, %s AS birth_date FROM read_parquet(%s)",
                        name, layout.nik(), layout.name(), layout.birth(), literal(target)));
                System.out.printf(Locale.ROOT, "file %s rows=%d seconds=%.3f%n", name, rows, seconds);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "FLOOR rows=%d seconds=%.3f rows_per_s=%.0f%n", total, seconds,
                    total / seconds);
            if (dedup) {
                long dedupStart = System.nanoTime();
                long kept = copy(statement, "SELECT * FROM (" + String.join(" UNION ALL ", persons)
                                + ") WHERE nik IS NOT NULL QUALIFY row_number() OVER (PARTITION BY nik) = 1",
                        out.resolve("persons.parquet"));
                System.out.printf(Locale.ROOT, "DEDUP persons=%d seconds=%.3f%n", kept,
                        (System.nanoTime() - dedupStart) / 1e9);
            }
        }
        System.out.printf(Locale.ROOT, "TOTAL seconds=%.3f%n", (System.nanoTime() - start) / 1e9);
    }

    private static long copy(Statement statement, String query, Path target) throws SQLException {
        statement.execute("COPY (" + query + ") TO " + literal(target) + " (FORMAT parquet, COMPRESSION zstd)");
        try (ResultSet count = statement.executeQuery(
                "SELECT sum(num_rows) FROM parquet_file_metadata(" + literal(target) + ")")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static String literal(Object value) {
        return "'" + value.toString().replace("'", "''") + "'";
    }
}
