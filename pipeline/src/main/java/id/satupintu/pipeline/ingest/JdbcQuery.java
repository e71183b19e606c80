package id.satupintu.pipeline.ingest;

import static java.util.Objects.requireNonNull;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code jdbcQuery} of a catalogue entry as it is sent: a plain table name becomes
 * {@code SELECT * FROM} it, and the named period placeholders become {@code ?} parameters bound
 * for the period being refreshed (never pasted into the SQL text):
 *
 * <ul>
 *   <li>{@code :period} the month as text, {@code YYYY-MM};
 *   <li>{@code :period_start} the first day of the month, a {@code DATE};
 *   <li>{@code :period_end} the first day of the next month, a {@code DATE} (exclusive end, for
 *       {@code tgl >= :period_start AND tgl < :period_end}).
 * </ul>
 *
 * A colon inside a string literal, a quoted identifier or a comment, and a PostgreSQL cast
 * ({@code ::date}), are left alone.
 *
 * @param sql the statement with {@code ?} in place of each placeholder
 * @param parameters the placeholder names, in the order of their {@code ?}
 */
record JdbcQuery(String sql, List<String> parameters) {
    static final String PERIOD = "period";
    static final String PERIOD_START = "period_start";
    static final String PERIOD_END = "period_end";
    static final Set<String> PLACEHOLDERS = Set.of(PERIOD, PERIOD_START, PERIOD_END);

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    JdbcQuery {
        requireNonNull(sql, "sql is null");
        parameters = List.copyOf(requireNonNull(parameters, "parameters is null"));
    }

    static JdbcQuery parse(String jdbcQuery) {
        String query = requireNonNull(jdbcQuery, "jdbcQuery is null").strip();
        if (TABLE_NAME.matcher(query).matches()) {
            return new JdbcQuery("SELECT * FROM " + query, List.of());
        }
        StringBuilder sql = new StringBuilder(query.length());
        List<String> parameters = new ArrayList<>();
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            int end;
            if (c == '\'' || c == '"') {
                end = closing(query, i + 1, String.valueOf(c));
            } else if (query.startsWith("--", i)) {
                end = closing(query, i + 2, "\n");
            } else if (query.startsWith("/*", i)) {
                end = closing(query, i + 2, "*/");
            } else if (query.startsWith("::", i)) {
                end = i + 2;
            } else if (c == ':' && i + 1 < query.length() && isNameStart(query.charAt(i + 1))) {
                end = i + 1;
                while (end < query.length() && isNamePart(query.charAt(end))) {
                    end++;
                }
                parameters.add(query.substring(i + 1, end));
                sql.append('?');
                i = end;
                continue;
            } else {
                end = i + 1;
            }
            sql.append(query, i, end);
            i = end;
        }
        return new JdbcQuery(sql.toString(), parameters);
    }

    /** Placeholders of the query that are not one of {@link #PLACEHOLDERS}, in order. */
    List<String> unknownParameters() {
        return parameters.stream()
                .filter(name -> !PLACEHOLDERS.contains(name))
                .distinct()
                .toList();
    }

    /** Binds each placeholder for the period. */
    void bind(PreparedStatement statement, YearMonth period) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            switch (parameters.get(i)) {
                case PERIOD -> statement.setString(i + 1, period.toString());
                case PERIOD_START -> statement.setDate(i + 1, Date.valueOf(period.atDay(1)));
                case PERIOD_END ->
                    statement.setDate(i + 1, Date.valueOf(period.plusMonths(1).atDay(1)));
                default -> throw new IllegalArgumentException("Unknown placeholder :" + parameters.get(i));
            }
        }
    }

    /** The index just past the first {@code close} at or after {@code from}, or the end of the text. */
    private static int closing(String query, int from, String close) {
        int found = query.indexOf(close, from);
        return found < 0 ? query.length() : found + close.length();
    }

    private static boolean isNameStart(char c) {
        return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }
}
