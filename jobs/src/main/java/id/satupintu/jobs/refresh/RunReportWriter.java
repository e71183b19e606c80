package id.satupintu.jobs.refresh;

import static java.util.Objects.requireNonNull;

import id.satupintu.jobs.OperatorMessage;
import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.report.ReportLabels;
import id.satupintu.pipeline.report.RunFacts;
import id.satupintu.pipeline.report.RunReportFigures;
import id.satupintu.pipeline.report.RunReportPage;
import id.satupintu.pipeline.report.WarehouseVersion;
import id.satupintu.pipeline.warehouse.WarehousePublisher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes what a refresh run did as {@code reports/YYYY-MM/run-N.json}: status and timings per step,
 * rows read, staged and rejected per file, rejects by rule, the data-test results of the warehouse
 * it built, and which warehouse is published. Counts and names of files and rules only: no personal
 * data. Beside it, {@code run-N.html} ({@link RunReportPage}) shows the run and the published
 * warehouse's figures as charts, in the run's language.
 */
final class RunReportWriter implements JobExecutionListener {
    private static final Logger log = LoggerFactory.getLogger(RunReportWriter.class);
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private final DataDirectory dataDirectory;
    private final String onFailureCommand;
    private final Locale locale;
    private final JsonMapper json =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * @param onFailureCommand a shell command run after a run that did not complete; blank for none
     * @param locale the language of the HTML report
     */
    RunReportWriter(DataDirectory dataDirectory, String onFailureCommand, Locale locale) {
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null");
        this.onFailureCommand = requireNonNull(onFailureCommand, "onFailureCommand is null");
        this.locale = requireNonNull(locale, "locale is null");
    }

