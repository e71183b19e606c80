package id.satupintu.schemas.contract;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * A data contract: the schema of one dataset as data. Arrow schemas (what Java hands to DuckDB)
 * and Parquet schemas (what the lake files must carry) are derived from it, never written by hand.
 */
public record TableContract(String name, String grain, List<Column> columns) {
    public TableContract {
        requireNonNull(name, "name is null");
        requireNonNull(grain, "grain is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        List<String> problems = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Column column : columns) {
            if (!ids.add(column.id())) {
                problems.add("duplicate column id " + column.id());
            }
            if (!names.add(column.name())) {
                problems.add("duplicate column name " + column.name());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid contract " + name + ": " + String.join("; ", problems));
        }
    }

    public Column column(String columnName) {
        return findColumn(columnName)
                .orElseThrow(() -> new IllegalArgumentException("Contract " + name + " has no column " + columnName));
    }

    public Optional<Column> findColumn(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The columns, comma separated, for a {@code SELECT} list. */
    public String selectList() {
        return String.join(", ", columnNames());
    }

    public Schema arrowSchema() {
        return new Schema(columns.stream()
                .map(column -> new Field(
                        column.name(),
                        new FieldType(!column.required(), column.type().arrowType(), null),
                        null))
                .toList());
    }

    public MessageType parquetSchema() {
        List<Type> fields = columns.stream()
                .<Type>map(column -> {
                    var builder = column.required()
                            ? Types.required(column.type().parquetPrimitive())
                            : Types.optional(column.type().parquetPrimitive());
                    if (column.type().parquetLogicalType() != null) {
                        builder = builder.as(column.type().parquetLogicalType());
                    }
                    return builder.id(column.id()).named(column.name());
                })
                .toList();
        return new MessageType(name, fields);
    }

    /** The column definitions of a DuckDB {@code CREATE TABLE}. */
    public String duckDbColumns() {
        return columns.stream()
                .map(column ->
                        column.name() + " " + column.type().duckDbType() + (column.required() ? " NOT NULL" : ""))
                .collect(Collectors.joining(", "));
    }
}
