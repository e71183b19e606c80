package id.satupintu.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.jobs.BatchApplication;
import id.satupintu.jobs.SatuPintu;
import id.satupintu.jobs.refresh.RunHistory;
import id.satupintu.jobs.refresh.RunSummary;
import id.satupintu.pipeline.generate.FaultRates;
import id.satupintu.pipeline.generate.GeneratorSettings;
import id.satupintu.pipeline.generate.SyntheticRosterGenerator;
import id.satupintu.pipeline.lake.DataDirectory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/** The schedule as a service manager runs it: stopped before a fire time, started after it. */
class ScheduleIT {
    @TempDir
    Path root;

    @Test
    void aRefreshMissedWhileStoppedRunsOnceAtTheNextStart() throws Exception {
        ZoneId zone = ZoneId.of("Asia/Jakarta");
        ZonedDateTime fireAt = ZonedDateTime.now(zone).plusSeconds(20);
        YearMonth period = YearMonth.from(fireAt).minusMonths(1);
        new SyntheticRosterGenerator(new GeneratorSettings("51.08", period, 1, 1_500, 5L, FaultRates.none()))
                .generate(root);
        // once a day, at a time a few seconds from now
        String cron = fireAt.getSecond() + " " + fireAt.getMinute() + " " + fireAt.getHour() + " * * ?";

        String first = schedule(cron, 1);
        assertThat(first).startsWith("Penjadwal berjalan; refresh berikutnya: " + fireAt.toLocalDate() + " ");
        assertThat(runs()).isEmpty();

        Thread.sleep(Math.max(0, fireAt.toInstant().toEpochMilli() - System.currentTimeMillis()) + 3_000);
        schedule(cron, 15);

        List<RunSummary> runs = runs();
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).period()).isEqualTo(period.toString());
        assertThat(runs.get(0).status()).isEqualTo(BatchStatus.COMPLETED);
        // the missed fire time is done; the next is tomorrow's
        schedule(cron, 1);
        assertThat(runs()).hasSize(1);
    }

    private String schedule(String cron, int seconds) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SatuPintu.execute(
                new String[] {
                    "schedule", "--data-dir", root.toString(), "--cron", cron, "--stop-after", Integer.toString(seconds)
                },
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(exit).as(err.toString()).isZero();
        return out.toString();
    }

    private List<RunSummary> runs() {
        return BatchApplication.run(
                new DataDirectory(root),
                context -> context.getBean(RunHistory.class).recent(10));
    }
}
