package id.satupintu.jobs.query;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** A query result as an aligned text table: numbers to the right, text to the left. */
public final class TablePrinter {
    private TablePrinter() {}

    public record Table(List<String> columns, List<Boolean> numeric, List<List<String>> rows, boolean truncated) {}

    public static Table read(ResultSet result, int maxRows) throws SQLException {
        ResultSetMetaData metadata = result.getMetaData();
        int count = metadata.getColumnCount();
        List<String> columns = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            columns.add(metadata.getColumnLabel(i));
            numeric.add(isNumeric(metadata.getColumnType(i), metadata.getColumnClassName(i)));
        }
        List<List<String>> rows = new ArrayList<>();
        boolean truncated = false;
        while (result.next()) {
            if (rows.size() == maxRows) {
                truncated = true;
                break;
            }
            List<String> row = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                Object value = result.getObject(i);
                row.add(value == null ? "NULL" : value.toString());
            }
            rows.add(row);
        }
        return new Table(columns, numeric, rows, truncated);
    }

    public static void print(Table table, PrintWriter out) {
        int[] widths = new int[table.columns().size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = table.columns().get(i).length();
            for (List<String> row : table.rows()) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        out.println(line(table.columns(), widths, table.numeric()));
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        out.println(rule);
        for (List<String> row : table.rows()) {
            out.println(line(row, widths, table.numeric()));
        }
    }

    private static String line(List<String> values, int[] widths, List<Boolean> numeric) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String value = values.get(i);
            String padding = " ".repeat(widths[i] - value.length());
            line.append(i == 0 ? "" : " | ");
            line.append(numeric.get(i) ? padding + value : value + (i == widths.length - 1 ? "" : padding));
        }
        return line.toString();
    }

    private static boolean isNumeric(int sqlType, String className) {
        if (className != null && className.startsWith("java.math.")) {
            return true; // DuckDB HUGEINT (sum of BIGINT) and DECIMAL
        }
        return switch (sqlType) {
            case Types.TINYINT,
                    Types.SMALLINT,
                    Types.INTEGER,
                    Types.BIGINT,
                    Types.DECIMAL,
                    Types.NUMERIC,
                    Types.DOUBLE,
                    Types.FLOAT,
                    Types.REAL -> true;
            default -> false;
        };
    }
}
