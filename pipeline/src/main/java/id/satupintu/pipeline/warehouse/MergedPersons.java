package id.satupintu.pipeline.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where the persons the link merged away went: from the lake's {@code MERGE} events, each merged
 * person's latest survivor. A person that the link saw again as its own person after its latest
 * merge (a later split gave its rows back) went nowhere.
 */
final class MergedPersons {
    private static final String SURVIVORS = """
            WITH latest_merge AS (
                SELECT other_person_id AS merged, arg_max(person_id, period) AS survivor, max(period) AS period
                FROM lake_link_event
                WHERE event = 'MERGE'
                GROUP BY other_person_id
            ),
            seen_again AS (
                SELECT link.person_id, max(link.period) AS last_period
                FROM lake_person_link AS link
                SEMI JOIN latest_merge ON latest_merge.merged = link.person_id
                GROUP BY link.person_id
            )
            SELECT latest_merge.merged, latest_merge.survivor
            FROM latest_merge
            LEFT JOIN seen_again ON seen_again.person_id = latest_merge.merged
            WHERE seen_again.last_period IS NULL OR seen_again.last_period < latest_merge.period
            """;

    private MergedPersons() {}

    /** Each merged person's survivor of its latest merge, from the session's lake views. */
    static Map<String, String> survivors(Connection connection) throws SQLException {
        Map<String, String> survivors = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(SURVIVORS)) {
            while (rows.next()) {
                survivors.put(rows.getString(1), rows.getString(2));
            }
        }
        return survivors;
    }

    /**
     * The person {@code personId} is now: the survivor of its merge, of that survivor's merge and so
     * on; itself when it was never merged away. A cycle of merges (a person merged into another
     * that was later merged back) ends at the last person of the cycle reached.
     */
    static String resolve(Map<String, String> survivors, String personId) {
        String current = personId;
        Set<String> seen = new HashSet<>();
        while (survivors.containsKey(current) && seen.add(current)) {
            current = survivors.get(current);
        }
        return current;
    }
}
