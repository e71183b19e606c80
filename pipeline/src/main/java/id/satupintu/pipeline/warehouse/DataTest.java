package id.satupintu.pipeline.warehouse;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A data test: a query over the built warehouse that must return no rows. Its file starts with
 * {@code -- severity: error} (a failure stops publication; the default) or {@code -- severity: warn}.
 */
record DataTest(String name, Severity severity, String sql) {
    private static final Pattern SEVERITY = Pattern.compile("^--\\s*severity:\\s*(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final int SAMPLE_ROWS = 5;

    enum Severity {
        ERROR,
        WARN;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    DataTest {
        requireNonNull(name, "name is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(sql, "sql is null");
    }

    static DataTest parse(String name, String sql) {
        Matcher matcher = SEVERITY.matcher(sql.strip());
        Severity severity = Severity.ERROR;
        if (matcher.find()) {
            String label = matcher.group(1).toUpperCase(Locale.ROOT);
            try {
                severity = Severity.valueOf(label.equals("WARNING") ? "WARN" : label);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "Data test " + name + " has an unknown severity " + matcher.group(1) + " (error or warn)");
            }
        }
        return new DataTest(name, severity, sql.strip().replaceFirst(";\\s*$", ""));
    }

    DataTestResult run(Connection connection) throws SQLException {
        long failing;
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM (" + sql + ")")) {
            result.next();
            failing = result.getLong(1);
        }
        List<String> sample = new ArrayList<>();
        if (failing > 0) {
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT * FROM (" + sql + ") LIMIT " + SAMPLE_ROWS)) {
                ResultSetMetaData columns = result.getMetaData();
                while (result.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        values.add(columns.getColumnLabel(i) + "=" + result.getString(i));
                    }
                    sample.add(String.join(", ", values));
                }
            }
        }
        return new DataTestResult(name, severity, failing, sample);
    }
}
