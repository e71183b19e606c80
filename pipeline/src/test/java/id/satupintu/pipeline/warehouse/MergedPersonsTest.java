package id.satupintu.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.pipeline.duckdb.DuckDb;
import java.sql.Connection;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MergedPersonsTest {
    @Test
    void followsEachMergeToItsLatestSurvivorUnlessThePersonCameBackOnItsOwn() throws Exception {
        try (Connection connection = DuckDb.inMemory(1)) {
            DuckDb.execute(connection, """
                    CREATE TEMP TABLE lake_link_event AS
                    SELECT * FROM (VALUES
                        ('2026-08', 'MERGE', 'B', 'A'),
                        ('2026-09', 'MERGE', 'D', 'C'),
                        ('2026-10', 'MERGE', 'E', 'D'),
                        ('2026-08', 'MERGE', 'G', 'F'),
                        ('2026-10', 'MERGE', 'H', 'F'),
                        ('2026-09', 'NIK_GANDA', 'J', 'I'),
                        ('2026-09', 'SPLIT', 'K', 'L')
                    ) AS event (period, event, person_id, other_person_id)""");
            DuckDb.execute(connection, """
                    CREATE TEMP TABLE lake_person_link AS
                    SELECT * FROM (VALUES
                        ('2026-07', 'A'), ('2026-08', 'B'), ('2026-09', 'A'), ('2026-09', 'B'),
                        ('2026-08', 'C'), ('2026-09', 'D'), ('2026-10', 'E'),
                        ('2026-07', 'F'), ('2026-09', 'F'), ('2026-10', 'H'),
                        ('2026-09', 'I'), ('2026-09', 'J')
                    ) AS link (period, person_id)""");
            Map<String, String> survivors = new TreeMap<>(MergedPersons.survivors(connection));

            // A was merged into B in August and split off again in September: A stands on its own.
            // F was merged into G, came back, then merged into H: the latest merge counts.
            assertThat(survivors).containsExactly(Map.entry("C", "D"), Map.entry("D", "E"), Map.entry("F", "H"));
            assertThat(MergedPersons.resolve(survivors, "C")).isEqualTo("E");
            assertThat(MergedPersons.resolve(survivors, "A")).isEqualTo("A");
            assertThat(MergedPersons.resolve(survivors, "F")).isEqualTo("H");
            assertThat(MergedPersons.resolve(survivors, "I")).isEqualTo("I");
            assertThat(MergedPersons.resolve(Map.of("X", "Y", "Y", "X"), "X")).isEqualTo("X");
        }
    }
}
