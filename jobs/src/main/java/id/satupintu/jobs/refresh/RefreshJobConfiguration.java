package id.satupintu.jobs.refresh;

import id.satupintu.jobs.OperatorException;
import id.satupintu.pipeline.ingest.FileManifest;
import id.satupintu.pipeline.ingest.Inbox;
import id.satupintu.pipeline.ingest.RosterIngest;
import id.satupintu.pipeline.ingest.SourceDefinition;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.linkage.PeriodLinkage;
import id.satupintu.pipeline.warehouse.BuiltWarehouse;
import id.satupintu.pipeline.warehouse.WarehouseBuilder;
import id.satupintu.pipeline.warehouse.WarehousePublisher;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.DefaultStepExecutionAggregator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The monthly refresh: prepare the period's lake partitions, ingest every inbox file of the period
 * and every JDBC source of the source catalogue (one partition per file or source, in parallel),
 * link the period's rows into persons, build a new warehouse over the whole lake, publish it, write
 * the run report. Each step is a thin adapter over a pipeline operation and can be re-run: outputs
 * are written under temporary names and renamed into place, so a step that failed after writing
 * them (see {@link StepFailureInjection}) is redone over them and gives what a clean run gives.
 */
@Configuration(proxyBeanMethods = false)
class RefreshJobConfiguration {
    static final String JOB_NAME = "monthlyRefresh";
    static final String PERIOD = "period";
    /** Job-context keys of the link step's counts start with this. */
    static final String LINK_PREFIX = "link.";

    static final String BUILT_WAREHOUSE = "builtWarehouse";
    /** Set in an ingest partition's context when its file was unchanged and its lake output kept. */
    static final String KEPT = "kept";

    @Bean
    DataDirectory dataDirectory(@Value("${satupintu.data-dir}") Path root) {
        return new DataDirectory(root);
    }

    @Bean
    RefreshProgress refreshProgress(DataDirectory dataDirectory) {
        return new RefreshProgress(dataDirectory, System.console() != null);
    }

    @Bean
    StepFailureInjection stepFailureInjection(@Value("${" + StepFailureInjection.PROPERTY + ":}") String failAt) {
        return new StepFailureInjection(failAt);
    }

    @Bean
    RefreshSources refreshSources(
            DataDirectory dataDirectory, @Value("${satupintu.source-catalogue:}") String sourceCatalogue) {
        return new RefreshSources(dataDirectory, sourceCatalogue);
    }

    @Bean
    Step prepareStep(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            StepFailureInjection failures,
            DataDirectory data,
            RefreshSources sources,
            RefreshProgress refreshProgress) {
        return new StepBuilder("prepare", jobRepository)
                .listener(refreshProgress)
                .tasklet(
                        failures.after((contribution, chunkContext) -> {
                            YearMonth period = period(contribution.getStepExecution());
                            // an unusable catalogue stops the run here, before the lake is touched
                            boolean jdbcSources =
                                    !sources.catalogue().jdbcSources().isEmpty();
                            if (inboxFiles(data, period).findAny().isEmpty() && !jdbcSources) {
                                // with a JDBC source configured there is always something to ingest
                                throw new OperatorException(
                                        "Tidak ada berkas roster di " + data.inbox(period),
                                        "No roster files in " + data.inbox(period));
                            }
                            // files taken out of the inbox since an earlier run must not stay in the lake;
                            // what an unchanged file wrote stays, and ingest keeps it (RosterIngest)
                            sources.ingest()
                                    .keepOnly(
                                            period,
                                            inboxFiles(data, period).toList(),
                                            sources.catalogue().jdbcSources());
                            return RepeatStatus.FINISHED;
                        }),
                        transactionManager)
                .build();
    }

    @Bean
    Step ingestFileStep(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            StepFailureInjection failures,
            RefreshSources sources,
            RefreshProgress refreshProgress) {
        return new StepBuilder("ingestFile", jobRepository)
                .listener(refreshProgress)
                .tasklet(
                        failures.after((contribution, chunkContext) -> {
                            StepExecution step = contribution.getStepExecution();
                            ExecutionContext partition = step.getExecutionContext();
                            RosterIngest rosterIngest = sources.ingest();
                            FileManifest manifest = partition.containsKey(InboxPartitioner.JDBC_SOURCE)
                                    ? rosterIngest.ingestJdbc(
                                            period(step),
                                            jdbcSource(sources, partition.getString(InboxPartitioner.JDBC_SOURCE)))
                                    : rosterIngest.ingest(
                                            period(step), Path.of(partition.getString(InboxPartitioner.FILE)));
                            step.setReadCount(manifest.rowsRead());
                            contribution.incrementWriteCount(manifest.rowsStaged());
                            contribution.incrementFilterCount(manifest.rowsRejected());
                            step.getExecutionContext()
                                    .putString("status", manifest.status().name());
                            // a file kept as an earlier run ingested it carries that run's time
                            if (manifest.ingestedAt()
                                    .isBefore(step.getStartTime()
                                            .atZone(ZoneId.systemDefault())
                                            .toInstant())) {
                                step.getExecutionContext()
                                        .putString(KEPT, manifest.ingestedAt().toString());
                            }
                            return RepeatStatus.FINISHED;
                        }),
                        transactionManager)
                .build();
    }

