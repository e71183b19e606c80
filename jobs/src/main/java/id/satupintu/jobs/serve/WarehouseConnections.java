package id.satupintu.jobs.serve;

import id.satupintu.pipeline.duckdb.DuckDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import org.duckdb.DuckDBConnection;

/**
 * The published warehouse as the server reads it: opened read-only with external access off, once
 * per published version. Each request checks the file (its inode and modification time, one {@code
 * stat}); when a refresh or rollback has put another file in its place, the next request opens the
 * new one and the old one is closed when its last request is done. So a new version is served
 * without a restart, and a request never sees half of one.
 */
public final class WarehouseConnections implements AutoCloseable {
    private final Path file;
    private Opened current;
    private boolean closed;

    /** The file's identity: another file renamed into place has another key or time. */
    record Identity(Object fileKey, FileTime modified, long size) {}

    private static final class Opened {
        final Identity identity;
        final DuckDBConnection root;
        final java.util.Map<String, Object> remembered = new java.util.concurrent.ConcurrentHashMap<>();
        int users;
        boolean retired;

        Opened(Identity identity, DuckDBConnection root) {
            this.identity = identity;
            this.root = root;
        }
    }

    /** One request's connection; closing it releases the version it reads. */
    public final class Lease implements AutoCloseable {
        private final Opened opened;
        private final DuckDBConnection connection;

        private Lease(Opened opened, DuckDBConnection connection) {
            this.opened = opened;
            this.connection = connection;
        }

        public DuckDBConnection connection() {
            return connection;
        }

        /**
         * A value of this version computed once (the kabupaten, its months, programs and wilayah):
         * a version never changes, so what it answered once it answers again.
         */
        @SuppressWarnings("unchecked")
        public <T> T remembered(String key, Computation<T> computation) throws SQLException {
            Object value = opened.remembered.get(key);
            if (value == null) {
                value = computation.compute(connection);
                opened.remembered.putIfAbsent(key, value);
            }
            return (T) value;
        }

        /** When the version this request reads was written (its file's modification time). */
        public Instant writtenAt() {
            return opened.identity.modified().toInstant();
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                // the connection is a duplicate of the version's; nothing of the data is lost
            }
            release(opened);
        }
    }

    /** What a request computes from its version's connection. */
    @FunctionalInterface
    public interface Computation<T> {
        T compute(DuckDBConnection connection) throws SQLException;
    }

    /** Thrown when no warehouse is published yet. */
    public static final class NotPublished extends RuntimeException {
        NotPublished(Path file) {
            super("No warehouse has been published at " + file + " yet");
        }
    }

    public WarehouseConnections(Path file) {
        this.file = Objects.requireNonNull(file, "file is null");
    }

    public Path file() {
        return file;
    }

    /** A connection to the version published now. */
    public Lease lease() throws SQLException {
        Identity now = identity();
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the server is stopping");
            }
            if (current == null || !current.identity.equals(now)) {
                Opened fresh = new Opened(now, open(file));
                Opened old = current;
                current = fresh;
                if (old != null) {
                    old.retired = true;
                    closeIfUnused(old);
                }
            }
            current.users++;
            try {
                DuckDBConnection connection = (DuckDBConnection) current.root.duplicate();
                DuckDb.execute(connection, "USE warehouse");
                return new Lease(current, connection);
            } catch (SQLException | RuntimeException e) {
                current.users--;
                throw e;
            }
        }
    }

    /**
     * The file attached read-only to a private in-memory database, then external access switched off
     * (it cannot be switched on again). Not {@link DuckDb#openReadOnly}: DuckDB keeps one database per
     * path in a process, so opening the path again after a refresh renamed a new file into place would
     * give back the old version while it is open.
     */
    static DuckDBConnection open(Path file) throws SQLException {
        DuckDBConnection connection = DuckDb.inMemory(2);
        try {
            DuckDb.execute(connection, "ATTACH " + DuckDb.literal(file) + " AS warehouse (READ_ONLY)");
            DuckDb.execute(connection, "SET enable_external_access = false");
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private Identity identity() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Identity(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        } catch (NoSuchFileException e) {
            throw new NotPublished(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private synchronized void release(Opened opened) {
        opened.users--;
        closeIfUnused(opened);
    }

    private static void closeIfUnused(Opened opened) {
        if (opened.retired && opened.users == 0) {
            try {
                opened.root.close();
            } catch (SQLException e) {
                // a read-only connection: closing it loses nothing
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (current != null) {
            current.retired = true;
            closeIfUnused(current);
            current = null;
        }
    }
}
