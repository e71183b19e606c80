package id.satupintu.schemas.contract;

import static java.util.Objects.requireNonNull;

/**
 * One field of a data contract. The id is stable for the life of the field; the name is the
 * snake_case column name used in Arrow, Parquet and DuckDB alike.
 */
public record Column(int id, String name, ColumnType type, boolean required, String doc) {
    public Column {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(doc, "doc is null");
        if (id <= 0) {
            throw new IllegalArgumentException("column id must be positive: " + id);
        }
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("column name must be snake_case: " + name);
        }
    }

    public static Column required(int id, String name, ColumnType type, String doc) {
        return new Column(id, name, type, true, doc);
    }

    public static Column optional(int id, String name, ColumnType type, String doc) {
        return new Column(id, name, type, false, doc);
    }
}
