package id.satupintu.jobs.schedule;

import id.satupintu.jobs.BatchApplication;
import id.satupintu.jobs.CommonOptions;
import id.satupintu.jobs.Language;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs the monthly schedule in the foreground until stopped (SIGTERM or Ctrl-C, as a service
 * manager stops it), and says when the next refresh is due.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true)
public final class ScheduleCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--cron", paramLabel = "CRON", descriptionKey = "schedule-cron")
    String cron;

    @Option(names = "--stop-after", paramLabel = "SECONDS", hidden = true)
    Long stopAfterSeconds;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> properties = new java.util.HashMap<>(options.languageProperty());
        properties.put("spring.quartz.auto-startup", "true");
        // a scheduled refresh running at SIGTERM finishes before the process ends
        properties.put("spring.quartz.wait-for-jobs-to-complete-on-shutdown", "true");
        if (cron != null) {
            properties.put("satupintu.schedule.cron", cron);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(stopped::countDown, "satupintu-schedule-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        BatchApplication.run(options.dataDirectory(), properties, context -> {
            try {
                Scheduler scheduler = context.getBean(Scheduler.class);
                Trigger configured = context.getBean("monthlyRefreshTrigger", Trigger.class);
                Trigger stored = scheduler.getTrigger(configured.getKey());
                // the stored trigger is kept so that a missed run is caught up; a changed cron replaces it
                if (stored instanceof CronTrigger storedCron
                        && configured instanceof CronTrigger configuredCron
                        && !storedCron.getCronExpression().equals(configuredCron.getCronExpression())) {
                    scheduler.rescheduleJob(stored.getKey(), configured);
                }
                Trigger trigger = scheduler.getTrigger(configured.getKey());
                ZoneId zone = ZoneId.of(context.getEnvironment().getProperty("satupintu.schedule.zone", "UTC"));
                out.println(Language.format(
                        options.messages(),
                        "schedule.started",
                        trigger == null || trigger.getNextFireTime() == null
                                ? "-"
                                : trigger.getNextFireTime()
                                        .toInstant()
                                        .atZone(zone)
                                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss VV"))));
                if (stopAfterSeconds != null) {
                    stopped.await(Duration.ofSeconds(stopAfterSeconds).toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    stopped.await();
                }
                return null;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already
        }
        out.println(options.messages().getString("schedule.stopped"));
        return 0;
    }
}
