package id.satupintu.pipeline.lake;

import static java.util.Objects.requireNonNull;

import id.satupintu.schemas.contract.Column;
import id.satupintu.schemas.contract.TableContract;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.KeyValue;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Reads the footer of a Parquet file (no Hadoop: the Thrift structures only) and compares its
 * schema with a data contract, so that a lake file whose columns, order or types drifted from the
 * contract is caught before it is renamed into place.
 */
public final class ParquetFooter {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final int TAIL = 8;

    private final FileMetaData metadata;

    private ParquetFooter(FileMetaData metadata) {
        this.metadata = requireNonNull(metadata, "metadata is null");
    }

    public static ParquetFooter read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < MAGIC.length + TAIL) {
                throw new IOException("Not a Parquet file (too short): " + file);
            }
            ByteBuffer tail = ByteBuffer.allocate(TAIL).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(tail, size - TAIL);
            tail.flip();
            int footerLength = tail.getInt();
            byte[] magic = new byte[MAGIC.length];
            tail.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IOException("Not a Parquet file (no PAR1 at the end): " + file);
            }
            if (footerLength <= 0 || footerLength > size - TAIL - MAGIC.length) {
                throw new IOException("Parquet footer length out of range in " + file);
            }
            ByteBuffer footer = ByteBuffer.allocate(footerLength);
            channel.read(footer, size - TAIL - footerLength);
            return new ParquetFooter(Util.readFileMetaData(new ByteArrayInputStream(footer.array())));
        }
    }

    public long rowCount() {
        return metadata.getNum_rows();
    }

    /** The value the writer stored under {@code key} in the file's key-value metadata, if any. */
    public Optional<String> keyValue(String key) {
        if (metadata.getKey_value_metadata() == null) {
            return Optional.empty();
        }
        return metadata.getKey_value_metadata().stream()
                .filter(entry -> key.equals(entry.getKey()))
                .map(KeyValue::getValue)
                .findFirst();
    }

    /** Every difference between the file's schema and the contract, empty when they agree. */
    public List<String> mismatches(TableContract contract) {
        List<SchemaElement> fields =
                metadata.getSchema().subList(1, metadata.getSchema().size());
        List<String> problems = new ArrayList<>();
        if (fields.size() != contract.columns().size()) {
            problems.add("has " + fields.size() + " columns, contract " + contract.name() + " has "
                    + contract.columns().size());
        }
        for (int i = 0; i < Math.min(fields.size(), contract.columns().size()); i++) {
            SchemaElement field = fields.get(i);
            Column column = contract.columns().get(i);
            if (!field.getName().equals(column.name())) {
                problems.add("column " + (i + 1) + " is " + field.getName() + ", contract says " + column.name());
                continue;
            }
            Type expected = physicalType(column.type().parquetPrimitive());
            if (field.getType() != expected) {
                problems.add(column.name() + " is stored as " + field.getType() + ", contract says " + expected);
            }
            String expectedLogical = logicalName(column.type().parquetLogicalType());
            String actualLogical = logicalName(field);
            if (expectedLogical != null && !expectedLogical.equals(actualLogical)) {
                problems.add(
                        column.name() + " has logical type " + actualLogical + ", contract says " + expectedLogical);
            }
        }
        return problems;
    }

    private static Type physicalType(PrimitiveTypeName primitive) {
        return switch (primitive) {
            case BINARY -> Type.BYTE_ARRAY;
            case INT32 -> Type.INT32;
            case INT64 -> Type.INT64;
            case BOOLEAN -> Type.BOOLEAN;
            case FLOAT -> Type.FLOAT;
            case DOUBLE -> Type.DOUBLE;
            case INT96 -> Type.INT96;
            case FIXED_LEN_BYTE_ARRAY -> Type.FIXED_LEN_BYTE_ARRAY;
        };
    }

    private static String logicalName(LogicalTypeAnnotation annotation) {
        if (annotation == null) {
            return null;
        }
        if (annotation instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation) {
            return "STRING";
        }
        if (annotation instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return "DATE";
        }
        if (annotation instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) {
            return "TIMESTAMP";
        }
        return annotation.toString();
    }

    /** The logical type, from the annotation where the writer set one, else from the legacy converted type. */
    private static String logicalName(SchemaElement field) {
        if (field.isSetLogicalType()) {
            return field.getLogicalType().getSetField().getFieldName();
        }
        if (!field.isSetConverted_type()) {
            return null;
        }
        return switch (field.getConverted_type()) {
            case UTF8 -> "STRING";
            case DATE -> "DATE";
            case TIMESTAMP_MICROS, TIMESTAMP_MILLIS -> "TIMESTAMP";
            default -> field.getConverted_type().name();
        };
    }
}