    @Bean
    @StepScope
    Partitioner inboxPartitioner(
            DataDirectory data, RefreshSources sources, @Value("#{jobParameters['period']}") String period) {
        return new InboxPartitioner(
                inboxFiles(data, YearMonth.parse(period)).toList(),
                sources.catalogue().jdbcSources());
    }

    @Bean
    Step ingestStep(
            JobRepository jobRepository,
            Step ingestFileStep,
            Partitioner inboxPartitioner,
            StepFailureInjection failures,
            RefreshProgress refreshProgress) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("ingest-");
        executor.setConcurrencyLimit(Math.max(1, Runtime.getRuntime().availableProcessors()));
        return new StepBuilder("ingest", jobRepository)
                .listener(refreshProgress)
                .partitioner(ingestFileStep.getName(), inboxPartitioner)
                .step(ingestFileStep)
                .taskExecutor(executor)
                .aggregator(failures.after(new DefaultStepExecutionAggregator()))
                .build();
    }

    /** Links every staged row of the period into persons with stable ids (lake/linked/). */
    @Bean
    Step linkStep(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            StepFailureInjection failures,
            DataDirectory data,
            RefreshProgress refreshProgress) {
        return new StepBuilder("link", jobRepository)
                .listener(refreshProgress)
                .tasklet(
                        failures.after((contribution, chunkContext) -> {
                            StepExecution step = contribution.getStepExecution();
                            PeriodLinkage.Result linked = new PeriodLinkage(
                                            data,
                                            Math.max(1, Runtime.getRuntime().availableProcessors()))
                                    .link(period(step));
                            ExecutionContext jobContext = step.getJobExecution().getExecutionContext();
                            jobContext.putLong(LINK_PREFIX + "rows", linked.rows());
                            jobContext.putLong(LINK_PREFIX + "candidatePairs", linked.candidatePairs());
                            jobContext.putLong(LINK_PREFIX + "persons", linked.persons());
                            jobContext.putLong(LINK_PREFIX + "personsKeepingTheirId", linked.inherited());
                            jobContext.putLong(LINK_PREFIX + "merges", linked.merges());
                            jobContext.putLong(LINK_PREFIX + "splits", linked.splits());
                            jobContext.putLong(LINK_PREFIX + "nikGanda", linked.nikGanda());
                            jobContext.putLong(LINK_PREFIX + "reviewPairs", linked.reviewPairs());
                            jobContext.putLong(LINK_PREFIX + "overridesApplied", linked.overridesApplied());
                            jobContext.putLong(LINK_PREFIX + "rejectedRowsMatched", linked.rejectedMatched());
                            contribution.incrementWriteCount(linked.persons());
                            return RepeatStatus.FINISHED;
                        }),
                        transactionManager)
                .build();
    }

    @Bean
    Step buildStep(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            StepFailureInjection failures,
            DataDirectory data,
            RefreshProgress refreshProgress) {
        return new StepBuilder("build", jobRepository)
                .listener(refreshProgress)
                .tasklet(
                        failures.after((contribution, chunkContext) -> {
                            StepExecution step = contribution.getStepExecution();
                            String buildId = "run-" + step.getJobExecutionId();
                            // under the data-directory lock any other build is a leftover of a run that
                            // failed or was killed in this step; only its own run's publish would read it
                            deleteLeftoverBuilds(data);
                            BuiltWarehouse built;
                            try {
                                built = new WarehouseBuilder(data, WilayahTable.national()).build(buildId);
                            } catch (Exception e) {
                                if (DiskFull.isCause(e)) {
                                    throw DiskFull.in("build", data.warehouseBuilds());
                                }
                                throw e;
                            }
                            ExecutionContext jobContext = step.getJobExecution().getExecutionContext();
                            jobContext.putString(BUILT_WAREHOUSE, built.file().toString());
                            // the step's own context is saved with its work, before the step is marked
                            // completed; the job's is saved after, so a kill in between loses it there
                            step.getExecutionContext()
                                    .putString(BUILT_WAREHOUSE, built.file().toString());
                            built.tableRows().forEach((table, rows) -> jobContext.putLong("rows." + table, rows));
                            contribution.incrementWriteCount(built.tableRows().getOrDefault("enrollment", 0L));
                            return RepeatStatus.FINISHED;
                        }),
                        transactionManager)
                .build();
    }

    @Bean
    Step publishStep(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            StepFailureInjection failures,
            DataDirectory data,
            @Value("${satupintu.warehouse.keep-versions}") int keepVersions,
            RefreshProgress refreshProgress) {
        return new StepBuilder("publish", jobRepository)
                .listener(refreshProgress)
                .tasklet(
                        failures.after((contribution, chunkContext) -> {
                            StepExecution step = contribution.getStepExecution();
                            Path built = builtWarehouse(jobRepository, step);
                            WarehousePublisher publisher =
                                    new WarehousePublisher(data, keepVersions, java.time.Clock.systemUTC());
                            if (publisher.isPending(built)) {
                                publisher.publish(built);
                            } else if (!Files.exists(data.publishedWarehouse())) {
                                throw new OperatorException(
                                        "Gudang data hasil build hilang: " + built,
                                        "Built warehouse is gone: " + built);
                            }
                            return RepeatStatus.FINISHED;
                        }),
                        transactionManager)
                .build();
    }

    @Bean
    RunAudit runAudit(DataDirectory data) {
        return new RunAudit(data);
    }

    @Bean
    RunReportWriter runReportWriter(
            DataDirectory data,
            @Value("${satupintu.on-failure.command:}") String onFailureCommand,
            @Value("${" + id.satupintu.jobs.Language.PROPERTY + ":id}") String lang) {
        return new RunReportWriter(data, onFailureCommand, id.satupintu.jobs.Language.locale(lang));
    }

    /** Writes the run report of the completed run (a run that fails gets its report from the job listener). */
    @Bean
    Step reportStep(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            StepFailureInjection failures,
            RunReportWriter runReportWriter,
            RefreshProgress refreshProgress) {
        return new StepBuilder("report", jobRepository)
                .listener(refreshProgress)
                .tasklet(
                        failures.after((contribution, chunkContext) -> {
                            runReportWriter.writeCompleted(contribution.getStepExecution());
                            return RepeatStatus.FINISHED;
                        }),
                        transactionManager)
                .build();
    }

    @Bean
    Job monthlyRefreshJob(
            JobRepository jobRepository,
            Step prepareStep,
            Step ingestStep,
            Step linkStep,
            Step buildStep,
            Step publishStep,
            Step reportStep,
            RefreshProgress refreshProgress,
            RunReportWriter runReportWriter,
            RunAudit runAudit) {
        return new JobBuilder(JOB_NAME, jobRepository)
                // first, so its end line is written last, after the run report
                .listener(runAudit)
                .listener(refreshProgress)
                .listener(runReportWriter)
                .start(prepareStep)
                .next(ingestStep)
                .next(linkStep)
                .next(buildStep)
                .next(publishStep)
                .next(reportStep)
                .build();
    }

    /**
     * The warehouse the build step of this run built: from the job's context, or, when a kill came
     * after the build step completed and before the job's context was saved, from the build step's
     * own context (saved with its work).
     */
    private static Path builtWarehouse(JobRepository jobRepository, StepExecution publish) {
        ExecutionContext jobContext = publish.getJobExecution().getExecutionContext();
        if (jobContext.containsKey(BUILT_WAREHOUSE)) {
            return Path.of(jobContext.getString(BUILT_WAREHOUSE));
        }
        StepExecution build =
                jobRepository.getLastStepExecution(publish.getJobExecution().getJobInstance(), "build");
        if (build == null || !build.getExecutionContext().containsKey(BUILT_WAREHOUSE)) {
            throw new OperatorException(
                    "Langkah build tidak mencatat gudang data yang dibangunnya; jalankan refresh lagi",
                    "The build step recorded no warehouse it built; run refresh again");
        }
        jobContext.putString(BUILT_WAREHOUSE, build.getExecutionContext().getString(BUILT_WAREHOUSE));
        return Path.of(jobContext.getString(BUILT_WAREHOUSE));
    }

    /** The JDBC source of a partition, as the catalogue has it now; a source taken out since is an error. */
    private static SourceDefinition jdbcSource(RefreshSources sources, String id) {
        return sources.catalogue().jdbcSources().stream()
                .filter(source -> source.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new OperatorException(
                        "Sumber JDBC " + id + " tidak ada lagi di katalog sumber",
                        "The JDBC source " + id + " is no longer in the source catalogue"));
    }

    /** What the link step recorded in the job's context, by name (persons, merges …), sorted. */
    static java.util.SortedMap<String, Long> linkCounts(org.springframework.batch.core.job.JobExecution execution) {
        java.util.SortedMap<String, Long> counts = new java.util.TreeMap<>();
        execution.getExecutionContext().entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(LINK_PREFIX) && entry.getValue() instanceof Long)
                .forEach(entry -> counts.put(entry.getKey().substring(LINK_PREFIX.length()), (Long) entry.getValue()));
        return counts;
    }

    static YearMonth period(StepExecution step) {
        return period(step.getJobExecution());
    }

    static YearMonth period(org.springframework.batch.core.job.JobExecution execution) {
        return YearMonth.parse(execution.getJobParameters().getString(PERIOD));
    }

    /**
     * The period's deliveries: every entry of the inbox folder but hidden ones, a symbolic link, a
     * folder or a pipe included, so ingest refuses each by name instead of passing it over.
     */
    static Stream<Path> inboxFiles(DataDirectory data, YearMonth period) {
        return Inbox.entries(data, period).stream();
    }

    private static void deleteLeftoverBuilds(DataDirectory data) throws IOException {
        if (!Files.isDirectory(data.warehouseBuilds())) {
            return;
        }
        try (Stream<Path> files = Files.list(data.warehouseBuilds())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".duckdb") || name.endsWith(".duckdb.wal")) {
                    Files.delete(file);
                }
            }
        }
    }
}
