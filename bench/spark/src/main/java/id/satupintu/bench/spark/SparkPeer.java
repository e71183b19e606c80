package id.satupintu.bench.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark peer of the issue-9 benchmark: Apache Spark in local mode ({@code local[2]}) ingests
 * the same CSV and JSON-lines rosters as the DuckDB floor (each with its delimiter and encoding,
 * every column as a string), writes each as ZSTD Parquet, then keeps one row per NIK over all files
 * and writes that as Parquet too. XLSX needs a third-party data source (spark-excel) and is skipped,
 * like in the floor.
 *
 * <p>Usage: {@code java <add-opens flags> -jar spark-peer.jar INBOX_DIR OUT_DIR}. Prints one line
 * per file and {@code SPARK rows=N persons=P seconds=S}, which bench/run.sh reads.
 */
public final class SparkPeer {
    record Layout(String prefix, String format, String delimiter, String encoding, String nik, String name,
            String birth) {}

    static final List<Layout> LAYOUTS = List.of(
            new Layout("pkh_", "csv", ";", "UTF-8", "NIK", "NAMA KPM", "TANGGAL LAHIR"),
            new Layout("bpnt_", "csv", ",", "UTF-8", "NIK", "NAMA_PENERIMA", "TGL_LAHIR"),
            new Layout("pbi_jk_", "csv", ",", "UTF-8", "NIK", "NAMA", "TGL_LAHIR"),
            new Layout("bansos_daerah_", "csv", ";", "windows-1252", "N I K", "Nama Lengkap", "Tgl Lahir"),
            new Layout("listrik_", "json", null, "UTF-8", "nik", "nama_pelanggan", null));

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SparkPeer INBOX_DIR OUT_DIR");
            System.exit(2);
        }
        Path inbox = Path.of(args[0]);
        Path out = Path.of(args[1]);
        long start = System.nanoTime();
        SparkSession spark = SparkSession.builder()
                .appName("satupintu-bench-spark-peer")
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4") // 2 cores: 200 default partitions only add overhead
                .config("spark.sql.parquet.compression.codec", "zstd")
                // Spark 4 accepts only a short list of CSV charsets unless the JDK's full list is allowed
                .config("spark.sql.legacy.javaCharsets", "true")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        System.out.printf(Locale.ROOT, "session seconds=%.3f%n", (System.nanoTime() - start) / 1e9);

        List<Path> files;
        try (Stream<Path> listing = Files.list(inbox)) {
            files = listing.sorted().toList();
        }
        long total = 0;
        List<Dataset<Row>> persons = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            Layout layout = LAYOUTS.stream().filter(l -> name.startsWith(l.prefix())).findFirst().orElse(null);
            if (layout == null) {
                System.out.printf(Locale.ROOT, "skip %s (%s)%n", name, name.endsWith(".xlsx")
                        ? "XLSX: needs the third-party spark-excel data source" : "not a program roster");
                continue;
            }
            long fileStart = System.nanoTime();
            DataFrameReader reader = spark.read();
            Dataset<Row> frame;
            if (layout.format().equals("csv")) {
                frame = reader.option("header", "true")
                        .option("sep", layout.delimiter())
                        .option("encoding", layout.encoding())
                        .option("inferSchema", "false")
                        .option("mode", "PERMISSIVE")
                        .csv(file.toString());
            } else {
                frame = reader.option("primitivesAsString", "true").json(file.toString());
            }
            String target = out.resolve("staged").resolve(name).toString();
            frame.write().mode(SaveMode.Overwrite).parquet(target);
            long rows = spark.read().parquet(target).count();
            total += rows;
            Dataset<Row> staged = spark.read().parquet(target);
            // a UTF-8 BOM can stay glued to the first header name: match columns by trimmed name
            Column birth = layout.birth() == null ? lit(null).cast("string") : column(staged, layout.birth());
            persons.add(staged.select(
                    lit(name).as("source_file"),
                    column(staged, layout.nik()).as("nik"),
                    column(staged, layout.name()).as("nama"),
                    birth.as("birth_date")));
            System.out.printf(Locale.ROOT, "file %s rows=%d seconds=%.3f%n", name, rows,
                    (System.nanoTime() - fileStart) / 1e9);
        }
        double ingestSeconds = (System.nanoTime() - start) / 1e9;
        long dedupStart = System.nanoTime();
        Dataset<Row> all = persons.stream().reduce(Dataset::unionByName).orElseThrow();
        String personsTarget = out.resolve("persons").toString();
        all.where(col("nik").isNotNull()).dropDuplicates("nik").write().mode(SaveMode.Overwrite).parquet(personsTarget);
        long kept = spark.read().parquet(personsTarget).count();
        System.out.printf(Locale.ROOT, "DEDUP persons=%d seconds=%.3f%n", kept, (System.nanoTime() - dedupStart) / 1e9);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "SPARK rows=%d persons=%d ingest_seconds=%.3f seconds=%.3f rows_per_s=%.0f%n",
                total, kept, ingestSeconds, seconds, total / seconds);
        spark.stop();
    }

    private static Column column(Dataset<Row> frame, String wanted) {
        for (String actual : frame.columns()) {
            if (actual.replace("\uFEFF", "").trim().equals(wanted)) {
                return frame.col("`" + actual + "`");
            }
        }
        throw new IllegalArgumentException("no column " + wanted + " in " + String.join(",", frame.columns()));
    }
}
