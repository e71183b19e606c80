package id.satupintu.pipeline.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;

/**
 * Writing an output file so that nobody sees half of it: the bytes go to a hidden file beside the
 * target, which is renamed over the target once complete. A failure leaves the earlier file, if
 * any, and no partial one.
 */
public final class OutputFiles {
    private OutputFiles() {}

    /** What writes the file's bytes. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException, SQLException;
    }

    public static Path write(Path target, Writer writer) throws IOException, SQLException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path partial = folder.resolve("." + target.getFileName() + ".partial");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                writer.write(out);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        return target;
    }

    /**
     * Creates a folder (and its parents) and makes it owner-only ({@code rwx------}) where the file
     * system has POSIX permissions: for outputs that carry names.
     */
    public static Path restrictedFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
        return folder;
    }
}
