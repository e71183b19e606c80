package id.satupintu.jobs.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.jobs.BatchApplication;
import id.satupintu.jobs.OperatorException;
import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.generate.FaultRates;
import id.satupintu.pipeline.generate.GeneratorSettings;
import id.satupintu.pipeline.generate.SyntheticRosterGenerator;
import id.satupintu.pipeline.lake.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * The refresh killed with SIGKILL at different moments (a power cut), then resumed: the published
 * warehouse is never unreadable, and after the restart it equals a clean run's. The refresh runs
 * in its own JVM from the packaged jar, as an operator runs it. A reduced count of trials runs in
 * every build.
 */
class CrashRestartIT {
    private static final YearMonth FIRST = YearMonth.of(2026, 9);
    private static final YearMonth SECOND = YearMonth.of(2026, 10);
    private static final String MARTS = "SELECT period || ' ' || program_code || ' ' || kode_kecamatan || ' '"
            + " || recipients || ' ' || coalesce(benefit_rupiah, 0) FROM mart_recipients_kecamatan"
            // the persons the link step found, ids included: a resumed link must give the same ones
            + " UNION ALL SELECT 'enrollment ' || count(*) || ' ' || md5(string_agg(period || program_code"
            + " || person_id, ',' ORDER BY period, program_code, person_id)) FROM enrollment ORDER BY 1";

    @TempDir
    Path root;

    @Test
    void aRefreshKilledAtAnyMomentResumesToTheCleanRunsWarehouse() throws Exception {
        GeneratorSettings settings = new GeneratorSettings("51.08", FIRST, 2, 3_000, 20261124L, FaultRates.defaults());
        DataDirectory clean = new DataDirectory(root.resolve("clean"));
        new SyntheticRosterGenerator(settings).generate(clean.root());
        refresh(clean, FIRST);
        refresh(clean, SECOND);
        List<String> expected = marts(clean.publishedWarehouse());
        assertThat(expected).hasSizeGreaterThan(100);

        int resumedMidRun = 0;
        // killed when the first file is ingested, in the link step, in the build (the refresh logs each
        // step as it starts)
        record Moment(String logLine, long killAfterMillis, String name) {}
        for (Moment moment : List.of(
                new Moment("Ingested ", 0, "ingest"),
                new Moment("step link started", 150, "link"),
                new Moment("step build started", 300, "build"))) {
            long killAfterMillis = moment.killAfterMillis();
            DataDirectory crashed = new DataDirectory(root.resolve("killed-" + moment.name()));
            new SyntheticRosterGenerator(settings).generate(crashed.root());
            refresh(crashed, FIRST);
            List<String> firstMonth = marts(crashed.publishedWarehouse());

            Process refresh = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-jar",
                            Path.of("target", "satupintu.jar").toString(),
                            "refresh",
                            "--period",
                            SECOND.toString(),
                            "--data-dir",
                            crashed.root().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(
                            root.resolve("killed-" + killAfterMillis + ".log").toFile())
                    .start();
            Path log = root.resolve("killed-" + killAfterMillis + ".log");
            long deadline = Long.MAX_VALUE;
            long giveUp = System.currentTimeMillis() + 120_000;
            while (System.currentTimeMillis() < Math.min(deadline, giveUp) && refresh.isAlive()) {
                if (deadline == Long.MAX_VALUE && Files.readString(log).contains(moment.logLine())) {
                    deadline = System.currentTimeMillis() + killAfterMillis;
                }
                // the published warehouse is always a complete one: the first month's, or both
                List<String> published = marts(crashed.publishedWarehouse());
                assertThat(published.equals(firstMonth) || published.equals(expected))
                        .as("published while refreshing")
                        .isTrue();
                Thread.sleep(50);
            }
            refresh.destroyForcibly();
            assertThat(refresh.waitFor(20, TimeUnit.SECONDS)).isTrue();

            resumedMidRun += resume(crashed) ? 1 : 0;
            assertThat(marts(crashed.publishedWarehouse()))
                    .as("killed in the " + moment.name() + " step")
                    .containsExactlyElementsOf(expected);
        }
        // the kill at the first ingested file always falls inside the running job
        assertThat(resumedMidRun).isPositive();
    }

    /**
     * What an operator does after a crash: restart; a run that never began or had finished needs
     * a refresh instead. Returns whether a killed run was resumed.
     */
    private static boolean resume(DataDirectory data) {
        record Resumed(RefreshOutcome outcome, boolean restarted) {}
        Resumed resumed = BatchApplication.run(data, context -> {
            RefreshRunner runner = context.getBean(RefreshRunner.class);
            try {
                try {
                    return new Resumed(runner.restart(Optional.of(SECOND)), true);
                } catch (OperatorException nothingToResume) {
                    return new Resumed(runner.refresh(SECOND), false);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(resumed.outcome().status()).isEqualTo(BatchStatus.COMPLETED);
        return resumed.restarted();
    }

    private static void refresh(DataDirectory data, YearMonth period) {
        RefreshOutcome outcome = BatchApplication.run(data, context -> {
            try {
                return context.getBean(RefreshRunner.class).refresh(period);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
    }

    private static List<String> marts(Path warehouse) throws Exception {
        List<String> rows = new ArrayList<>();
        if (!Files.exists(warehouse)) {
            return rows;
        }
        try (Connection connection = DuckDb.openReadOnly(warehouse);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(MARTS)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
