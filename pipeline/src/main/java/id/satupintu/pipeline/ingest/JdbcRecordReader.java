package id.satupintu.pipeline.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A table or query in another database, read through its JDBC driver into raw records: the header
 * is the result's column labels, a source row is the result row number (first row 1). Floating
 * point columns are marked {@link RawRecord.CellKind#NUMBER}, date columns
 * {@link RawRecord.CellKind#DATE}. The query is the catalogue's, never user input; the period is
 * bound as a parameter ({@link JdbcQuery}).
 *
 * <p>A database has no file whose bytes could be hashed, so the reader hashes what it reads: the
 * header and every row's values as handed to the judge, each value length-prefixed (null marked).
 * The same rows in the same order give the same {@link #sha256()}, so an unchanged source is
 * recognized in the manifest.
 */
final class JdbcRecordReader implements RecordReader {
    private final String sourceName;
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet result;
    private final List<String> header;
    private final int[] types;
    private final MessageDigest digest;
    private long bytesRead;
    private long row;

    private JdbcRecordReader(
            String sourceName,
            Connection connection,
            PreparedStatement statement,
            ResultSet result,
            List<String> header,
            int[] types) {
        this.sourceName = sourceName;
        this.connection = connection;
        this.statement = statement;
        this.result = result;
        this.header = header;
        this.types = types;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        update(header);
    }

    /** The name a JDBC source has in the manifest and the lake: {@code <source id>.jdbc}. */
    static String sourceName(SourceDefinition source) {
        return source.id() + ".jdbc";
    }

    /** Runs the source's query for the period, its placeholders bound as parameters. */
    static JdbcRecordReader open(SourceDefinition source, YearMonth period) throws RosterFileRefusedException {
        String sourceName = sourceName(source);
        JdbcQuery query = JdbcQuery.parse(source.jdbcQuery());
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(source.jdbcUrl());
            readOnly(connection);
            PreparedStatement statement = connection.prepareStatement(query.sql());
            statement.setFetchSize(10_000);
            query.bind(statement, period);
            ResultSet result = statement.executeQuery();
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
                    "sumber JDBC tidak dapat dibaca: " + describe(e),
                    "the JDBC source cannot be read: " + describe(e));
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
            row++;
            List<String> record = Arrays.asList(values);
            update(record);
            return new RawRecord(row, record, kinds, null);
        } catch (SQLException e) {
            // no cause: the reason reaches the log, the manifest and the warehouse (see describe)
            throw new IOException("row " + (row + 1) + " of " + sourceName + " cannot be read: " + describe(e));
        }
    }

    /** SHA-256 (hex) of the header and the rows read so far; of the whole source once read to the end. */
    String sha256() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The UTF-8 bytes of the header and row values read so far. */
    long bytesRead() {
        return bytesRead;
    }

    private void update(List<String> values) {
        ByteBuffer count = ByteBuffer.allocate(Integer.BYTES).putInt(values.size());
        digest.update(count.array());
        for (String value : values) {
            if (value == null) {
                digest.update((byte) 0);
                continue;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            digest.update((byte) 1);
            digest.update(
                    ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            digest.update(bytes);
            bytesRead += bytes.length;
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

    /**
     * The driver's reason, fit for the log, the manifest and the warehouse. A data exception
     * (SQLState class 22: a conversion, a value out of range) often quotes the value it choked on,
     * which may be a NIK or a name, so for those only the state and the vendor code are told; the
     * other reasons (unreachable, login, a missing table, a syntax error) are about the source and
     * its query and are told as the driver gives them.
     */
    static String describe(SQLException e) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("22")) {
            return "a value cannot be converted (SQLState " + state + ", error code " + e.getErrorCode() + ")";
        }
        return e.getMessage() == null ? "SQLState " + state : e.getMessage();
    }

    /**
     * Asks the driver for a read-only connection. It is a hint: a driver that cannot change it on
     * an open connection (DuckDB sets it in the URL) says so with an exception, and the source is
     * read anyway; the account's rights are what really keeps the other database safe.
     */
    private static void readOnly(Connection connection) {
        try {
            connection.setReadOnly(true);
        } catch (SQLException e) {
            // a hint only, see above
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
