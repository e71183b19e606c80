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

    /** The scored pairs with each record's id in its source and the source's number. */
    public static String scoredPairs(String uniqueIdColumn) {
        String id = LinkageEngine.quoted(uniqueIdColumn);
        return "SELECT l." + id + " AS unique_id_l, r." + id + " AS unique_id_r, l.source_id AS source_id_l,"
                + " r.source_id AS source_id_r, p.* FROM " + LinkageEngine.SCORED_PAIR + " p JOIN "
                + LinkageRecords.TABLE + " l ON l.record_id = p.record_id_l JOIN " + LinkageRecords.TABLE
                + " r ON r.record_id = p.record_id_r";
    }

    /** The files written, in {@code directory} (created when missing). */
    public static List<Path> write(DuckDBConnection connection, Path directory, String uniqueIdColumn)
            throws SQLException {
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
                "COPY (" + scoredPairs(uniqueIdColumn) + " ORDER BY p.record_id_l, p.record_id_r) TO " + literal(pairs)
                        + " (FORMAT parquet, COMPRESSION zstd)");
        String clusters = "SELECT unique_id, source_id, cluster_id, cluster_size FROM " + LinkageEngine.PERSON_CLUSTER
                + " ORDER BY record_id";
        execute(
                connection,
                "COPY (" + clusters + ") TO " + literal(clustersParquet) + " (FORMAT parquet, COMPRESSION zstd)");
        execute(connection, "COPY (" + clusters + ") TO " + literal(clustersCsv) + " (FORMAT csv, HEADER true)");
        return List.of(pairs, clustersParquet, clustersCsv);
    }
}
