package id.satupintu.pipeline.linkage;

import static id.satupintu.pipeline.duckdb.DuckDb.execute;
import static id.satupintu.pipeline.duckdb.DuckDb.literal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.duckdb.DuckDBConnection;

/**
 * Writes a linkage run's results, by DuckDB: the scored pairs ({@value #PAIRS}) and the person
 * clusters ({@value #CLUSTERS_PARQUET}, {@value #CLUSTERS_CSV}), each record with its cluster.
 */
public final class LinkageOutput {
    public static final String PAIRS = "pairs.parquet";
    public static final String CLUSTERS_PARQUET = "clusters.parquet";
    public static final String CLUSTERS_CSV = "clusters.csv";

    private LinkageOutput() {}

    /** The files written, in {@code directory} (created when missing). */
    public static List<Path> write(DuckDBConnection connection, Path directory) throws SQLException {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path pairs = directory.resolve(PAIRS);
        Path clustersParquet = directory.resolve(CLUSTERS_PARQUET);
        Path clustersCsv = directory.resolve(CLUSTERS_CSV);
        execute(
                connection,
                "COPY (SELECT * FROM " + LinkageEngine.SCORED_PAIR + " ORDER BY record_id_l, record_id_r) TO "
                        + literal(pairs) + " (FORMAT parquet, COMPRESSION zstd)");
        String clusters = "SELECT unique_id, source_id, cluster_id, cluster_size FROM " + LinkageEngine.PERSON_CLUSTER
                + " ORDER BY record_id";
        execute(
                connection,
                "COPY (" + clusters + ") TO " + literal(clustersParquet) + " (FORMAT parquet, COMPRESSION zstd)");
        execute(connection, "COPY (" + clusters + ") TO " + literal(clustersCsv) + " (FORMAT csv, HEADER true)");
        return List.of(pairs, clustersParquet, clustersCsv);
    }
}
