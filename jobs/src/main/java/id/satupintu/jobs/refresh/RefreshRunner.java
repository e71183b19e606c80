package id.satupintu.jobs.refresh;

import static java.util.Objects.requireNonNull;

import id.satupintu.jobs.OperatorException;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.lake.DataDirectoryLock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Starts {@code monthlyRefresh} for a period and tells what it did. A run holds the data-directory
 * lock from start to end, so two runs (manual, scheduled or a backfill) never interleave.
 */
@Component
public final class RefreshRunner {
    private final JobOperator jobOperator;
    private final Job monthlyRefreshJob;
    private final DataDirectory dataDirectory;

    private final JobRepository jobRepository;
    private final RunAudit runAudit;

    RefreshRunner(
            JobOperator jobOperator,
            Job monthlyRefreshJob,
            DataDirectory dataDirectory,
            JobRepository jobRepository,
            RunAudit runAudit) {
        this.jobRepository = requireNonNull(jobRepository, "jobRepository is null");
        this.runAudit = requireNonNull(runAudit, "runAudit is null");
        this.jobOperator = requireNonNull(jobOperator, "jobOperator is null");
        this.monthlyRefreshJob = requireNonNull(monthlyRefreshJob, "monthlyRefreshJob is null");
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null");
    }

    public RefreshOutcome refresh(YearMonth period) throws Exception {
        return refresh(period, "refresh --period " + period);
    }

    /**
     * As {@link #refresh(YearMonth)}, started by {@code command} (a backfill, the schedule, the
     * demo), which the lock and the audit log name.
     */
    public RefreshOutcome refresh(YearMonth period, String command) throws Exception {
        JobParameters parameters = new JobParametersBuilder()
                .addString(RefreshJobConfiguration.PERIOD, period.toString())
                // every refresh of a period is a new run: a corrected roster may have arrived
                .addLong("run", System.currentTimeMillis())
                .toJobParameters();
        String refresh = "refresh --period " + period;
        try (DataDirectoryLock lock = lock(command.equals(refresh) ? refresh : command + " (" + refresh + ")")) {
            runAudit.next(command, null);
            JobExecution execution = jobOperator.start(monthlyRefreshJob, parameters);
            return outcome(period, execution);
        }
    }

    /**
     * Resumes the latest refresh that did not complete (of a period, if given) at the step where
     * it stopped: completed steps and ingested files are not redone. A run whose process died
     * (killed, power cut) still shows as started in the repository; holding the lock proves it is
     * not running, so it is marked failed first.
     */
    public RefreshOutcome restart(Optional<YearMonth> period) throws Exception {
        String command = "restart" + period.map(p -> " --period " + p).orElse("");
        try (DataDirectoryLock lock = lock(command)) {
            JobExecution last = null;
            for (JobInstance instance :
                    jobRepository.getJobInstances(RefreshJobConfiguration.JOB_NAME, 0, Integer.MAX_VALUE)) {
                JobExecution execution = jobRepository.getLastJobExecution(instance);
                if (execution == null
                        || period.isPresent() && !period.get().equals(RefreshJobConfiguration.period(execution))) {
                    continue;
                }
                if (last == null || execution.getId() > last.getId()) {
                    last = execution;
                }
            }
            if (last == null || last.getStatus() == BatchStatus.COMPLETED) {
                throw new OperatorException(
                        "Tidak ada refresh yang gagal untuk dilanjutkan"
                                + period.map(p -> " untuk periode " + p).orElse(""),
                        "There is no failed refresh to resume"
                                + period.map(p -> " for " + p).orElse(""));
            }
            if (last.getStatus().isRunning() || last.getStatus() == BatchStatus.UNKNOWN) {
                last = jobOperator.recover(last);
            }
            runAudit.next(command, last.getId());
            JobExecution resumed = jobOperator.restart(last);
            return outcome(RefreshJobConfiguration.period(resumed), resumed);
        }
    }

    /** Takes the data-directory lock, or says in one sentence who holds it. */
    DataDirectoryLock lock(String what) {
        dataDirectory.createRestrictedFolders();
        try {
            return DataDirectoryLock.acquire(dataDirectory, what);
        } catch (DataDirectoryLock.HeldException e) {
            throw locked(e.holder());
        }
    }

    public static OperatorException locked(String holder) {
        return new OperatorException(
                "Direktori data sedang dipakai oleh proses lain (" + holder + "); tunggu sampai selesai",
                "The data directory is in use by another run (" + holder + "); wait for it to finish");
    }

    RefreshOutcome outcome(YearMonth period, JobExecution execution) {
        List<RefreshOutcome.FileOutcome> files = new ArrayList<>();
        for (StepExecution step : execution.getStepExecutions()) {
            if (InboxPartitioner.isPartition(step.getStepName())) {
                files.add(new RefreshOutcome.FileOutcome(
                        InboxPartitioner.sourceName(step.getStepName()),
                        step.getExecutionContext().getString("status", "UNKNOWN"),
                        step.getReadCount(),
                        step.getWriteCount(),
                        step.getFilterCount(),
                        step.getExecutionContext().containsKey(RefreshJobConfiguration.KEPT)));
            }
        }
        files.sort((left, right) -> left.file().compareTo(right.file()));
        List<Throwable> failures = execution.getAllFailureExceptions();
        return new RefreshOutcome(
                period,
                execution.getId(),
                execution.getStatus(),
                files,
                RefreshJobConfiguration.linkCounts(execution),
                failures.isEmpty() ? null : operatorFailure(execution, failures.get(0)));
    }

    /** A full disk met in any step reads as one sentence naming the step (the build step names its folder itself). */
    private Throwable operatorFailure(JobExecution execution, Throwable failure) {
        if (failure instanceof id.satupintu.jobs.OperatorMessage || !DiskFull.isCause(failure)) {
            return failure;
        }
        String step = execution.getStepExecutions().stream()
                .filter(stepExecution -> stepExecution.getFailureExceptions().contains(failure))
                .map(StepExecution::getStepName)
                .map(name -> InboxPartitioner.isPartition(name) ? "ingest" : name)
                .findFirst()
                .orElse("refresh");
        return DiskFull.in(step, dataDirectory.root());
    }
}
