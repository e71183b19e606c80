package id.satupintu.jobs.refresh;

import static id.satupintu.jobs.refresh.Sql.rows;
import static id.satupintu.jobs.refresh.Sql.single;
import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.jobs.BatchApplication;
import id.satupintu.jobs.HeadlessChromium;
import id.satupintu.jobs.Language;
import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.generate.FaultRates;
import id.satupintu.pipeline.generate.GeneratedFile;
import id.satupintu.pipeline.generate.GenerationResult;
import id.satupintu.pipeline.generate.GeneratorSettings;
import id.satupintu.pipeline.generate.SyntheticRosterGenerator;
import id.satupintu.pipeline.lake.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;

/**
 * The whole monthly refresh on a small generated Buleleng: two months through the real job, a
 * real H2 job repository file, real Parquet files and a real DuckDB warehouse, checked against the
 * generator's ground truth. One data directory gets clean rosters (the marts must equal the truth
 * exactly), another gets rosters with the heavy fault level (every row staged or rejected exactly
 * as the truth says). The clean directory is refreshed with {@code --lang en}, so its HTML run reports
 * are in English; the faulty one's are in Bahasa Indonesia and are opened in a headless Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyRefreshJobIT {
    private static final YearMonth FIRST = YearMonth.of(2026, 9);
    private static final YearMonth SECOND = YearMonth.of(2026, 10);

    @TempDir
    static Path root;

    private DataDirectory data;
    private DataDirectory faulty;
    private GenerationResult generated;
    private GenerationResult generatedFaulty;
    private List<RefreshOutcome> outcomes;
    private List<RefreshOutcome> faultyOutcomes;
    private Connection duckdb;

    @BeforeAll
    void refreshTwoMonths() throws Exception {
        data = new DataDirectory(root.resolve("clean"));
        GeneratorSettings settings = new GeneratorSettings("51.08", FIRST, 2, 2_000, 20261123L, FaultRates.none());
        generated = new SyntheticRosterGenerator(settings).generate(data.root());
        outcomes = refresh(data, "en");
        faulty = new DataDirectory(root.resolve("faulty"));
        generatedFaulty = new SyntheticRosterGenerator(settings.withFaults(FaultRates.heavy())).generate(faulty.root());
        faultyOutcomes = refresh(faulty, "id");
        duckdb = DuckDb.inMemory(1);
    }

    @AfterAll
    void close() throws Exception {
        duckdb.close();
    }

    private static List<RefreshOutcome> refresh(DataDirectory directory, String lang) {
        return BatchApplication.run(directory, java.util.Map.of(Language.PROPERTY, lang), context -> {
            RefreshRunner runner = context.getBean(RefreshRunner.class);
            try {
                return List.of(runner.refresh(FIRST), runner.refresh(SECOND));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void bothMonthsComplete() {
        assertThat(outcomes)
                .extracting(RefreshOutcome::status)
                .containsExactly(BatchStatus.COMPLETED, BatchStatus.COMPLETED);
        assertThat(faultyOutcomes)
                .extracting(RefreshOutcome::status)
                .containsExactly(BatchStatus.COMPLETED, BatchStatus.COMPLETED);
    }

    @Test
    void everyRosterRowIsStagedOrRejectedAsTheGeneratorIntended() {
        for (RefreshOutcome outcome : faultyOutcomes) {
            List<String> expected = new ArrayList<>();
            for (GeneratedFile file : generatedFaulty.rosters(outcome.period())) {
                expected.add(file.fileName() + " INGESTED " + file.rows() + " = " + file.stagedRows() + " + "
                        + file.rejectRows());
            }
            expected.sort(String::compareTo);
            assertThat(outcome.files().stream()
                            .filter(file -> expected.stream().anyMatch(line -> line.startsWith(file.file() + " ")))
                            .map(file -> file.file() + " " + file.status() + " " + file.rowsRead() + " = "
                                    + file.rowsStaged() + " + " + file.rowsRejected())
                            .sorted()
                            .toList())
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void stagedParquetHoldsTheStagedRowsOfEachRoster() throws Exception {
        for (GeneratedFile file : generatedFaulty.files()) {
            if (file.program().isEmpty()) {
                continue;
            }
            Path staged = faulty.stagedPartition(file.period(), file.source()).resolve(file.fileName() + ".parquet");
            assertThat(single(duckdb, "SELECT count(*) FROM read_parquet(" + DuckDb.literal(staged) + ")"))
                    .as(file.fileName())
                    .isEqualTo(String.valueOf(file.stagedRows()));
        }
    }

    @Test
    void stagedFlagsAreTheFaultsIngestCanSeeInOneFile() throws Exception {
        try (Connection connection = DuckDb.inMemory(2);
                Statement statement = connection.createStatement()) {
            statement.execute("ATTACH " + DuckDb.literal(faulty.publishedWarehouse()) + " AS w (READ_ONLY)");
            for (YearMonth period : List.of(FIRST, SECOND)) {
                statement.execute("CREATE OR REPLACE TEMP TABLE flags AS SELECT * FROM w.staged_flag WHERE period = '"
                        + period + "'");
                statement.execute("CREATE OR REPLACE TEMP TABLE rows AS SELECT lake.source_file, lake.source_row,"
                        + " lake.nik, lake.birth_date IS NOT NULL AS has_birth_date, truth.person_id,"
                        + " coalesce(truth.faults, '') AS faults FROM read_parquet("
                        + DuckDb.literal(
                                faulty.staged().resolve("period=" + period).resolve("**/*.parquet"))
                        + ") AS lake JOIN " + truth(faulty, period, "roster_rows")
                        + " AS truth USING (source_file, source_row)");
                String flagged = "SELECT source_file, source_row FROM flags WHERE rule_id = ";
                // every second copy of a row is flagged
                String copies = "SELECT source_file, source_row FROM rows WHERE faults LIKE '%DUPLICATE_ROW%'";
                assertThat(single(connection, "SELECT count(*) FROM (" + copies + ")"))
                        .isNotEqualTo("0");
                assertThat(single(
                                connection,
                                "SELECT count(*) FROM (" + copies + " EXCEPT " + flagged + "'NIK_DUPLICATE_IN_FILE')"))
                        .isEqualTo("0");
                // any other row flagged repeats the NIK of an earlier row of another true person, one of the
                // two carrying a NIK fault (NIK ganda, a typo landing on somebody's NIK, Excel's lost digit)
                assertThat(rows(
                                connection,
                                "SELECT source_file || ',' || source_row FROM (" + flagged
                                        + "'NIK_DUPLICATE_IN_FILE' EXCEPT " + copies
                                        + ") AS flagged JOIN rows AS later USING (source_file, source_row)"
                                        + " WHERE NOT EXISTS (SELECT 1 FROM rows AS earlier"
                                        + " WHERE earlier.source_file = later.source_file"
                                        + " AND earlier.source_row < later.source_row AND earlier.nik = later.nik"
                                        + " AND earlier.person_id <> later.person_id"
                                        + " AND (earlier.faults LIKE '%NIK_%' OR later.faults LIKE '%NIK_%'))"))
                        .isEmpty();
                // a birth date with day and month swapped no longer matches the date inside the NIK
                String swapped = "SELECT source_file, source_row FROM rows WHERE faults LIKE '%BIRTH_DATE_SWAPPED%'"
                        + " AND faults NOT LIKE '%NIK_%' AND has_birth_date";
                assertThat(single(connection, "SELECT count(*) FROM (" + swapped + ")"))
                        .isNotEqualTo("0");
                assertThat(single(
                                connection,
                                "SELECT count(*) FROM (" + swapped + " EXCEPT " + flagged
                                        + "'NIK_BIRTH_DATE_MISMATCH')"))
                        .isEqualTo("0");
                // a desa named in its 2022 spelling is flagged exactly where a roster gives names only (Buleleng
                // has two renamed desa, so few rows or none; ValidationRulesTest has the rule's own cases)
                assertThat(rows(
                                connection,
                                "SELECT source_file || ',' || source_row FROM flags"
                                        + " WHERE rule_id = 'WILAYAH_NAME_OUTDATED' ORDER BY 1"))
                        .containsExactlyElementsOf(rows(
                                connection,
                                "SELECT source_file || ',' || source_row FROM rows"
                                        + " WHERE faults LIKE '%DESA_OUTDATED_NAME%'"
                                        + " AND source_file LIKE 'bansos_daerah%' ORDER BY 1"));
            }
        }
    }

    @Test
    void rejectedRowsAreExactlyTheFaultsIngestCanSeeWithTheirRules() throws Exception {
        try (Connection warehouse = DuckDb.openReadOnly(faulty.publishedWarehouse())) {
            for (YearMonth period : List.of(FIRST, SECOND)) {
                List<String> truth = rows(
                        duckdb,
                        "SELECT source_file || ',' || source_row || ',' || reject_rule FROM "
                                + truth(faulty, period, "roster_rows")
                                + " WHERE reject_rule IS NOT NULL ORDER BY 1");
                assertThat(truth).hasSizeGreaterThan(20);
                assertThat(rows(
                                warehouse,
                                "SELECT source_file || ',' || source_row || ',' || rule_id FROM reject WHERE period = '"
                                        + period + "' ORDER BY 1"))
                        .containsExactlyElementsOf(truth);
            }
        }
    }

    @Test
    void recipientsPerKecamatanMatchTheGroundTruthForBothMonths() throws Exception {
        try (Connection warehouse = DuckDb.openReadOnly(data.publishedWarehouse())) {
            for (YearMonth period : List.of(FIRST, SECOND)) {
                List<String> truth = rows(
                        duckdb,
                        "SELECT program_code || ',' || kode_kecamatan || ',' || count(*) || ',' ||"
                                + " coalesce(sum(benefit_rupiah), 0) FROM " + truth(data, period, "enrollment")
                                + " GROUP BY program_code, kode_kecamatan ORDER BY program_code, kode_kecamatan");
                assertThat(truth).hasSizeGreaterThan(40);
                // recipients and the rupiah the rosters pay, per program and kecamatan
                assertThat(rows(
                                warehouse,
                                "SELECT program_code || ',' || kode_kecamatan || ',' || recipients || ',' ||"
                                        + " coalesce(benefit_rupiah, 0) FROM mart_recipients_kecamatan WHERE period = '"
                                        + period + "' ORDER BY program_code, kode_kecamatan"))
                        .containsExactlyElementsOf(truth);
            }
        }
    }

    @Test
    void personsAreDeduplicatedByNikAcrossPrograms() throws Exception {
        try (Connection warehouse = DuckDb.openReadOnly(data.publishedWarehouse())) {
            for (YearMonth period : List.of(FIRST, SECOND)) {
                assertThat(single(
                                warehouse,
                                "SELECT count(DISTINCT person_id) FROM enrollment WHERE period = '" + period + "'"))
                        .isEqualTo(single(
                                duckdb, "SELECT count(DISTINCT person_id) FROM " + truth(data, period, "enrollment")));
            }
            assertThat(single(warehouse, "SELECT count(*) FROM person WHERE first_period = '2026-09'"))
                    .isEqualTo(single(
                            warehouse, "SELECT count(DISTINCT person_id) FROM enrollment WHERE period = '2026-09'"));
            assertThat(single(warehouse, "SELECT count(*) FROM wilayah")).isEqualTo("91599");
            assertThat(single(warehouse, "SELECT string_agg(period, ',' ORDER BY period) FROM period"))
                    .isEqualTo("2026-09,2026-10");
        }
    }

    @Test
    void aFailingDataTestKeepsThePreviousWarehouseAndRestartFinishesTheRun() throws Exception {
        DataDirectory resumed = new DataDirectory(root.resolve("resumed"));
        new SyntheticRosterGenerator(new GeneratorSettings("51.08", FIRST, 2, 2_000, 20261123L, FaultRates.none()))
                .generate(resumed.root());
        Path failingTest = Files.createDirectories(resumed.root().resolve("config/data-tests"))
                .resolve("no_october_yet.sql");
        List<RefreshOutcome> runs = BatchApplication.run(resumed, context -> {
            RefreshRunner runner = context.getBean(RefreshRunner.class);
            try {
                RefreshOutcome september = runner.refresh(FIRST);
                Files.writeString(
                        failingTest, "-- severity: error\nSELECT period FROM period WHERE period = '2026-10'\n");
                RefreshOutcome october = runner.refresh(SECOND);
                // the previous warehouse stays published and readable
                try (Connection warehouse = DuckDb.openReadOnly(resumed.publishedWarehouse())) {
                    assertThat(single(warehouse, "SELECT string_agg(period, ',') FROM period"))
                            .isEqualTo("2026-09");
                }
                Files.delete(failingTest);
                return List.of(september, october, runner.restart(Optional.empty()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(runs)
                .extracting(RefreshOutcome::status)
                .containsExactly(BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.COMPLETED);
        assertThat(runs.get(1).failure().getMessage())
                .startsWith(
                        "Data tests failed, warehouse not published: no_october_yet (error, 1 rows: period=2026-10)");
        // the resumed run did not ingest again: it went on from the build
        assertThat(runs.get(2).files()).isEmpty();
        assertThat(runs.get(2).period()).isEqualTo(SECOND);
        String marts = "SELECT period || ' ' || program_code || ' ' || kode_kecamatan || ' ' || recipients || ' '"
                + " || coalesce(benefit_rupiah, 0) FROM mart_recipients_kecamatan ORDER BY 1";
        try (Connection clean = DuckDb.openReadOnly(data.publishedWarehouse());
                Connection restarted = DuckDb.openReadOnly(resumed.publishedWarehouse())) {
            assertThat(rows(restarted, marts)).hasSizeGreaterThan(80).containsExactlyElementsOf(rows(clean, marts));
        }
    }

    @Test
    void aRunThatFailsWritesItsReportAndRunsTheFailureCommand() throws Exception {
        DataDirectory empty = new DataDirectory(root.resolve("empty"));
        Files.createDirectories(empty.inbox(SECOND));
        RefreshOutcome outcome = BatchApplication.run(
                empty,
                java.util.Map.of(
                        "satupintu.on-failure.command",
                        "echo \"$SATUPINTU_PERIOD $SATUPINTU_STATUS $SATUPINTU_REPORT\" > failed.txt"),
                context -> {
                    try {
                        return context.getBean(RefreshRunner.class).refresh(SECOND);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });

        assertThat(outcome.status()).isEqualTo(BatchStatus.FAILED);
        Path report = empty.reports(SECOND).resolve("run-" + outcome.jobExecutionId() + ".json");
        assertThat(Files.readString(empty.root().resolve("failed.txt")).strip()).isEqualTo("2026-10 FAILED " + report);
        String json = Files.readString(report);
        assertThat(json)
                .contains("\"period\" : \"2026-10\"")
                .contains("\"status\" : \"FAILED\"")
                .contains("No roster files in " + empty.inbox(SECOND));
        // its page shows the run and its failure, and no warehouse figures
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(
                Files.readString(empty.reports(SECOND).resolve("run-" + outcome.jobExecutionId() + ".html")));
        assertThat(page.selectFirst("dd[data-status]").attr("data-status")).isEqualTo("FAILED");
        assertThat(page.select("ul.failures li").eachText())
                .containsExactly("Tidak ada berkas roster di " + empty.inbox(SECOND));
        assertThat(page.select("[data-notice=not-published]")).hasSize(1);
        assertThat(marks(page, "svg[data-chart=steps] rect.bar", "step")).containsExactly("prepare");
        assertThat(page.select("#recipients-month, #changes")).isEmpty();
    }

    @Test
    void everyRunWritesAReportWithItsFilesAndRejects() throws Exception {
        Path reports = faulty.reports(SECOND);
        String json =
                Files.readString(reports.resolve("run-" + faultyOutcomes.get(1).jobExecutionId() + ".json"));
        GeneratedFile pbi = generatedFaulty
                .file(SECOND, id.satupintu.schemas.program.Program.PBI_JK)
                .orElseThrow();
        assertThat(json)
                .contains("\"status\" : \"COMPLETED\"")
                .contains("\"file\" : \"" + pbi.fileName() + "\"")
                .contains("\"rowsRead\" : " + pbi.rows())
                .contains("\"rowsRejected\" : " + pbi.rejectRows())
                .contains("\"test\" : \"staged_rows_are_loaded\"")
                .contains("\"NIK_MISSING\" : ");
        String linkedPersons = single(
                duckdb,
                "SELECT count(DISTINCT person_id) FROM read_parquet("
                        + DuckDb.literal(faulty.linkedPartition(SECOND).resolve("person_link.parquet")) + ")");
        assertThat(json).contains("\"persons\" : " + linkedPersons);
        assertThat(faultyOutcomes.get(1).linkage()).containsEntry("persons", Long.parseLong(linkedPersons));
        long reviewPairs = faultyOutcomes.get(1).linkage().get("reviewPairs");
        assertThat(reviewPairs).isPositive();
        try (Connection warehouse = DuckDb.openReadOnly(faulty.publishedWarehouse())) {
            // the review queue reaches the warehouse whole
            assertThat(single(warehouse, "SELECT count(*) FROM review_pair WHERE period = '" + SECOND + "'"))
                    .isEqualTo(String.valueOf(reviewPairs));
            // the warehouse counts the persons the link step found, not NIKs
            assertThat(single(
                            warehouse,
                            "SELECT count(DISTINCT person_id) FROM enrollment WHERE period = '" + SECOND + "'"))
                    .isEqualTo(linkedPersons);
            assertThat(Long.parseLong(single(
                            warehouse,
                            "SELECT count(DISTINCT person_id) FROM enrollment WHERE period = '" + SECOND + "'")))
                    .isLessThan(Long.parseLong(single(
                            duckdb,
                            "SELECT count(DISTINCT person_key) FROM read_parquet("
                                    + DuckDb.literal(
                                            faulty.linkedPartition(SECOND).resolve("person_link.parquet"))
                                    + ")")));
        }
    }

    @Test
    void everyRecipeInTheQueryDocumentRuns() throws Exception {
        String document = Files.readString(Path.of("..", "docs", "queries.md"));
        java.util.regex.Matcher recipes = java.util.regex.Pattern.compile(
                        "```sql\\n(.*?)```", java.util.regex.Pattern.DOTALL)
                .matcher(document);
        int count = 0;
        try (Connection warehouse = DuckDb.openReadOnly(faulty.publishedWarehouse())) {
            while (recipes.find()) {
                String sql = recipes.group(1).strip().replaceFirst(";$", "");
                count++;
                try (Statement statement = warehouse.createStatement();
                        ResultSet result = statement.executeQuery(sql)) {
                    // the last recipe lists warnings: on this warehouse there may be none
                    if (!sql.contains("failing_rows > 0")) {
                        assertThat(result.next()).as(sql).isTrue();
                    }
                }
            }
        }
        assertThat(count).isEqualTo(16);
        // the first recipe gives the truth's recipients per program per month on clean rosters
        try (Connection warehouse = DuckDb.openReadOnly(data.publishedWarehouse())) {
            recipes.reset();
            recipes.find();
            List<String> answer = rows(
                    warehouse,
                    "SELECT period || ' ' || program_code || ' ' || recipients FROM ("
                            + recipes.group(1).strip().replaceFirst(";$", "") + ")");
            List<String> truth = new ArrayList<>();
            for (YearMonth period : List.of(FIRST, SECOND)) {
                truth.addAll(rows(
                        duckdb,
                        "SELECT '" + period + " ' || program_code || ' ' || count(*) FROM "
                                + truth(data, period, "enrollment") + " GROUP BY program_code ORDER BY program_code"));
            }
            assertThat(answer).containsExactlyElementsOf(truth);
        }
    }

    @Test
    void deceasedAndMovedRecipientsAreTheOnesTheRostersStillList() throws Exception {
        try (Connection warehouse = DuckDb.openReadOnly(faulty.publishedWarehouse())) {
            for (YearMonth period : List.of(FIRST, SECOND)) {
                List<String> mart = rows(
                        warehouse,
                        "SELECT program_code || ' ' || sum(deceased_enrolled) || ' ' || sum(moved_enrolled)"
                                + " FROM mart_targeting_kecamatan WHERE period = '" + period + "'"
                                + " GROUP BY program_code ORDER BY program_code");
                // rows the truth says list a person who died or moved away, whose NIK reached the lake intact
                List<String> truth = rows(
                        duckdb,
                        "SELECT program_code || ' ' || count(DISTINCT person_id) FILTER (WHERE faults LIKE"
                                + " '%DECEASED_LISTED%') || ' ' || count(DISTINCT person_id) FILTER (WHERE faults LIKE"
                                + " '%MOVED_LISTED%') FROM " + truth(faulty, period, "roster_rows")
                                + " WHERE reject_rule IS NULL AND coalesce(faults, '') NOT LIKE '%NIK_%'"
                                + " GROUP BY program_code ORDER BY program_code");
                assertThat(mart).as(period.toString()).containsExactlyElementsOf(truth);
            }
            assertThat(Long.parseLong(single(
                            warehouse,
                            "SELECT sum(deceased_enrolled) + sum(moved_enrolled) FROM mart_targeting_kecamatan")))
                    .isGreaterThan(5);
            assertThat(single(warehouse, "SELECT count(*) FROM dukcapil_event WHERE event_type = 'KEMATIAN'"))
                    .isEqualTo(single(
                            duckdb,
                            "SELECT count(*) FROM read_csv("
                                    + DuckDb.literal(faulty.inbox(FIRST)
                                            .resolveSibling("*")
                                            .resolve("dukcapil_peristiwa_*.csv"))
                                    + ", all_varchar = true)"
                                    + " WHERE JENIS_PERISTIWA = 'KEMATIAN'"));
        }
    }

    @Test
    void jobHistorySurvivesInTheRepositoryFile() {
        assertThat(data.metadata().resolve("jobs.mv.db")).isRegularFile();
        long instances = BatchApplication.run(data, context -> (long) context.getBean(JobRepository.class)
                .getJobInstances(RefreshJobConfiguration.JOB_NAME, 0, 100)
                .size());
        assertThat(instances).isGreaterThanOrEqualTo(2);
    }

    @Test
    void refreshingAMonthAgainGivesTheSameWarehouse() throws Exception {
        String query = "SELECT period || program_code || kode_kecamatan || recipients || coalesce(benefit_rupiah, 0)"
                + " FROM mart_recipients_kecamatan ORDER BY 1";
        List<String> before;
        try (Connection warehouse = DuckDb.openReadOnly(data.publishedWarehouse())) {
            before = rows(warehouse, query);
        }
        RefreshOutcome again = BatchApplication.run(data, context -> {
            try {
                return context.getBean(RefreshRunner.class).refresh(SECOND);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(again.status()).isEqualTo(BatchStatus.COMPLETED);
        try (Connection warehouse = DuckDb.openReadOnly(data.publishedWarehouse())) {
            assertThat(rows(warehouse, query)).containsExactlyElementsOf(before);
        }
        // nothing changed in the inbox: every file kept as the first run ingested it, none read again
        assertThat(again.files()).hasSize(10).allMatch(RefreshOutcome.FileOutcome::kept);
        assertThat(again.files().stream().map(MonthlyRefreshJobIT::counts))
                .containsExactlyElementsOf(outcomes.get(1).files().stream()
                        .map(MonthlyRefreshJobIT::counts)
                        .toList());
        assertThat(outcomes.get(1).files()).noneMatch(RefreshOutcome.FileOutcome::kept);
    }

    @Test
    void aRevisedRosterIsTheOnlyFileReadAgainAndReplacesItsOriginal() throws Exception {
        DataDirectory revised = new DataDirectory(root.resolve("revised"));
        new SyntheticRosterGenerator(new GeneratorSettings("51.08", SECOND, 1, 2_000, 20261123L, FaultRates.none()))
                .generate(revised.root());
        Path pkh = revised.inbox(SECOND).resolve("pkh_5108_202610.csv");
        List<String> lines = Files.readAllLines(pkh, java.nio.charset.StandardCharsets.UTF_8);
        Path revision = revised.inbox(SECOND).resolve("pkh_5108_202610_rev2.csv");
        List<RefreshOutcome> runs = BatchApplication.run(revised, context -> {
            RefreshRunner runner = context.getBean(RefreshRunner.class);
            try {
                RefreshOutcome first = runner.refresh(SECOND);
                // the PKH office sends a revision without its last three rows
                Files.write(revision, lines.subList(0, lines.size() - 3), java.nio.charset.StandardCharsets.UTF_8);
                return List.of(first, runner.refresh(SECOND));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(runs).extracting(RefreshOutcome::status).containsOnly(BatchStatus.COMPLETED);
        assertThat(runs.get(1).files())
                .filteredOn(file -> !file.kept())
                .extracting(MonthlyRefreshJobIT::counts)
                .containsExactly(
                        "pkh_5108_202610.csv SUPERSEDED 0 0 0",
                        "pkh_5108_202610_rev2.csv INGESTED " + (lines.size() - 4) + " " + (lines.size() - 4) + " 0");
        assertThat(runs.get(1).files())
                .filteredOn(RefreshOutcome.FileOutcome::kept)
                .hasSize(9);
        assertThat(Files.exists(revised.stagedPartition(SECOND, "PKH").resolve("pkh_5108_202610.csv.parquet")))
                .isFalse();
        try (Connection warehouse = DuckDb.openReadOnly(revised.publishedWarehouse())) {
            assertThat(single(warehouse, "SELECT count(*) FROM enrollment WHERE program_code = 'PKH'"))
                    .isEqualTo(String.valueOf(lines.size() - 4));
            assertThat(single(
                            warehouse,
                            "SELECT string_agg(source_file || ' ' || status, ', ' ORDER BY source_file)"
                                    + " FROM file_manifest WHERE program_code = 'PKH'"))
                    .isEqualTo("pkh_5108_202610.csv SUPERSEDED, pkh_5108_202610_rev2.csv INGESTED");
        }
    }

    private static String counts(RefreshOutcome.FileOutcome file) {
        return file.file() + " " + file.status() + " " + file.rowsRead() + " " + file.rowsStaged() + " "
                + file.rowsRejected();
    }

    @Test
    void everyRunWritesAnHtmlReportWhoseChartsHoldThePublishedWarehousesFigures() throws Exception {
        long run = faultyOutcomes.get(1).jobExecutionId();
        Path page = faulty.reports(SECOND).resolve("run-" + run + ".html");
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(Files.readString(page));
        Map<String, Long> linkage = faultyOutcomes.get(1).linkage();

        assertThat(html.title()).isEqualTo("Laporan proses dan mutu data SatuPintu, 2026-10");
        try (Connection warehouse = DuckDb.openReadOnly(faulty.publishedWarehouse())) {
            assertThat(marks(html, "svg[data-chart=recipients-month] circle.point", "period", "program", "value"))
                    .containsExactlyInAnyOrderElementsOf(rows(
                            warehouse,
                            "SELECT period || ' ' || program_code || ' ' || sum(recipients)"
                                    + " FROM mart_recipients_kecamatan GROUP BY period, program_code"))
                    .hasSize(12);
            assertThat(marks(html, "#recipients-kecamatan rect.bar", "program", "kecamatan", "value"))
                    .containsExactlyInAnyOrderElementsOf(rows(
                            warehouse,
                            "SELECT program_code || ' ' || kode_kecamatan || ' ' || recipients"
                                    + " FROM mart_recipients_kecamatan WHERE period = '2026-10'"));
            assertThat(marks(html, "svg[data-chart=rejects] rect.bar", "rule", "program", "value"))
                    .containsExactlyInAnyOrderElementsOf(rows(
                            warehouse,
                            "SELECT rule_id || ' ' || program_code || ' ' || count(*) FROM reject"
                                    + " WHERE period = '2026-10' GROUP BY rule_id, program_code"));
            assertThat(marks(html, "#changes rect.bar", "program", "kecamatan", "change", "outlier"))
                    .containsExactlyInAnyOrderElementsOf(rows(
                            warehouse,
                            "SELECT program_code || ' ' || kode_kecamatan || ' ' || (recipients - previous_recipients)"
                                    + " || ' ' || (abs(recipients - previous_recipients) > 20"
                                    + " AND abs(recipients - previous_recipients) > 0.3 * previous_recipients)"
                                    + " FROM mart_changes_kecamatan"
                                    + " WHERE period = '2026-10' AND previous_recipients IS NOT NULL"));
            assertThat(html.select("table[data-table=data-tests] tr[data-test]").eachAttr("data-test"))
                    .containsExactlyInAnyOrderElementsOf(rows(warehouse, "SELECT test_name FROM data_test_result"));
            assertThat(marks(html, "table[data-table=sources] tr[data-file]", "file"))
                    .containsExactlyElementsOf(rows(
                            warehouse,
                            "SELECT source_file FROM file_manifest WHERE period = '2026-10' ORDER BY source_file"));
        }
        // the warehouse's dedup figures are the ones the link step reported to the job
        assertThat(marks(html, "table[data-table=dedup] tr[data-measure]", "measure").stream()
                        .map(measure -> measure + " "
                                + html.selectFirst("tr[data-measure=" + measure + "] td.number")
                                        .attr("data-value"))
                        .toList())
                .contains(
                        "rows-staged " + linkage.get("rows"),
                        "persons " + linkage.get("persons"),
                        "merges " + linkage.get("merges"),
                        "splits " + linkage.get("splits"),
                        "nik-ganda " + linkage.get("nikGanda"),
                        "review-pairs " + linkage.get("reviewPairs"),
                        "rejected-attached " + linkage.get("rejectedRowsMatched"));
        assertThat(marks(html, "svg[data-chart=steps] rect.bar", "step"))
                .containsExactly("prepare", "ingest", "link", "build", "publish");
    }

    @Test
    void htmlReportRendersInHeadlessChromiumWithoutNetworkOrErrors() throws Exception {
        Path page =
                faulty.reports(SECOND).resolve("run-" + faultyOutcomes.get(1).jobExecutionId() + ".html");
        Path english = data.reports(SECOND).resolve("run-" + outcomes.get(1).jobExecutionId() + ".html");
        long points;
        long kecamatanBars;
        long rejectBars;
        long changeBars;
        long outliers;
        try (Connection warehouse = DuckDb.openReadOnly(faulty.publishedWarehouse())) {
            points = Long.parseLong(
                    single(warehouse, "SELECT count(DISTINCT (period, program_code)) FROM mart_recipients_kecamatan"));
            kecamatanBars = Long.parseLong(
                    single(warehouse, "SELECT count(*) FROM mart_recipients_kecamatan WHERE period = '2026-10'"));
            rejectBars = Long.parseLong(single(
                    warehouse, "SELECT count(DISTINCT (rule_id, program_code)) FROM reject WHERE period = '2026-10'"));
            changeBars = Long.parseLong(single(
                    warehouse,
                    "SELECT count(*) FROM mart_changes_kecamatan"
                            + " WHERE period = '2026-10' AND previous_recipients IS NOT NULL"));
            outliers = Long.parseLong(single(
                    warehouse,
                    "SELECT count(*) FROM mart_changes_kecamatan WHERE period = '2026-10'"
                            + " AND abs(recipients - previous_recipients) > 20"
                            + " AND abs(recipients - previous_recipients) > 0.3 * previous_recipients"));
        }

        try (HeadlessChromium browser = HeadlessChromium.start(root.resolve("chromium-profile"))) {
            browser.open(page);

            assertThat(browser.script("return document.title"))
                    .isEqualTo("Laporan proses dan mutu data SatuPintu, 2026-10");
            assertThat(browser.script("return document.compatMode")).isEqualTo("CSS1Compat");
            assertThat(browser.script("return [...document.querySelectorAll('h2')].map(h => h.textContent)"))
                    .isEqualTo(List.of(
                            "Ringkasan",
                            "Penerima per program per bulan",
                            "Penerima per kecamatan, 2026-10",
                            "Baris ditolak menurut aturan, 2026-10",
                            "Hasil deduplikasi, 2026-10",
                            "Perubahan bulanan per program dan kecamatan, 2026-10 dibanding 2026-09",
                            "Kesegaran sumber data, 2026-10",
                            "Hasil uji data",
                            "Waktu per langkah"));
            // the browser parsed the marks as SVG (not unknown HTML elements) and laid them out
            assertThat(count(browser, "svg[data-chart=recipients-month] circle.point"))
                    .isEqualTo(points);
            assertThat(count(browser, "#recipients-kecamatan svg rect.bar")).isEqualTo(kecamatanBars);
            assertThat(count(browser, "svg[data-chart=rejects] rect.bar")).isEqualTo(rejectBars);
            assertThat(count(browser, "#changes svg rect.bar")).isEqualTo(changeBars);
            assertThat(count(browser, "#changes svg rect.bar.outlier")).isEqualTo(outliers);
            assertThat(count(browser, "svg[data-chart=steps] rect.bar")).isEqualTo(5);
            assertThat(browser.script("return [...document.querySelectorAll('svg.chart')]"
                            + ".filter(svg => svg.namespaceURI !== 'http://www.w3.org/2000/svg'"
                            + " || svg.getBoundingClientRect().width < 300 || svg.getBBox().height < 40).length"))
                    .isEqualTo(0L);
            assertThat(browser.script("return document.querySelector('svg[data-chart=recipients-month] > title')"
                            + ".textContent"))
                    .isEqualTo("Penerima per program per bulan");
            assertThat(browser.console()).isEmpty();
            assertThat(browser.requests()).containsExactly(page.toUri().toString());
            assertThat(browser.script("return performance.getEntriesByType('resource').length"))
                    .isEqualTo(0L);
            browser.screenshot(Path.of("target", "run-report", "run-report-id.png"));

            browser.open(english);
            assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");
            assertThat(browser.script("return [...document.querySelectorAll('h2')].map(h => h.textContent)"))
                    .isEqualTo(List.of(
                            "Summary",
                            "Recipients per program per month",
                            "Recipients per kecamatan, 2026-10",
                            "Rejected rows by rule, 2026-10",
                            "Deduplication results, 2026-10",
                            "Month-over-month changes per program and kecamatan, 2026-10 against 2026-09",
                            "Source freshness, 2026-10",
                            "Data test results",
                            "Step timings"));
            assertThat(browser.console()).isEmpty();
            assertThat(browser.requests()).containsExactly(english.toUri().toString());
            browser.screenshot(Path.of("target", "run-report", "run-report-en.png"));
        }
    }

    private static long count(HeadlessChromium browser, String selector) {
        return (Long) browser.script("return document.querySelectorAll(arguments[0]).length", selector);
    }

    /** Elements as their data attributes, space-separated, in document order. */
    private static List<String> marks(org.jsoup.nodes.Document html, String selector, String... attributes) {
        return html.select(selector).stream()
                .map(mark -> String.join(
                        " ",
                        java.util.Arrays.stream(attributes)
                                .map(attribute -> mark.attr("data-" + attribute))
                                .toList()))
                .toList();
    }

    private static String truth(DataDirectory directory, YearMonth period, String table) {
        return "read_parquet("
                + DuckDb.literal(directory.truth(period).resolve(table).resolve("*.parquet")) + ")";
    }
}
