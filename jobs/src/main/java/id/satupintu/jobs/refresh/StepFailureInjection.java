package id.satupintu.jobs.refresh;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.partition.StepExecutionAggregator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;

/**
 * A test hook, off unless a test turns it on: with the Spring property {@value #PROPERTY} set to a
 * step name ({@code prepare}, {@code ingest}, {@code ingestFile:file:<inbox file>}, {@code link},
 * {@code build}, {@code publish}, {@code report}), that step throws at the end of its work: its
 * outputs are written, but the job repository records it as failed. That is the moment a failure
 * hurts a restart most, since the resumed run redoes the step over what it already wrote
 * ({@code StepFailureRestartIT} fails every step in turn). Empty, the default, it does nothing. It is
 * no operator option: it is in no {@code --help} and not in {@code application.properties}, and a
 * run that has it set says so in a warning.
 */
final class StepFailureInjection {
    static final String PROPERTY = "satupintu.test.fail-at";

    private static final Logger log = LoggerFactory.getLogger(StepFailureInjection.class);

    private final String stepName;

    StepFailureInjection(String stepName) {
        this.stepName = requireNonNull(stepName, "stepName is null").strip();
        if (!this.stepName.isEmpty()) {
            log.warn("Test hook {}={}: that step of every refresh fails", PROPERTY, this.stepName);
        }
    }

    /** {@code work}, then the injected failure if its step is the one named. */
    Tasklet after(Tasklet work) {
        requireNonNull(work, "work is null");
        return (contribution, chunkContext) -> {
            var status = work.execute(contribution, chunkContext);
            failIfNamed(contribution.getStepExecution());
            return status;
        };
    }

    /** {@code aggregator} (the end of a partitioned step), then the injected failure if its step is named. */
    StepExecutionAggregator after(StepExecutionAggregator aggregator) {
        requireNonNull(aggregator, "aggregator is null");
        return (StepExecution result, Collection<StepExecution> partitions) -> {
            aggregator.aggregate(result, partitions);
            failIfNamed(result);
        };
    }

    private void failIfNamed(StepExecution step) {
        if (step.getStepName().equals(stepName)) {
            throw new InjectedFailure(stepName);
        }
    }

    /** The failure the hook throws, so a test tells it from a real one. */
    static final class InjectedFailure extends RuntimeException {
        InjectedFailure(String stepName) {
            super("Injected failure at the end of step " + stepName + " (" + PROPERTY + ")");
        }
    }
}
