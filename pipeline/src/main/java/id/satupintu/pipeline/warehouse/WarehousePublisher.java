package id.satupintu.pipeline.warehouse;

import static java.util.Objects.requireNonNull;

import id.satupintu.pipeline.lake.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Publishes a built warehouse by one atomic rename over the live file. A reader that opened the
 * old file keeps reading it; a reader that opens after the rename sees the new one; nobody sees a
 * half-written file.
 */
public final class WarehousePublisher {
    private final DataDirectory dataDirectory;

    public WarehousePublisher(DataDirectory dataDirectory) {
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null");
    }

    public Path publish(Path builtFile) {
        Path published = dataDirectory.publishedWarehouse();
        try {
            if (Files.exists(builtFile.resolveSibling(builtFile.getFileName() + ".wal"))) {
                throw new IllegalStateException("Build " + builtFile + " still has a write-ahead log; not publishing");
            }
            Files.createDirectories(published.getParent());
            Files.move(builtFile, published, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return published;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot publish " + builtFile + " as " + published, e);
        }
    }

    /** Whether a build of this id is waiting to be published (the publish step after a restart). */
    public boolean isPending(Path builtFile) {
        return Files.exists(builtFile);
    }
}
