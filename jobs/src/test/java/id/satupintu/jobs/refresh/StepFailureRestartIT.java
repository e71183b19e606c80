package id.satupintu.jobs.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.jobs.BatchApplication;
import id.satupintu.pipeline.generate.FaultRates;
import id.satupintu.pipeline.generate.GeneratorSettings;
import id.satupintu.pipeline.generate.SyntheticRosterGenerator;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.warehouse.WarehousePublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * A refresh that fails at the end of any one of its steps (every ingest partition, the ingest step
 * itself, prepare, link, build, publish, report), then {@code restart} in a new application as an
 * operator runs it: the job repository shows the failed run and then the completed one, the
 * resumed run redid only the steps that had not completed, and the published warehouse equals a
 * clean run's in every table, row for row. The failure comes from the test hook
 * {@link StepFailureInjection} ({@code satupintu.test.fail-at}) after the step wrote its outputs,
 * so every step is redone over what it already wrote.
 *
 * <p>One small Buleleng (two months, faults at the default rates, so there are rejects, flags and
 * review pairs) is generated once, and its first month refreshed once; each trial refreshes the
 * second month in a copy of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StepFailureRestartIT {
    private static final YearMonth FIRST = YearMonth.of(2026, 9);
    private static final YearMonth SECOND = YearMonth.of(2026, 10);
    /** The job's steps in order; the ingest partitions run inside {@code ingest}. */
    private static final List<String> STEPS = List.of("prepare", "ingest", "link", "build", "publish", "report");

    @TempDir
    static Path root;

    private DataDirectory firstMonthDone;
    private List<String> partitions;
    private List<String> cleanWarehouse;
    private int cleanVersions;

    @BeforeAll
    void refreshTheFirstMonthOnceAndTheSecondCleanly() throws Exception {
        firstMonthDone = new DataDirectory(root.resolve("first-month-done"));
        new SyntheticRosterGenerator(new GeneratorSettings("51.08", FIRST, 2, 1_500, 20261125L, FaultRates.defaults()))
                .generate(firstMonthDone.root());
        BatchStatus firstMonth = run(firstMonthDone, Map.of(), runner -> refresh(runner, FIRST));
        assertThat(firstMonth).isEqualTo(BatchStatus.COMPLETED);
        partitions = RefreshJobConfiguration.inboxFiles(firstMonthDone, SECOND)
                .map(file -> InboxPartitioner.STEP_PREFIX + "file:" + file.getFileName())
                .toList();
        assertThat(partitions).hasSize(10);

        DataDirectory clean = copy(firstMonthDone, "clean");
        List<JobExecution> executions = BatchApplication.run(clean, context -> {
            assertThat(refresh(context.getBean(RefreshRunner.class), SECOND)).isEqualTo(BatchStatus.COMPLETED);
            return secondMonthExecutions(context.getBean(JobRepository.class));
        });
        assertThat(executions).hasSize(1);
        // the trials below fail every one of these
        assertThat(stepNames(executions.get(0))).containsExactlyInAnyOrderElementsOf(allSteps());
        cleanWarehouse = WarehouseContent.of(clean.publishedWarehouse());
        cleanVersions = new WarehousePublisher(clean).versions().size();
        assertThat(cleanVersions).isEqualTo(1);
    }

    @TestFactory
    Stream<DynamicTest> aRunFailedAtTheEndOfAnyStepIsResumedToTheCleanRunsWarehouse() {
        return allSteps().stream()
                .map(step -> DynamicTest.dynamicTest("failed at the end of " + step, () -> failThenRestart(step)));
    }

    private void failThenRestart(String failedStep) throws Exception {
        DataDirectory data = copy(firstMonthDone, "failed-" + failedStep.replaceAll("[^a-z0-9_.-]", "_"));

        BatchStatus failed =
                run(data, Map.of(StepFailureInjection.PROPERTY, failedStep), runner -> refresh(runner, SECOND));
        record Restarted(BatchStatus status, List<JobExecution> executions) {}
        Restarted restarted = BatchApplication.run(data, context -> {
            try {
                BatchStatus status = context.getBean(RefreshRunner.class)
                        .restart(Optional.of(SECOND))
                        .status();
                return new Restarted(status, secondMonthExecutions(context.getBean(JobRepository.class)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(List.of(failed, restarted.status())).containsExactly(BatchStatus.FAILED, BatchStatus.COMPLETED);

        // the job repository: one run of the month, failed at that step, then completed by the restart
        List<JobExecution> executions = restarted.executions();
        assertThat(executions)
                .extracting(JobExecution::getStatus)
                .containsExactly(BatchStatus.FAILED, BatchStatus.COMPLETED);
        JobExecution first = executions.get(0);
        JobExecution resumed = executions.get(1);
        assertThat(first.getStepExecutions().stream()
                        .filter(step -> step.getStatus() != BatchStatus.COMPLETED)
                        .map(step -> step.getStepName() + " " + step.getStatus())
                        .sorted())
                .as("steps of the failed run that did not complete")
                .containsExactlyElementsOf(notCompleted(failedStep));
        assertThat(first.getStepExecutions().stream()
                        .filter(step -> step.getStepName().equals(failedStep))
                        .map(step -> step.getExitStatus().getExitDescription()))
                .singleElement()
                .asString()
                .contains("Injected failure at the end of step " + failedStep + " (satupintu.test.fail-at)");
        assertThat(stepNames(resumed))
                .as("steps the restart ran")
                .containsExactlyInAnyOrderElementsOf(resumedSteps(failedStep));
        assertThat(resumed.getStepExecutions())
                .extracting(StepExecution::getStatus)
                .containsOnly(BatchStatus.COMPLETED);
        // each run says what it did in its report
        assertThat(Files.readString(reportOf(data, first))).contains("\"status\" : \"FAILED\"");
        assertThat(Files.readString(reportOf(data, resumed))).contains("\"status\" : \"COMPLETED\"");

        // the published warehouse is the clean run's, published once, with no build left behind
        assertThat(WarehouseContent.of(data.publishedWarehouse())).containsExactlyElementsOf(cleanWarehouse);
        assertThat(new WarehousePublisher(data).versions()).hasSize(cleanVersions);
        try (Stream<Path> builds = Files.list(data.warehouseBuilds())) {
            assertThat(builds.map(file -> file.getFileName().toString()).filter(name -> name.contains(".duckdb")))
                    .isEmpty();
        }
    }

    /** Every step a run of the second month has: the job's steps and one partition per inbox file. */
    private List<String> allSteps() {
        List<String> steps = new ArrayList<>(STEPS);
        steps.addAll(STEPS.indexOf("ingest") + 1, partitions);
        return steps;
    }

    /** The steps of the failed run left not completed: the failed one, and the ingest step around a partition. */
    private static List<String> notCompleted(String failedStep) {
        if (InboxPartitioner.isPartition(failedStep)) {
            return List.of("ingest FAILED", failedStep + " FAILED");
        }
        return List.of(failedStep + " FAILED");
    }

    /** What a restart runs: the failed step (a failed partition in the ingest step) and the steps after it. */
    private List<String> resumedSteps(String failedStep) {
        List<String> steps = new ArrayList<>();
        if (InboxPartitioner.isPartition(failedStep)) {
            steps.add("ingest");
            steps.add(failedStep);
            steps.addAll(STEPS.subList(STEPS.indexOf("ingest") + 1, STEPS.size()));
        } else if (failedStep.equals("prepare")) {
            steps.addAll(allSteps());
        } else {
            steps.addAll(STEPS.subList(STEPS.indexOf(failedStep), STEPS.size()));
        }
        return steps;
    }

    /** The runs of the second month the job repository holds, oldest first. */
    private static List<JobExecution> secondMonthExecutions(JobRepository repository) {
        List<JobExecution> executions = new ArrayList<>();
        for (JobInstance instance :
                repository.getJobInstances(RefreshJobConfiguration.JOB_NAME, 0, Integer.MAX_VALUE)) {
            for (JobExecution execution : repository.getJobExecutions(instance)) {
                if (RefreshJobConfiguration.period(execution).equals(SECOND)) {
                    executions.add(execution);
                }
            }
        }
        executions.sort(Comparator.comparingLong(JobExecution::getId));
        return executions;
    }

    private static List<String> stepNames(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .map(StepExecution::getStepName)
                .toList();
    }

    private static Path reportOf(DataDirectory data, JobExecution execution) {
        return data.reports(SECOND).resolve("run-" + execution.getId() + ".json");
    }

    private static BatchStatus refresh(RefreshRunner runner, YearMonth period) {
        try {
            return runner.refresh(period).status();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code work} with the refresh runner of an application started for it, then stopped. */
    private static <T> T run(DataDirectory data, Map<String, Object> properties, Function<RefreshRunner, T> work) {
        return BatchApplication.run(data, properties, context -> work.apply(context.getBean(RefreshRunner.class)));
    }

    private static DataDirectory copy(DataDirectory source, String name) {
        return WarehouseContent.copy(source, root.resolve(name));
    }
}
