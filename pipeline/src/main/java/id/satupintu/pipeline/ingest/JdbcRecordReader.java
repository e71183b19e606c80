package id.satupintu.pipeline.ingest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A table or query in another database, read through its JDBC driver into raw records: the header
 * is the result's column labels, a source row is the result row number (first row 1). Floating
 * point columns are marked {@link RawRecord.CellKind#NUMBER}, date columns
 * {@link RawRecord.CellKind#DATE}. The query is the catalogue's, never user input.
 */
final class JdbcRecordReader implements RecordReader {
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private final String sourceName;
    private final Connection connection;
    private final Statement statement;
    private final ResultSet result;
    private final List<String> header;
    private final int[] types;
    private long row;

    private JdbcRecordReader(
            String sourceName,
            Connection connection,
            Statement statement,
            ResultSet result,
            List<String> header,
            int[] types) {
        this.sourceName = sourceName;
        this.connection = connection;
        this.statement = statement;
        this.result = result;
        this.header = header;
        this.types = types;
    }

    /** The name a JDBC source has in the manifest and the lake: {@code <source id>.jdbc}. */
    static String sourceName(SourceDefinition source) {
        return source.id() + ".jdbc";
    }

    static JdbcRecordReader open(SourceDefinition source) throws RosterFileRefusedException {
        String sourceName = sourceName(source);
        String query = TABLE_NAME.matcher(source.jdbcQuery().strip()).matches()
                ? "SELECT * FROM " + source.jdbcQuery().strip()
                : source.jdbcQuery();
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(source.jdbcUrl());
            connection.setReadOnly(true);
            Statement statement = connection.createStatement();
            statement.setFetchSize(10_000);
            ResultSet result = statement.executeQuery(query);
            ResultSetMetaData metadata = result.getMetaData();
            List<String> header = new ArrayList<>();
            int[] types = new int[metadata.getColumnCount()];
            for (int i = 1; i <= metadata.getColumnCount(); i++) {
                header.add(metadata.getColumnLabel(i));
                types[i - 1] = metadata.getColumnType(i);
            }
            RecordReader.headerPosition(sourceName, List.of(header), source);
            RecordReader.checkColumnCount(sourceName, header, source);
            return new JdbcRecordReader(sourceName, connection, statement, result, List.copyOf(header), types);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new RosterFileRefusedException(
                    sourceName,
                    "sumber JDBC tidak dapat dibaca: " + e.getMessage(),
                    "the JDBC source cannot be read: " + e.getMessage());
        } catch (RosterFileRefusedException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public RawRecord next() throws IOException {
        try {
            if (!result.next()) {
                return null;
            }
            row++;
            String[] values = new String[types.length];
            Map<Integer, RawRecord.CellKind> kinds = new HashMap<>(2);
            for (int i = 0; i < types.length; i++) {
                switch (types[i]) {
                    case Types.DATE -> {
                        java.sql.Date date = result.getDate(i + 1);
                        values[i] = date == null ? null : date.toLocalDate().toString();
                        kinds.put(i, RawRecord.CellKind.DATE);
                    }
                    case Types.DOUBLE, Types.FLOAT, Types.REAL -> {
                        java.math.BigDecimal number = result.getBigDecimal(i + 1);
                        values[i] = number == null
                                ? null
                                : number.stripTrailingZeros().toPlainString();
                        kinds.put(i, RawRecord.CellKind.NUMBER);
                    }
                    default -> values[i] = result.getString(i + 1);
                }
            }
            return new RawRecord(row, Arrays.asList(values), kinds, null);
        } catch (SQLException e) {
            throw new IOException("Source " + sourceName + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public String rawSeparator() {
        return "|";
    }

    @Override
    public void close() throws IOException {
        try {
            result.close();
            statement.close();
            connection.close();
        } catch (SQLException e) {
            throw new IOException("Cannot close " + sourceName, e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // the source is refused anyway
        }
    }
}
