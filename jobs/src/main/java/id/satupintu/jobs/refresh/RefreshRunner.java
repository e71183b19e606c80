package id.satupintu.jobs.refresh;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/** Starts {@code monthlyRefresh} for a period and tells what it did. */
@Component
public final class RefreshRunner {
    private final JobOperator jobOperator;
    private final Job monthlyRefreshJob;

    RefreshRunner(JobOperator jobOperator, Job monthlyRefreshJob) {
        this.jobOperator = requireNonNull(jobOperator, "jobOperator is null");
        this.monthlyRefreshJob = requireNonNull(monthlyRefreshJob, "monthlyRefreshJob is null");
    }

    public RefreshOutcome refresh(YearMonth period) throws Exception {
        JobParameters parameters = new JobParametersBuilder()
                .addString(RefreshJobConfiguration.PERIOD, period.toString())
                // every refresh of a period is a new run: a corrected roster may have arrived
                .addLong("run", System.currentTimeMillis())
                .toJobParameters();
        JobExecution execution = jobOperator.start(monthlyRefreshJob, parameters);
        return outcome(period, execution);
    }

    static RefreshOutcome outcome(YearMonth period, JobExecution execution) {
        List<RefreshOutcome.FileOutcome> files = new ArrayList<>();
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStepName().startsWith("ingestFile:")) {
                files.add(new RefreshOutcome.FileOutcome(
                        step.getStepName().substring("ingestFile:file:".length()),
                        step.getExecutionContext().getString("status", "UNKNOWN"),
                        step.getReadCount(),
                        step.getWriteCount(),
                        step.getFilterCount()));
            }
        }
        files.sort((left, right) -> left.file().compareTo(right.file()));
        List<Throwable> failures = execution.getAllFailureExceptions();
        return new RefreshOutcome(
                period, execution.getId(), execution.getStatus(), files, failures.isEmpty() ? null : failures.get(0));
    }
}
