package id.satupintu.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.lake.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehousePublisherTest {
    @TempDir
    Path root;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-05T02:00:00Z"));

    @Test
    void keepsTheNewestEarlierVersionsAndRollsBackToOne() throws Exception {
        DataDirectory data = new DataDirectory(root);
        WarehousePublisher publisher = new WarehousePublisher(data, 2, clock);
        for (int build = 1; build <= 4; build++) {
            publisher.publish(build(data, build));
            clock.advance(Duration.ofHours(1));
        }

        assertThat(generation(data.publishedWarehouse())).isEqualTo(4);
        // builds 2 and 3 were live at 04:00 and 05:00 when their successors came
        assertThat(publisher.versions()).containsExactly("20261105-050000-000.duckdb", "20261105-040000-000.duckdb");

        String restored = publisher.rollback(Optional.empty());

        assertThat(restored).isEqualTo("20261105-050000-000.duckdb");
        assertThat(generation(data.publishedWarehouse())).isEqualTo(3);
        assertThat(publisher.versions()).containsExactly("20261105-060000-000.duckdb", "20261105-040000-000.duckdb");
        assertThat(generation(data.warehouseVersions().resolve("20261105-060000-000.duckdb")))
                .isEqualTo(4);

        publisher.rollback(Optional.of("20261105-060000-000.duckdb"));
        assertThat(generation(data.publishedWarehouse())).isEqualTo(4);
    }

    @Test
    void aPublishRedoneAfterAKillBeforeItsRenameKeepsThePreviousVersionOnce() throws Exception {
        DataDirectory data = new DataDirectory(root);
        WarehousePublisher publisher = new WarehousePublisher(data, 3, clock);
        publisher.publish(build(data, 1));
        Path second = build(data, 2);
        // the killed publish had linked the live warehouse under versions/ and died before its rename
        Files.createDirectories(data.warehouseVersions());
        Files.createLink(data.warehouseVersions().resolve("20261105-020000-000.duckdb"), data.publishedWarehouse());
        clock.advance(Duration.ofMinutes(5));

        publisher.publish(second);

        assertThat(generation(data.publishedWarehouse())).isEqualTo(2);
        assertThat(publisher.versions()).containsExactly("20261105-020000-000.duckdb");
        assertThat(generation(data.warehouseVersions().resolve("20261105-020000-000.duckdb")))
                .isEqualTo(1);
    }

    @Test
    void refusesToRollBackToAVersionItDoesNotKeep() throws Exception {
        DataDirectory data = new DataDirectory(root);
        WarehousePublisher publisher = new WarehousePublisher(data, 2, clock);
        assertThatThrownBy(() -> publisher.rollback(Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No earlier warehouse version is kept");
        publisher.publish(build(data, 1));
        assertThatThrownBy(() -> publisher.rollback(Optional.of("19990101-000000-000.duckdb")))
                .hasMessage("No kept version named 19990101-000000-000.duckdb");
        assertThat(generation(data.publishedWarehouse())).isEqualTo(1);
    }

    private static Path build(DataDirectory data, int generation) throws Exception {
        Path file = Files.createDirectories(data.warehouseBuilds()).resolve("run-" + generation + ".duckdb");
        try (Connection connection = DuckDb.openForWrite(file)) {
            DuckDb.execute(connection, "CREATE TABLE build AS SELECT " + generation + " AS generation");
            DuckDb.execute(connection, "CHECKPOINT");
        }
        return file;
    }

    private static int generation(Path warehouse) throws Exception {
        try (Connection connection = DuckDb.openReadOnly(warehouse);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT generation FROM build")) {
            result.next();
            return result.getInt(1);
        }
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
