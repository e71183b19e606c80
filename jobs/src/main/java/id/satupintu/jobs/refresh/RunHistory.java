package id.satupintu.jobs.refresh;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/** The refresh runs the job repository remembers, newest first. */
@Component
public final class RunHistory {
    private final JobRepository jobRepository;

    RunHistory(JobRepository jobRepository) {
        this.jobRepository = requireNonNull(jobRepository, "jobRepository is null");
    }

    public List<RunSummary> recent(int count) {
        List<RunSummary> runs = new ArrayList<>();
        for (JobInstance instance : jobRepository.getJobInstances(RefreshJobConfiguration.JOB_NAME, 0, count)) {
            for (JobExecution execution : jobRepository.getJobExecutions(instance)) {
                runs.add(RunSummary.of(execution));
            }
        }
        runs.sort(Comparator.comparingLong(RunSummary::runId).reversed());
        return runs.subList(0, Math.min(count, runs.size()));
    }

    /** The run in progress, if any. */
    public Optional<RunSummary> running() {
        return jobRepository.findRunningJobExecutions(RefreshJobConfiguration.JOB_NAME).stream()
                .map(RunSummary::of)
                .max(Comparator.comparingLong(RunSummary::runId));
    }
}
