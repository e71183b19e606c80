package id.satupintu.pipeline.warehouse;

import static java.util.Objects.requireNonNull;

import id.satupintu.pipeline.lake.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Publishes a built warehouse by one atomic rename over the live file. A reader that opened the
 * old file keeps reading it; a reader that opens after the rename sees the new one; nobody sees a
 * half-written file.
 *
 * <p>Before each publish the live file gets a second name under {@code warehouse/versions/} (a
 * hard link: instant, no copy); the newest {@code keepVersions} are kept. {@link #rollback} puts a
 * kept version back the same atomic way.
 */
public final class WarehousePublisher {
    public static final int DEFAULT_KEEP_VERSIONS = 3;
    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final DataDirectory dataDirectory;
    private final int keepVersions;
    private final Clock clock;

    public WarehousePublisher(DataDirectory dataDirectory) {
        this(dataDirectory, DEFAULT_KEEP_VERSIONS, Clock.systemUTC());
    }

    public WarehousePublisher(DataDirectory dataDirectory, int keepVersions, Clock clock) {
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null");
        if (keepVersions < 0) {
            throw new IllegalArgumentException("keepVersions must not be negative: " + keepVersions);
        }
        this.keepVersions = keepVersions;
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Path publish(Path builtFile) {
        Path published = dataDirectory.publishedWarehouse();
        try {
            if (Files.exists(builtFile.resolveSibling(builtFile.getFileName() + ".wal"))) {
                throw new IllegalStateException("Build " + builtFile + " still has a write-ahead log; not publishing");
            }
            Files.createDirectories(published.getParent());
            keepCurrent();
            Files.move(builtFile, published, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            prune();
            return published;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot publish " + builtFile + " as " + published, e);
        }
    }

    /** Whether a build of this id is waiting to be published (the publish step after a restart). */
    public boolean isPending(Path builtFile) {
        return Files.exists(builtFile);
    }

    /** The kept versions, newest first, by file name ({@code 20261124-020000-000.duckdb}). */
    public List<String> versions() {
        Path folder = dataDirectory.warehouseVersions();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".duckdb"))
                    .sorted(Comparator.reverseOrder())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    /**
     * Makes a kept version the published warehouse again (the newest when {@code version} is
     * empty). The warehouse it replaces is kept as a version too, so a rollback can be undone;
     * the next publish prunes the versions to the configured count.
     *
     * @return the version now published
     */
    public String rollback(Optional<String> version) {
        List<String> versions = versions();
        String chosen = version.orElseGet(() -> versions.isEmpty() ? null : versions.get(0));
        if (chosen == null || !versions.contains(chosen)) {
            throw new IllegalArgumentException(
                    chosen == null ? "No earlier warehouse version is kept" : "No kept version named " + chosen);
        }
        Path source = dataDirectory.warehouseVersions().resolve(chosen);
        Path published = dataDirectory.publishedWarehouse();
        Path staging = published.resolveSibling("." + published.getFileName() + ".rollback");
        try {
            Files.deleteIfExists(staging);
            Files.createLink(staging, source);
            keepCurrent();
            Files.move(staging, published, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.delete(source);
            return chosen;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot roll back to " + chosen, e);
        }
    }

    /** A second name for the live warehouse under versions/, before it is replaced. */
    private void keepCurrent() throws IOException {
        Path published = dataDirectory.publishedWarehouse();
        if (keepVersions == 0 || !Files.exists(published)) {
            return;
        }
        Path folder = Files.createDirectories(dataDirectory.warehouseVersions());
        for (String kept : versions()) {
            if (Files.isSameFile(folder.resolve(kept), published)) {
                // a publish killed after this link and before its rename, now redone: kept already
                return;
            }
        }
        String stamp = LocalDateTime.now(clock).format(VERSION_TIME);
        Path version = folder.resolve(stamp + ".duckdb");
        for (int suffix = 1; Files.exists(version); suffix++) {
            version = folder.resolve(stamp + "-" + suffix + ".duckdb");
        }
        Files.createLink(version, published);
    }

    private void prune() throws IOException {
        List<String> versions = new ArrayList<>(versions());
        for (String old : versions.subList(Math.min(keepVersions, versions.size()), versions.size())) {
            Files.delete(dataDirectory.warehouseVersions().resolve(old));
        }
    }
}
