package id.satupintu.pipeline.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A query of an output, kept in {@code sql/<name>.sql} beside the class that runs it; its values are
 * bind parameters ({@code $1}, {@code $2}, ..., named in the file's header comment).
 */
public record SqlFile(String name, String sql) {
    public SqlFile {
        requireNonNull(name, "name is null");
        requireNonNull(sql, "sql is null");
    }

    /** {@code sql/<name>.sql} in the package of {@code owner}. */
    public static SqlFile of(Class<?> owner, String name) {
        String resource = "sql/" + name + ".sql";
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No query " + resource + " beside " + owner.getName());
            }
            return new SqlFile(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read query " + resource, e);
        }
    }

    /** What is done with each row of the result. */
    @FunctionalInterface
    public interface RowHandler {
        void row(ResultSet row) throws SQLException, IOException;
    }

    /** Runs the query with its parameters and hands each row to {@code handler}. */
    public void forEach(Connection connection, RowHandler handler, Object... parameters)
            throws SQLException, IOException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    handler.row(result);
                }
            }
        } catch (SQLException e) {
            throw new SQLException("Query " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** The first column of every row, as text. */
    public List<String> strings(Connection connection, Object... parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        try {
            forEach(connection, row -> values.add(row.getString(1)), parameters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    /** A BIGINT column as a Long, or null. */
    public static Long longOrNull(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    /** A DECIMAL or DOUBLE column as a BigDecimal, or null. */
    public static BigDecimal decimalOrNull(ResultSet row, String column) throws SQLException {
        return row.getBigDecimal(column);
    }
}