    /**
     * The report of a run that did not complete, and the failure command. A completed run's report
     * is written by its last step ({@link #writeCompleted}), so a failure to write it fails the run
     * and {@code restart} writes it.
     */
    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return;
        }
        Path written = write(execution, execution.getStatus(), execution.getEndTime(), null);
        if (!onFailureCommand.isBlank()) {
            notifyFailure(RefreshJobConfiguration.period(execution), execution, written);
        }
    }

    /** The report of the run {@code reportStep} ends: every step before it completed, the warehouse is published. */
    Path writeCompleted(StepExecution reportStep) {
        return write(reportStep.getJobExecution(), BatchStatus.COMPLETED, LocalDateTime.now(), reportStep);
    }

    private Path write(JobExecution execution, BatchStatus status, LocalDateTime ended, StepExecution reportStep) {
        YearMonth period = RefreshJobConfiguration.period(execution);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("run", execution.getId());
        report.put("period", period.toString());
        report.put("status", status.name());
        report.put("started", String.valueOf(execution.getStartTime()));
        report.put("ended", String.valueOf(ended));
        report.put("durationMillis", millis(execution.getStartTime(), ended));
        List<Map<String, Object>> steps = new ArrayList<>();
        List<Map<String, Object>> files = new ArrayList<>();
        List<RunFacts.StepTiming> stepTimings = new ArrayList<>();
        List<RunFacts.FileRun> fileRuns = new ArrayList<>();
        for (StepExecution step : execution.getStepExecutions()) {
            if (reportStep != null && step.getId() == reportStep.getId()) {
                // the step writing this report is still running
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("step", step.getStepName());
            entry.put("status", step.getStatus().name());
            entry.put("durationMillis", millis(step.getStartTime(), step.getEndTime()));
            if (InboxPartitioner.isPartition(step.getStepName())) {
                Map<String, Object> file = new LinkedHashMap<>();
                file.put("file", InboxPartitioner.sourceName(step.getStepName()));
                file.put("status", step.getExecutionContext().getString("status", "UNKNOWN"));
                file.put("rowsRead", step.getReadCount());
                file.put("rowsStaged", step.getWriteCount());
                file.put("rowsRejected", step.getFilterCount());
                file.put("durationMillis", entry.get("durationMillis"));
                // unchanged since the ingest at this time: kept in the lake, not read again
                file.put("keptFromIngestAt", step.getExecutionContext().getString(RefreshJobConfiguration.KEPT, null));
                files.add(file);
                fileRuns.add(new RunFacts.FileRun(
                        (String) file.get("file"),
                        (String) file.get("status"),
                        step.getReadCount(),
                        step.getWriteCount(),
                        step.getFilterCount(),
                        (Long) entry.get("durationMillis")));
            } else {
                steps.add(entry);
                stepTimings.add(new RunFacts.StepTiming(
                        step.getStepName(), step.getStatus().name(), (Long) entry.get("durationMillis")));
            }
        }
        files.sort((left, right) -> ((String) left.get("file")).compareTo((String) right.get("file")));
        report.put("steps", steps);
        report.put("files", files);
        report.put("rejectsByRule", rejectsByRule(period));
        report.put("linkage", RefreshJobConfiguration.linkCounts(execution));
        boolean published = status == BatchStatus.COMPLETED;
        report.put("dataTests", published ? dataTests() : List.of());
        Map<String, Object> warehouse = new LinkedHashMap<>();
        warehouse.put("published", published);
        warehouse.put("file", dataDirectory.publishedWarehouse().toString());
        warehouse.put("keptVersions", new WarehousePublisher(dataDirectory).versions());
        report.put("warehouse", warehouse);
        report.put(
                "failures",
                execution.getAllFailureExceptions().stream()
                        .map(e -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                        .toList());
        Path json = write(period, execution.getId(), report);
        fileRuns.sort(java.util.Comparator.comparing(RunFacts.FileRun::file));
        writePage(
                new RunFacts(
                        execution.getId(),
                        period,
                        status.name(),
                        Optional.ofNullable(execution.getStartTime()),
                        (Long) report.get("durationMillis"),
                        stepTimings,
                        fileRuns,
                        // the page speaks the run's language where the failure has its own sentence
                        execution.getAllFailureExceptions().stream()
                                .map(e -> e instanceof OperatorMessage operator
                                        ? operator.message(locale)
                                        : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                                .toList()),
                published,
                reportStep != null);
        return json;
    }

    /**
     * Writes {@code run-N.html} beside the JSON report, with the published warehouse's figures when
     * the run published it. For a completed run a failure fails the report step (restart writes it);
     * a failed run's page is written as far as it can be.
     */
    private void writePage(RunFacts run, boolean published, boolean mustSucceed) {
        Path warehouseFile = dataDirectory.publishedWarehouse();
        ZonedDateTime now = ZonedDateTime.now(JAKARTA).withNano(0);
        try {
            Path page;
            if (published && Files.exists(warehouseFile)) {
                try (Connection warehouse = DuckDb.openReadOnly(warehouseFile)) {
                    RunReportFigures figures = RunReportFigures.read(
                            warehouse,
                            run.period(),
                            WarehouseVersion.of(warehouseFile),
                            dataDirectory.inbox(run.period()));
                    page = RunReportPage.write(
                            run,
                            Optional.of(figures),
                            ReportLabels.of(locale),
                            now,
                            dataDirectory.reports(run.period()));
                }
            } else {
                page = RunReportPage.write(
                        run, Optional.empty(), ReportLabels.of(locale), now, dataDirectory.reports(run.period()));
            }
            log.info("Run report {}", page);
        } catch (IOException | SQLException | RuntimeException e) {
            if (mustSucceed) {
                throw new IllegalStateException(
                        "Cannot write the HTML run report of run " + run.runId() + ": " + e.getMessage(), e);
            }
            log.warn("Cannot write the HTML run report of run {}: {}", run.runId(), e.getMessage());
        }
    }

    /**
     * Runs the configured command (mail, chat) with the run's period, id, status and report path in
     * its environment, so an operator hears of a failed refresh without reading logs.
     */
    private void notifyFailure(YearMonth period, JobExecution execution, Path report) {
        ProcessBuilder command = new ProcessBuilder("sh", "-c", onFailureCommand)
                .directory(dataDirectory.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        command.environment().put("SATUPINTU_PERIOD", period.toString());
        command.environment().put("SATUPINTU_RUN", Long.toString(execution.getId()));
        command.environment().put("SATUPINTU_STATUS", execution.getStatus().name());
        command.environment().put("SATUPINTU_REPORT", report.toString());
        try {
            Process process = command.start();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                log.warn("The failure command of run {} did not end within 60 s", execution.getId());
            } else if (process.exitValue() != 0) {
                log.warn(
                        "The failure command of run {} ended with exit code {}",
                        execution.getId(),
                        process.exitValue());
            }
        } catch (IOException e) {
            log.warn("Cannot run the failure command of run {}: {}", execution.getId(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Path write(YearMonth period, long run, Map<String, Object> report) {
        try {
            Path folder = Files.createDirectories(dataDirectory.reports(period));
            Path target = folder.resolve("run-" + run + ".json");
            Path temporary = folder.resolve(".run-" + run + ".json.tmp");
            Files.writeString(temporary, json.writeValueAsString(report));
            DataDirectory.ownerOnlyFile(temporary);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.info("Run report {}", target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the run report of run " + run, e);
        }
    }

    private Map<String, Long> rejectsByRule(YearMonth period) {
        Path folder = dataDirectory.rejected().resolve("period=" + period);
        Map<String, Long> byRule = new LinkedHashMap<>();
        if (!Files.isDirectory(folder) || !hasParquet(folder)) {
            return byRule;
        }
        String sql = "SELECT rule_id, count(*) FROM read_parquet("
                + DuckDb.literal(folder.resolve("**").resolve("*.parquet")) + ") GROUP BY rule_id ORDER BY rule_id";
        try (Connection duckdb = DuckDb.inMemory(1);
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                byRule.put(result.getString(1), result.getLong(2));
            }
        } catch (SQLException e) {
            log.warn("Cannot count the rejects of {} for the run report: {}", period, e.getMessage());
        }
        return byRule;
    }

    private List<Map<String, Object>> dataTests() {
        List<Map<String, Object>> tests = new ArrayList<>();
        if (!Files.exists(dataDirectory.publishedWarehouse())) {
            return tests;
        }
        try (Connection warehouse = DuckDb.openReadOnly(dataDirectory.publishedWarehouse());
                Statement statement = warehouse.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT test_name, severity, failing_rows FROM data_test_result ORDER BY test_name")) {
            while (result.next()) {
                Map<String, Object> test = new LinkedHashMap<>();
                test.put("test", result.getString(1));
                test.put("severity", result.getString(2));
                test.put("failingRows", result.getLong(3));
                tests.add(test);
            }
        } catch (SQLException e) {
            log.warn("Cannot read the data-test results for the run report: {}", e.getMessage());
        }
        return tests;
    }

    private static boolean hasParquet(Path folder) {
        try (var files = Files.walk(folder)) {
            return files.anyMatch(file -> file.toString().endsWith(".parquet"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long millis(LocalDateTime start, LocalDateTime end) {
        return start == null || end == null ? 0 : Duration.between(start, end).toMillis();
    }
}
