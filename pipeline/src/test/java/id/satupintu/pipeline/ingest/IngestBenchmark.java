package id.satupintu.pipeline.ingest;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.generate.GeneratedFile;
import id.satupintu.pipeline.generate.GenerationResult;
import id.satupintu.pipeline.generate.GeneratorSettings;
import id.satupintu.pipeline.generate.SyntheticRosterGenerator;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ingest speed against DuckDB's own floor, on the same files in the same run: one generated month
 * of a kabupaten (default Cirebon, 32.09, at full scale), each CSV roster once through DuckDB
 * {@code read_csv} → Parquet (ZSTD, the file's own threads, one file after another) and once
 * through {@link RosterIngest} as the refresh's ingest step runs it (a file per core at a time,
 * largest first). Not a unit test; run it
 * with the command in docs/benchmarks.md ("Ingest speed"). Arguments: kabupaten code, rounds.
 */
public final class IngestBenchmark {
    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        String kabupaten = args.length > 0 ? args[0] : "32.09";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        YearMonth period = YearMonth.of(2026, 10);
        Path root = Files.createTempDirectory("satupintu-ingest-bench");
        long started = System.nanoTime();
        GenerationResult generated =
                new SyntheticRosterGenerator(GeneratorSettings.defaults(kabupaten, period)).generate(root);
        System.out.printf(
                Locale.ROOT,
                "generated %,d rows in %.1f s%n",
                generated.totalRows(),
                seconds(System.nanoTime() - started));
        List<GeneratedFile> files = new ArrayList<>();
        for (GeneratedFile file : generated.files(period)) {
            if (file.fileName().endsWith(".csv")) {
                files.add(file);
            }
        }
        SourceCatalogue catalogue = SourceCatalogue.defaults();
        DataDirectory data = new DataDirectory(root);
        RosterIngest ingest = new RosterIngest(data, catalogue, WilayahTable.national(), LakeQueries.PSEUDONYMIZER);
        long rows = files.stream().mapToLong(GeneratedFile::rows).sum();
        long bytes = 0;
        for (GeneratedFile file : files) {
            bytes += Files.size(file.path());
        }
        System.out.printf(Locale.ROOT, "%d CSV files, %,d rows, %.1f MB%n", files.size(), rows, bytes / 1e6);
        double bestDuckDb = Double.MAX_VALUE;
        double bestIngest = Double.MAX_VALUE;
        for (int round = 1; round <= rounds; round++) {
            double duckDb = 0;
            double cpu = cpuSeconds();
            for (GeneratedFile file : files) {
                duckDb += duckDbFloor(
                        file.path(), catalogue.sourceFor(file.path()).orElseThrow(), root);
            }
            double duckDbCpu = cpuSeconds() - cpu;
            double judgeOnly = 0;
            cpu = cpuSeconds();
            for (GeneratedFile file : files) {
                judgeOnly += judgeOnly(file.path(), catalogue.sourcesFor(file.path()), period);
            }
            System.out.printf(
                    Locale.ROOT,
                    "round %d: read and judge into Arrow only %.2f s (CPU %.2f s)%n",
                    round,
                    judgeOnly,
                    cpuSeconds() - cpu);
            cpu = cpuSeconds();
            // as the refresh's ingest step runs it: the files a core each at a time, largest first
            long ingestStarted = System.nanoTime();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                    Runtime.getRuntime().availableProcessors());
            try {
                List<java.util.concurrent.Future<?>> running = new ArrayList<>();
                for (GeneratedFile file : files.stream()
                        .sorted(java.util.Comparator.comparingLong(GeneratedFile::rows)
                                .reversed())
                        .toList()) {
                    running.add(pool.submit(() -> {
                        FileManifest manifest = ingest.ingest(period, file.path());
                        if (manifest.status() != FileManifest.Status.INGESTED || manifest.rowsRead() != file.rows()) {
                            throw new IllegalStateException(
                                    "Benchmark ingest of " + file.fileName() + " went wrong: " + manifest);
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> future : running) {
                    future.get();
                }
            } finally {
                pool.shutdown();
            }
            double ours = seconds(System.nanoTime() - ingestStarted);
            System.out.printf(
                    Locale.ROOT,
                    "round %d: DuckDB read_csv -> Parquet %.2f s (%,.0f rows/s, CPU %.2f s); RosterIngest %.2f s"
                            + " (%,.0f rows/s, CPU %.2f s); ratio %.2f%n",
                    round,
                    duckDb,
                    rows / duckDb,
                    duckDbCpu,
                    ours,
                    rows / ours,
                    cpuSeconds() - cpu,
                    duckDb / ours);
            bestDuckDb = Math.min(bestDuckDb, duckDb);
            bestIngest = Math.min(bestIngest, ours);
        }
        System.out.printf(
                Locale.ROOT,
                "best: DuckDB %,.0f rows/s, RosterIngest %,.0f rows/s, ratio %.2f (target >= 0.5)%n",
                rows / bestDuckDb,
                rows / bestIngest,
                bestDuckDb / bestIngest);
    }

    /** CPU time of this process so far, every thread (DuckDB's native ones included). */
    private static double cpuSeconds() {
        return ProcessHandle.current()
                        .info()
                        .totalCpuDuration()
                        .orElse(java.time.Duration.ZERO)
                        .toNanos()
                / 1e9;
    }

    /** The Java half alone: reading and judging into Arrow batches, no DuckDB. */
    private static double judgeOnly(Path csv, List<SourceDefinition> candidates, YearMonth period) throws Exception {
        long t = System.nanoTime();
        try (org.apache.arrow.memory.BufferAllocator allocator = new org.apache.arrow.memory.RootAllocator()) {
            RecordReader records = null;
            SourceDefinition source = null;
            for (SourceDefinition candidate : candidates) {
                try {
                    records = RecordReader.open(csv, candidate);
                    source = candidate;
                    break;
                } catch (RosterFileRefusedException e) {
                    // the next layout version
                }
            }
            RowJudge judge = new RowJudge(
                    source,
                    period,
                    csv.getFileName().toString(),
                    null,
                    records.header(),
                    records.rawSeparator(),
                    WilayahTable.national(),
                    REGIONS,
                    LakeQueries.PSEUDONYMIZER);
            try (RosterBatchReader reader =
                    new RosterBatchReader(allocator, records, judge, RosterBatchReader.DEFAULT_BATCH_ROWS)) {
                while (reader.loadNextBatch()) {
                    // judged and dropped
                }
            }
        }
        return seconds(System.nanoTime() - t);
    }

    private static final RegionResolver REGIONS = new RegionResolver(WilayahTable.national());

    /** DuckDB reading the CSV itself (default threads) and writing it as ZSTD Parquet. */
    private static double duckDbFloor(Path csv, SourceDefinition source, Path root) throws Exception {
        Path target = root.resolve("floor").resolve(csv.getFileName() + ".parquet");
        Files.createDirectories(target.getParent());
        long t = System.nanoTime();
        try (Connection connection = java.sql.DriverManager.getConnection("jdbc:duckdb:")) {
            DuckDb.execute(
                    connection,
                    "COPY (SELECT * FROM read_csv(" + DuckDb.literal(csv) + ", delim = "
                            + DuckDb.literal(source.delimiter() == null ? "," : source.delimiter())
                            + ", header = true, all_varchar = true, encoding = "
                            + DuckDb.literal(
                                    source.encoding() == null
                                                    || source.encoding().equalsIgnoreCase("UTF-8")
                                            ? "utf-8"
                                            : "latin-1")
                            + ")) TO " + DuckDb.literal(target) + " (FORMAT parquet, COMPRESSION zstd)");
        }
        return seconds(System.nanoTime() - t);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
