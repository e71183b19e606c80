package id.satupintu.jobs.refresh;

import static java.util.Objects.requireNonNull;

import id.satupintu.pipeline.ingest.Inbox;
import id.satupintu.pipeline.lake.DataDirectory;
import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * A progress bar over a refresh when an operator watches it in a terminal: the megabytes of roster
 * files ingested so far, then the step running. Without a terminal (a service, a scheduled run, a
 * pipe) it shows nothing; the log lines say the same.
 */
final class RefreshProgress implements JobExecutionListener, StepExecutionListener {
    private static final long MEGABYTE = 1 << 20;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RefreshProgress.class);

    private final DataDirectory dataDirectory;
    private final boolean interactive;
    private volatile ProgressBar bar;

    RefreshProgress(DataDirectory dataDirectory, boolean interactive) {
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null");
        this.interactive = interactive;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        if (!interactive) {
            return;
        }
        long bytes = RefreshJobConfiguration.inboxFiles(dataDirectory, RefreshJobConfiguration.period(execution))
                .mapToLong(Inbox::readableSize)
                .sum();
        bar = new ProgressBarBuilder()
                .setTaskName("Refresh " + RefreshJobConfiguration.period(execution))
                .setInitialMax(Math.max(1, bytes))
                .setUnit(" MB", MEGABYTE)
                .build();
    }

    @Override
    public void beforeStep(StepExecution step) {
        if (!interactive && !InboxPartitioner.isPartition(step.getStepName())) {
            log.info(
                    "Refresh {}: step {} started",
                    RefreshJobConfiguration.period(step.getJobExecution()),
                    step.getStepName());
        }
        ProgressBar current = bar;
        if (current != null && !InboxPartitioner.isPartition(step.getStepName())) {
            current.setExtraMessage(step.getStepName());
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (!interactive && !InboxPartitioner.isPartition(step.getStepName())) {
            log.info(
                    "Refresh {}: step {} ended {} ({} rows written)",
                    RefreshJobConfiguration.period(step.getJobExecution()),
                    step.getStepName(),
                    step.getStatus(),
                    step.getWriteCount());
        }
        ProgressBar current = bar;
        if (current != null && InboxPartitioner.isPartition(step.getStepName())) {
            // a JDBC source has no file: the bar counts inbox megabytes, the message names the source
            if (step.getExecutionContext().containsKey(InboxPartitioner.FILE)) {
                current.stepBy(
                        Inbox.readableSize(Path.of(step.getExecutionContext().getString(InboxPartitioner.FILE))));
            }
            current.setExtraMessage(InboxPartitioner.sourceName(step.getStepName()));
        }
        return step.getExitStatus();
    }

    @Override
    public void afterJob(JobExecution execution) {
        ProgressBar current = bar;
        if (current != null) {
            current.stepTo(current.getMax());
            current.setExtraMessage(execution.getStatus().name());
            current.close();
            bar = null;
        }
    }
}
