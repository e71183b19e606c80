package id.satupintu.jobs.refresh;

import static java.util.Objects.requireNonNull;

import id.satupintu.pipeline.lake.AuditLog;
import id.satupintu.pipeline.lake.DataDirectory;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Records each refresh run in the audit log ({@code metadata/audit.log}): a {@code run-start} line
 * when the job starts (the command that started it, the month, the job execution id, the run it
 * resumes) and a {@code run-end} line when it ends (status, rows, and the SHA-256 of the warehouse
 * it published). A run killed mid-way has a start and no end; the {@code restart} that resumes it
 * names it. Counts and ids only: no personal data.
 */
final class RunAudit implements JobExecutionListener {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RunAudit.class);

    private final DataDirectory dataDirectory;
    private volatile String command = "refresh";
    private volatile Long resumes;

    RunAudit(DataDirectory dataDirectory) {
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null");
    }

    /** The command line of the run about to start, and the run it resumes (null for a new run). */
    void next(String command, Long resumes) {
        this.command = requireNonNull(command, "command is null");
        this.resumes = resumes;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        Map<String, Object> entry = AuditLog.entry("run-start");
        entry.put("command", command);
        entry.put("period", RefreshJobConfiguration.period(execution).toString());
        entry.put("run", execution.getId());
        if (resumes != null) {
            entry.put("resumes", resumes);
        }
        AuditLog.append(dataDirectory.auditLog(), entry);
    }

    @Override
    public void afterJob(JobExecution execution) {
        Map<String, Object> entry = AuditLog.entry("run-end");
        entry.put("command", command);
        entry.put("period", RefreshJobConfiguration.period(execution).toString());
        entry.put("run", execution.getId());
        entry.put("status", execution.getStatus().name());
        long files = 0;
        long read = 0;
        long staged = 0;
        long rejected = 0;
        for (StepExecution step : execution.getStepExecutions()) {
            if (InboxPartitioner.isPartition(step.getStepName())) {
                files++;
                read += step.getReadCount();
                staged += step.getWriteCount();
                rejected += step.getFilterCount();
            }
        }
        entry.put("files", files);
        entry.put("rows_read", read);
        entry.put("rows_staged", staged);
        entry.put("rows_rejected", rejected);
        if (execution.getStatus() == BatchStatus.COMPLETED && Files.exists(dataDirectory.publishedWarehouse())) {
            entry.put("published", AuditLog.file(dataDirectory.publishedWarehouse()));
        }
        try {
            AuditLog.append(dataDirectory.auditLog(), entry);
        } catch (UncheckedIOException e) {
            // the run has ended and the job repository holds its outcome; a start that cannot be
            // written stops the run before it changes anything (beforeJob)
            log.warn(
                    "Cannot record the end of run {} in {}: {}",
                    execution.getId(),
                    dataDirectory.auditLog(),
                    e.getMessage());
        }
    }
}
