package id.satupintu.pipeline.lake;

import static id.satupintu.pipeline.duckdb.DuckDb.execute;
import static id.satupintu.pipeline.duckdb.DuckDb.literal;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.schemas.contract.TableContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writing and finding lake files: a query's rows become Parquet under a hidden temporary name
 * beside the target, the footer is checked against the file's contract, and only then is the file
 * renamed into place, so a reader never sees a half-written or drifted lake file.
 */
public final class LakeFiles {
    private static final Logger log = LoggerFactory.getLogger(LakeFiles.class);

    private LakeFiles() {}

    /** Writes the query's rows to {@code target}, checked against {@code contract}, by atomic rename. */
    public static void copyAtomically(Connection connection, String query, TableContract contract, Path target)
            throws SQLException {
        copyAtomically(connection, query, contract, target, Map.of());
    }

    /**
     * As {@link #copyAtomically(Connection, String, TableContract, Path)}, with {@code keyValues} in
     * the Parquet footer's key-value metadata ({@link ParquetFooter#keyValue}).
     */
    public static void copyAtomically(
            Connection connection, String query, TableContract contract, Path target, Map<String, String> keyValues)
            throws SQLException {
        Path temporary = copyToTemporary(connection, query, target, "", keyValues);
        try {
            checkContract(temporary, contract, target);
            moveIntoPlace(temporary, target);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** Writes the query's rows as lake Parquet beside the target, under a hidden temporary name. */
    public static Path copyToTemporary(Connection connection, String query, Path target, String suffix)
            throws SQLException {
        return copyToTemporary(connection, query, target, suffix, Map.of());
    }

    private static Path copyToTemporary(
            Connection connection, String query, Path target, String suffix, Map<String, String> keyValues)
            throws SQLException {
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
        Path temporary = temporaryOf(target, suffix);
        String metadata = keyValues.isEmpty()
                ? ""
                : keyValues.entrySet().stream()
                        .map(entry -> literal(entry.getKey()) + ": " + literal(entry.getValue()))
                        .collect(Collectors.joining(", ", ", KV_METADATA {", "}"));
        execute(
                connection,
                "COPY (" + query + ") TO " + literal(temporary) + " (" + DuckDb.LAKE_PARQUET + metadata + ")");
        return temporary;
    }

    /** The hidden temporary name {@link #copyToTemporary} writes the target's rows under. */
    public static Path temporaryOf(Path target, String suffix) {
        return target.resolveSibling("." + target.getFileName() + suffix + ".tmp");
    }

    /** Fails naming the file and the drift when a written file's columns differ from its contract. */
    public static void checkContract(Path temporary, TableContract contract, Path target) {
        List<String> drift;
        try {
            drift = ParquetFooter.read(temporary).mismatches(contract);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the footer of " + target.getFileName(), e);
        }
        if (!drift.isEmpty()) {
            throw new IllegalStateException(
                    "Lake file " + target.getFileName() + " does not match contract " + contract.name() + ": " + drift);
        }
    }

    public static void moveIntoPlace(Path temporary, Path target) {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot remove temporary file {}", file.getFileName());
        }
    }

    /** Whether {@code folder} holds, at any depth, a finished Parquet file named like {@code fileGlob}. */
    public static boolean hasParquet(Path folder, String fileGlob) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        PathMatcher matcher = folder.getFileSystem().getPathMatcher("glob:" + fileGlob);
        try (Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(file -> {
                String name = file.getFileName().toString();
                return name.endsWith(".parquet") && !name.startsWith(".") && matcher.matches(file.getFileName());
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }
}
