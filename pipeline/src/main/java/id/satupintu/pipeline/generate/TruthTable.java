package id.satupintu.pipeline.generate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import id.satupintu.pipeline.duckdb.DuckDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBConnection;

/**
 * One table of the ground truth, written as Parquet parts of at most {@link #PART_ROWS} rows
 * ({@code <folder>/part-00000.parquet}, …) so memory stays bounded whatever the size. Rows are
 * buffered in columns and handed to DuckDB as one Arrow batch per part.
 */
final class TruthTable implements AutoCloseable {
    static final int PART_ROWS = 1 << 18;

    enum Type {
        BIGINT,
        VARCHAR,
        DATE
    }

    record Column(String name, Type type) {}

    private final Path folder;
    private final List<Column> columns;
    private final DuckDBConnection connection;
    private final BufferAllocator allocator;
    private final long[][] longs;
    private final String[][] strings;
    private int rows;
    private int parts;
    private long total;

    TruthTable(Path folder, List<Column> columns, DuckDBConnection connection, BufferAllocator allocator)
            throws IOException {
        this.folder = Files.createDirectories(requireNonNull(folder, "folder is null"));
        this.columns = List.copyOf(columns);
        this.connection = requireNonNull(connection, "connection is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.longs = new long[columns.size()][];
        this.strings = new String[columns.size()][];
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).type() == Type.VARCHAR) {
                strings[i] = new String[PART_ROWS];
            } else {
                longs[i] = new long[PART_ROWS];
            }
        }
    }

    /** Sets a BIGINT or DATE (epoch day) cell of the current row; {@link Long#MIN_VALUE} is null. */
    void set(int column, long value) {
        longs[column][rows] = value;
    }

    void set(int column, String value) {
        strings[column][rows] = value;
    }

    void endRow() throws IOException {
        rows++;
        total++;
        if (rows == PART_ROWS) {
            flush();
        }
    }

    long rows() {
        return total;
    }

    @Override
    public void close() throws IOException {
        if (rows > 0 || parts == 0) {
            flush();
        }
    }

    private void flush() throws IOException {
        Path part = folder.resolve(String.format("part-%05d.parquet", parts++));
        int batchRows = rows;
        ArrowReader reader = new ArrowReader(allocator) {
            private boolean done;

            @Override
            public boolean loadNextBatch() throws IOException {
                if (done) {
                    return false;
                }
                done = true;
                VectorSchemaRoot root = getVectorSchemaRoot();
                root.allocateNew();
                for (int c = 0; c < columns.size(); c++) {
                    switch (columns.get(c).type()) {
                        case BIGINT -> {
                            BigIntVector vector = (BigIntVector) root.getVector(c);
                            for (int r = 0; r < batchRows; r++) {
                                if (longs[c][r] == Long.MIN_VALUE) {
                                    vector.setNull(r);
                                } else {
                                    vector.setSafe(r, longs[c][r]);
                                }
                            }
                        }
                        case DATE -> {
                            DateDayVector vector = (DateDayVector) root.getVector(c);
                            for (int r = 0; r < batchRows; r++) {
                                if (longs[c][r] == Long.MIN_VALUE) {
                                    vector.setNull(r);
                                } else {
                                    vector.setSafe(r, (int) longs[c][r]);
                                }
                            }
                        }
                        case VARCHAR -> {
                            VarCharVector vector = (VarCharVector) root.getVector(c);
                            for (int r = 0; r < batchRows; r++) {
                                String value = strings[c][r];
                                if (value == null) {
                                    vector.setNull(r);
                                } else {
                                    vector.setSafe(r, value.getBytes(UTF_8));
                                }
                            }
                        }
                    }
                }
                root.setRowCount(batchRows);
                return true;
            }

            @Override
            public long bytesRead() {
                return 0;
            }

            @Override
            protected void closeReadSource() {}

            @Override
            protected Schema readSchema() {
                List<Field> fields = new ArrayList<>();
                for (Column column : columns) {
                    ArrowType type = switch (column.type()) {
                        case BIGINT -> new ArrowType.Int(64, true);
                        case DATE -> new ArrowType.Date(DateUnit.DAY);
                        case VARCHAR -> ArrowType.Utf8.INSTANCE;
                    };
                    fields.add(new Field(column.name(), FieldType.nullable(type), null));
                }
                return new Schema(fields);
            }
        };
        String view = "truth_" + Integer.toHexString(System.identityHashCode(this)) + "_" + parts;
        try (ArrowArrayStream stream = DuckDb.registerArrow(connection, view, reader, allocator)) {
            DuckDb.execute(
                    connection,
                    "COPY (SELECT * FROM " + view + ") TO " + DuckDb.literal(part)
                            + " (FORMAT parquet, COMPRESSION zstd)");
        } catch (SQLException e) {
            throw new IOException("Cannot write ground truth " + part, e);
        }
        for (String[] column : strings) {
            if (column != null) {
                java.util.Arrays.fill(column, 0, rows, null);
            }
        }
        rows = 0;
    }
}
