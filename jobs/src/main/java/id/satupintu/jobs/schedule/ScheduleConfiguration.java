package id.satupintu.jobs.schedule;

import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The monthly schedule: one durable Quartz job and its cron trigger, kept in the JDBC job store
 * beside the Batch job repository. A fire time missed while the machine was off is caught up once
 * at the next start (misfire: fire and proceed; the stored trigger is never overwritten, see
 * application.properties). The scheduler only starts in {@code satupintu schedule}.
 */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {
    static final String JOB = "monthlyRefresh";

    @Bean
    JobDetail monthlyRefreshJobDetail() {
        return JobBuilder.newJob(MonthlyRefreshQuartzJob.class)
                .withIdentity(JOB)
                .withDescription("Refresh of the month before the fire time")
                .storeDurably()
                .requestRecovery()
                .build();
    }

    @Bean
    Trigger monthlyRefreshTrigger(
            JobDetail monthlyRefreshJobDetail,
            @Value("${satupintu.schedule.cron}") String cron,
            @Value("${satupintu.schedule.zone}") String zone) {
        return TriggerBuilder.newTrigger()
                .forJob(monthlyRefreshJobDetail)
                .withIdentity(JOB)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron)
                        .inTimeZone(TimeZone.getTimeZone(zone))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
