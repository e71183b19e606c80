package id.satupintu.jobs.refresh;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * One refresh run as an operator asks about it: which month, when, how long, how it ended, and the
 * rows through each stage (read, staged, rejected by ingest; persons linked; enrollments built).
 *
 * @param step the step running now, or the step that failed; empty for a completed run
 */
public record RunSummary(
        long runId,
        String period,
        LocalDateTime started,
        Optional<LocalDateTime> ended,
        BatchStatus status,
        Optional<String> step,
        long filesIngested,
        long filesRefused,
        long rowsRead,
        long rowsStaged,
        long rowsRejected,
        long persons,
        long enrollments,
        Optional<String> failure) {
    public RunSummary {
        requireNonNull(period, "period is null");
        requireNonNull(started, "started is null");
        requireNonNull(ended, "ended is null");
        requireNonNull(status, "status is null");
        requireNonNull(step, "step is null");
        requireNonNull(failure, "failure is null");
    }

    public static RunSummary of(JobExecution execution) {
        long read = 0;
        long staged = 0;
        long rejected = 0;
        long ingested = 0;
        long refused = 0;
        String step = null;
        String stepFailure = null;
        for (StepExecution stepExecution : execution.getStepExecutions()) {
            if (InboxPartitioner.isPartition(stepExecution.getStepName())) {
                read += stepExecution.getReadCount();
                staged += stepExecution.getWriteCount();
                rejected += stepExecution.getFilterCount();
                String fileStatus = stepExecution.getExecutionContext().getString("status", "");
                if (fileStatus.equals("INGESTED")) {
                    ingested++;
                } else if (!fileStatus.isEmpty()) {
                    refused++;
                }
            }
            if ((stepExecution.getStatus() == BatchStatus.STARTED || stepExecution.getStatus() == BatchStatus.FAILED)
                    && !InboxPartitioner.isPartition(stepExecution.getStepName())) {
                step = stepExecution.getStepName();
                stepFailure = reason(stepExecution.getExitStatus().getExitDescription());
            }
        }
        String failure = execution.getAllFailureExceptions().stream()
                .findFirst()
                .map(e -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                // the exceptions live only in the process that ran; the repository keeps the exit description
                .orElse(stepFailure);
        return new RunSummary(
                execution.getId(),
                execution.getJobParameters().getString(RefreshJobConfiguration.PERIOD),
                execution.getStartTime() == null ? execution.getCreateTime() : execution.getStartTime(),
                Optional.ofNullable(execution.getEndTime()),
                execution.getStatus(),
                Optional.ofNullable(step),
                ingested,
                refused,
                read,
                staged,
                rejected,
                RefreshJobConfiguration.linkCounts(execution).getOrDefault("persons", 0L),
                execution.getExecutionContext().getLong("rows.enrollment", 0L),
                Optional.ofNullable(failure));
    }

    /**
     * The reason a step failed, from the exit description the job repository keeps (the stack trace
     * of its exception): the first line without the exception's class name; null when there is none.
     */
    static String reason(String exitDescription) {
        String line = exitDescription == null
                ? ""
                : exitDescription.lines().findFirst().orElse("").strip();
        String reason = line.replaceFirst("^[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+: ", "");
        return reason.isEmpty() ? null : reason;
    }

    /** How long the run took, or has taken so far. */
    public Duration duration(LocalDateTime now) {
        return Duration.between(started, ended.orElse(now));
    }
}
