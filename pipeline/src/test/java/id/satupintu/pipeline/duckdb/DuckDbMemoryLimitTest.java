package id.satupintu.pipeline.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A step's DuckDB memory cap is its default unless the deployment raises it, and DuckDB takes it. */
class DuckDbMemoryLimitTest {
    private static final String PROPERTY = "satupintu.duckdb.memory-limit.test-step";

    @AfterEach
    void clear() {
        System.clearProperty(PROPERTY);
    }

    @Test
    void takesTheStepsPropertyOverItsDefault() throws Exception {
        assertThat(DuckDb.memoryLimit("test-step", "1536MB")).isEqualTo("1536MB");
        System.setProperty(PROPERTY, "  ");
        assertThat(DuckDb.memoryLimit("test-step", "1536MB")).isEqualTo("1536MB");
        System.setProperty(PROPERTY, " 3GB ");

        String limit = DuckDb.memoryLimit("test-step", "1536MB");

        assertThat(limit).isEqualTo("3GB");
        try (DuckDBConnection connection = DuckDb.inMemory(1);
                Statement statement = connection.createStatement()) {
            statement.execute("SET memory_limit = " + DuckDb.literal(limit));
            try (ResultSet result = statement.executeQuery("SELECT current_setting('memory_limit')")) {
                result.next();
                assertThat(result.getString(1)).isEqualTo("2.7 GiB");
            }
        }
    }

    @Test
    void namesWhatTheBufferManagerHoldsByTag() throws Exception {
        try (DuckDBConnection connection = DuckDb.inMemory(1);
                Statement statement = connection.createStatement()) {
            assertThat(DuckDb.memoryInUse(connection)).isEqualTo("memory < 1 MiB");

            // 4 M BIGINTs: 30.5 MiB of column data, in an in-memory table
            statement.execute("CREATE TABLE numbers AS SELECT range AS n FROM range(4000000)");

            assertThat(DuckDb.memoryInUse(connection)).matches("IN_MEMORY_TABLE (3[0-9]) MiB(, .*)?");
        }
    }
}
