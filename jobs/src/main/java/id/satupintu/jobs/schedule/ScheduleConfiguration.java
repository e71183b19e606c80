package id.satupintu.jobs.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
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
    private static final String DRIVER_DELEGATE = "org.quartz.jobStore.driverDelegateClass";

    @Bean
    JobDetail monthlyRefreshJobDetail() {
        return JobBuilder.newJob(MonthlyRefreshQuartzJob.class)
                .withIdentity(JOB)
                .withDescription("Refresh of the month before the fire time")
                .storeDurably()
                .requestRecovery()
                .build();
    }

    /**
     * On PostgreSQL, Quartz reads the job data it keeps in BYTEA columns only through its PostgreSQL
     * delegate (the standard one reads them as large objects and fails); on H2 the standard one is
     * right. Picked from the database the job store uses, so a JDBC URL is all the configuration.
     */
    @Bean
    SchedulerFactoryBeanCustomizer jobStoreDelegate(DataSource dataSource, QuartzProperties quartz) {
        return scheduler -> {
            if (isPostgresql(dataSource)) {
                Properties properties = new Properties();
                properties.putAll(quartz.getProperties());
                properties.putIfAbsent(DRIVER_DELEGATE, PostgreSQLDelegate.class.getName());
                scheduler.setQuartzProperties(properties);
            }
        };
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

    private static boolean isPostgresql(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the job repository database: " + e.getMessage(), e);
        }
    }
}
