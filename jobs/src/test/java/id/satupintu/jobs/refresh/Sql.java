package id.satupintu.jobs.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The first column of a query's rows as text, for tests that compare a warehouse with the truth. */
final class Sql {
    private Sql() {}

    static List<String> rows(Connection connection, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    /** The one value a query returns; fails naming the query when it returns more or none. */
    static String single(Connection connection, String sql) throws Exception {
        List<String> rows = rows(connection, sql);
        assertThat(rows).as(sql).hasSize(1);
        return rows.get(0);
    }
}
