package id.satupintu.jobs.serve;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A table of figures as an endpoint returns it: named columns of a kind, rows of values, and for each
 * row the columns whose value is suppressed (a suppressed value is null). Made from a query of {@code
 * sql/} of this package; the column kinds come from the result's types ({@code *_rupiah} columns and
 * decimals are rupiah).
 */
public final class Figures {
    /** What a column holds: text, a count of persons or families, or an amount in rupiah. */
    public enum Kind {
        TEXT,
        COUNT,
        RUPIAH
    }

    public record Column(String name, Kind kind) {
        public Column {
            requireNonNull(name, "name is null");
            requireNonNull(kind, "kind is null");
        }
    }

    private final List<Column> columns;
    private final List<Object[]> rows;
    private final List<Set<String>> suppressed;

    Figures(List<Column> columns, List<Object[]> rows) {
        this.columns = List.copyOf(columns);
        this.rows = new ArrayList<>(rows);
        this.suppressed = new ArrayList<>();
        rows.forEach(row -> suppressed.add(new TreeSet<>()));
    }

    /** Runs a query of {@code sql/<name>.sql} with its parameters and keeps every row. */
    static Figures query(Connection connection, String name, Object... parameters) throws SQLException {
        String sql = ServeQueries.sql(name);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData metadata = result.getMetaData();
                List<Column> columns = new ArrayList<>();
                for (int i = 1; i <= metadata.getColumnCount(); i++) {
                    columns.add(new Column(metadata.getColumnLabel(i), kind(metadata, i)));
                }
                List<Object[]> rows = new ArrayList<>();
                while (result.next()) {
                    Object[] row = new Object[columns.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = value(result, i + 1, columns.get(i).kind());
                    }
                    rows.add(row);
                }
                return new Figures(columns, rows);
            }
        } catch (SQLException e) {
            throw new SQLException("Query " + name + " failed: " + e.getMessage(), e);
        }
    }

    private static Kind kind(ResultSetMetaData metadata, int column) throws SQLException {
        String name = metadata.getColumnLabel(column);
        return switch (metadata.getColumnType(column)) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT ->
                name.endsWith("_rupiah") ? Kind.RUPIAH : Kind.COUNT;
            case Types.DECIMAL, Types.NUMERIC, Types.DOUBLE, Types.FLOAT, Types.REAL -> Kind.RUPIAH;
            default -> Kind.TEXT;
        };
    }

    private static Object value(ResultSet result, int column, Kind kind) throws SQLException {
        return switch (kind) {
            case TEXT -> result.getString(column);
            case COUNT -> {
                long value = result.getLong(column);
                yield result.wasNull() ? null : value;
            }
            case RUPIAH -> {
                BigDecimal value = result.getBigDecimal(column);
                yield value == null ? null : value.stripTrailingZeros().scale() <= 0 ? value.setScale(0) : value;
            }
        };
    }

    public List<Column> columns() {
        return columns;
    }

    public int size() {
        return rows.size();
    }

    public int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public Object value(int row, int column) {
        return rows.get(row)[column];
    }

    /** The values of a row as they are shown: suppressed ones null. */
    public List<Object> row(int row) {
        return Arrays.asList(rows.get(row).clone());
    }

    /** The columns of a row whose values are hidden, in name order. */
    public List<String> suppressed(int row) {
        return List.copyOf(suppressed.get(row));
    }

    public long suppressedCells() {
        return suppressed.stream().mapToLong(Set::size).sum();
    }

    /** Hides one value: it becomes null and the row names its column as suppressed. */
    void suppress(int row, int column) {
        rows.get(row)[column] = null;
        suppressed.get(row).add(columns.get(column).name());
    }

    /** Replaces a value in place (masking a name before it leaves). */
    void replace(int row, int column, Object value) {
        rows.get(row)[column] = value;
    }

    /** The rows as JSON objects, column name to value, with {@code suppressed} where a value is hidden. */
    public List<Map<String, Object>> jsonRows() {
        List<Map<String, Object>> json = new ArrayList<>();
        for (int row = 0; row < rows.size(); row++) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int column = 0; column < columns.size(); column++) {
                object.put(columns.get(column).name(), rows.get(row)[column]);
            }
            if (!suppressed.get(row).isEmpty()) {
                object.put("suppressed", List.copyOf(suppressed.get(row)));
            }
            json.add(object);
        }
        return json;
    }

    /** What the figures are kept from: thrown where a table cannot be written. */
    static IOException unwritable(String what, Exception cause) {
        return new IOException("Cannot write " + what + ": " + cause.getMessage(), cause);
    }
}
