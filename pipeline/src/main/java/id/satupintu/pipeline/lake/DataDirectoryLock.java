package id.satupintu.pipeline.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * One writer at a time on a data directory: a refresh, a backfill, a scheduled run or a rollback
 * holds this lock while it changes the lake or the warehouse. The lock is an operating-system file
 * lock on {@code <data-dir>/satupintu.lock}, so it is released when the process ends, even by a
 * crash or a kill; the file also says who holds it, for the message the next writer shows.
 */
public final class DataDirectoryLock implements AutoCloseable {
    public static final String FILE_NAME = "satupintu.lock";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock for {@code what} (a command line, say), or reports who holds it.
     *
     * @throws HeldException when another run holds it
     */
    public static DataDirectoryLock acquire(DataDirectory dataDirectory, String what) throws HeldException {
        requireNonNull(what, "what is null");
        Path file = dataDirectory.root().resolve(FILE_NAME);
        try {
            Files.createDirectories(file.getParent());
            boolean posix =
                    Files.getFileStore(file.getParent()).supportsFileAttributeView(PosixFileAttributeView.class);
            Set<StandardOpenOption> options =
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            // owner-only: it names the command and its process; created so, and tightened if it was not
            FileChannel channel = posix
                    ? FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : FileChannel.open(file, options);
            if (posix && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new HeldException(file, holder);
            }
            String description = "pid " + ManagementFactory.getRuntimeMXBean().getPid() + ", since "
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", " + what;
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(description.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + file, e);
        }
    }

    /** Who holds the lock now, if anyone (for status). */
    public static Optional<String> holder(DataDirectory dataDirectory) {
        Path file = dataDirectory.root().resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe;
            try {
                probe = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return Optional.of(holder(channel));
            }
            if (probe == null) {
                return Optional.of(holder(channel));
            }
            probe.release();
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        int read = channel.read(buffer, 0);
        return read <= 0 ? "unknown" : new String(buffer.array(), 0, read, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release the data-directory lock", e);
        }
    }

    /** Another run holds the lock. */
    public static final class HeldException extends Exception {
        private final String holder;

        HeldException(Path file, String holder) {
            super("The data directory is locked by another run (" + holder + "): " + file);
            this.holder = holder;
        }

        /** {@code pid 1234, since 2026-11-05T02:00:00Z, refresh --period 2026-10}. */
        public String holder() {
            return holder;
        }
    }
}
