package id.satupintu.jobs.schedule;

import id.satupintu.jobs.OperatorMessage;
import id.satupintu.jobs.refresh.RefreshOutcome;
import id.satupintu.jobs.refresh.RefreshRunner;
import java.time.YearMonth;
import java.time.ZoneId;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * What the schedule fires: the refresh of the month before the fire time (a run on 5 November
 * refreshes October). Never two at once; a manual refresh holding the data directory makes this
 * run step aside with a log line, and a backfill can do the month later.
 */
@DisallowConcurrentExecution
public class MonthlyRefreshQuartzJob extends QuartzJobBean {
    private static final Logger log = LoggerFactory.getLogger(MonthlyRefreshQuartzJob.class);

    @Autowired
    private RefreshRunner refreshRunner;

    @Value("${satupintu.schedule.zone}")
    private String zone;

    @Override
    protected void executeInternal(JobExecutionContext context) {
        YearMonth period = YearMonth.from(
                        context.getScheduledFireTime().toInstant().atZone(ZoneId.of(zone)))
                .minusMonths(1);
        log.info(
                "Scheduled refresh of {} (fire time {}{})",
                period,
                context.getScheduledFireTime().toInstant(),
                context.getFireTime().after(context.getScheduledFireTime()) ? ", caught up after a miss" : "");
        try {
            RefreshOutcome outcome = refreshRunner.refresh(period, "schedule");
            log.info("Scheduled refresh of {} ended {}", period, outcome.status());
        } catch (Exception e) {
            String reason = e instanceof OperatorMessage message ? message.messageEnglish() : e.getMessage();
            log.warn("Scheduled refresh of {} did not run: {}", period, reason);
        }
    }
}
