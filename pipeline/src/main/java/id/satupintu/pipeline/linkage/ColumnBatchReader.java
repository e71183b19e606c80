package id.satupintu.pipeline.linkage;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Java-computed columns (long ids, text) served to DuckDB as Arrow record batches, so results of
 * Java work go back into the database batch-wise rather than row by row.
 */
final class ColumnBatchReader extends ArrowReader {
    static final int BATCH_ROWS = 65_536;

    private final Map<String, Object> columns;
    private final int rows;
    private int offset;

    /**
     * Columns by name, each a {@code long[]} or a {@code String[]} of {@code rows} values, or an
     * {@link IntToLongFunction} computing a row's long from its index (values made batch by batch,
     * never held).
     */
    ColumnBatchReader(BufferAllocator allocator, Map<String, Object> columns, int rows) {
        super(allocator);
        this.columns = new LinkedHashMap<>(requireNonNull(columns, "columns is null"));
        this.rows = rows;
        for (Map.Entry<String, Object> column : this.columns.entrySet()) {
            int length = column.getValue() instanceof long[] longs
                    ? longs.length
                    : column.getValue() instanceof String[] strings
                            ? strings.length
                            : column.getValue() instanceof IntToLongFunction ? rows : -1;
            if (length != rows) {
                throw new IllegalArgumentException("column " + column.getKey() + " is not a long[] or String[] of "
                        + rows + " values, nor an IntToLongFunction");
            }
        }
    }

    @Override
    protected Schema readSchema() {
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, Object> column : columns.entrySet()) {
            ArrowType type = column.getValue() instanceof String[] ? new ArrowType.Utf8() : new ArrowType.Int(64, true);
            fields.add(new Field(column.getKey(), FieldType.nullable(type), null));
        }
        return new Schema(fields);
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        if (offset >= rows) {
            return false;
        }
        VectorSchemaRoot root = getVectorSchemaRoot();
        int count = Math.min(BATCH_ROWS, rows - offset);
        root.allocateNew();
        for (Map.Entry<String, Object> column : columns.entrySet()) {
            if (column.getValue() instanceof long[] values) {
                BigIntVector vector = (BigIntVector) root.getVector(column.getKey());
                for (int i = 0; i < count; i++) {
                    vector.setSafe(i, values[offset + i]);
                }
                vector.setValueCount(count);
            } else if (column.getValue() instanceof IntToLongFunction values) {
                BigIntVector vector = (BigIntVector) root.getVector(column.getKey());
                for (int i = 0; i < count; i++) {
                    vector.setSafe(i, values.applyAsLong(offset + i));
                }
                vector.setValueCount(count);
            } else {
                String[] values = (String[]) column.getValue();
                VarCharVector vector = (VarCharVector) root.getVector(column.getKey());
                for (int i = 0; i < count; i++) {
                    String value = values[offset + i];
                    if (value == null) {
                        vector.setNull(i);
                    } else {
                        vector.setSafe(i, value.getBytes(StandardCharsets.UTF_8));
                    }
                }
                vector.setValueCount(count);
            }
        }
        root.setRowCount(count);
        offset += count;
        return true;
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    protected void closeReadSource() {}
}
