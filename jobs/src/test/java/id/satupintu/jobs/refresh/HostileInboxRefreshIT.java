package id.satupintu.jobs.refresh;

import static id.satupintu.jobs.refresh.Sql.single;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.jobs.BatchApplication;
import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.generate.FaultRates;
import id.satupintu.pipeline.generate.GenerationResult;
import id.satupintu.pipeline.generate.GeneratorSettings;
import id.satupintu.pipeline.generate.SyntheticRosterGenerator;
import id.satupintu.pipeline.ingest.Inbox;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.schemas.program.Program;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * A month refreshed twice from the same generated rosters: once clean, once with hostile files
 * dropped into the inbox beside them (a symbolic link named as a later revision of a real roster,
 * a zip bomb, a gzip'd CSV, a folder, a file of another month, names the job repository or a log
 * cannot carry). The hostile run completes, each hostile file is refused by name in the run's
 * outcome, its report, the manifest and the warehouse's {@code period} and {@code file_manifest}
 * tables, and every other file and mart is what the clean run gives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInboxRefreshIT {
    private static final YearMonth PERIOD = YearMonth.of(2026, 10);
    private static final String LONG_NAME = "pkh_5108_202610_" + "kiriman_dinas_sosial_".repeat(5) + "final.csv";
    private static final String NEWLINE_NAME = "pkh_5108_202610_a\nb.csv";

    @TempDir
    static Path root;

    private DataDirectory clean;
    private DataDirectory hostile;
    private GenerationResult generated;
    private RefreshOutcome cleanOutcome;
    private RefreshOutcome hostileOutcome;
    private List<String> hostileNames;

    @BeforeAll
    void refreshTheMonthCleanAndWithHostileFiles() throws Exception {
        clean = new DataDirectory(root.resolve("clean"));
        generated = new SyntheticRosterGenerator(
                        new GeneratorSettings("51.08", PERIOD, 1, 800, 20261129L, FaultRates.none()))
                .generate(clean.root());
        hostile = new DataDirectory(root.resolve("hostile"));
        copyTree(clean.root(), hostile.root());
        hostileNames = dropHostileFiles(hostile.inbox(PERIOD));
        cleanOutcome = refresh(clean);
        hostileOutcome = refresh(hostile);
    }

    private List<String> dropHostileFiles(Path inbox) throws Exception {
        Path pbi = inbox.resolve(
                generated.file(PERIOD, Program.PBI_JK).orElseThrow().fileName());
        String pbiRevision = pbi.getFileName().toString().replace(".csv", "_rev2.csv");
        // a later "revision" that is a link to a copy outside the inbox: before, it pushed the real file aside
        Path outside = Files.copy(pbi, root.resolve("outside-" + pbi.getFileName()));
        Files.createSymbolicLink(inbox.resolve(pbiRevision), outside);
        try (ZipOutputStream zip =
                new ZipOutputStream(Files.newOutputStream(inbox.resolve("blt_dd_5108_202610_bom.xlsx")))) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] rows = "<row/>".repeat(10_000).getBytes(UTF_8);
            for (int i = 0; i < 2_000; i++) {
                zip.write(rows);
            }
            zip.closeEntry();
        }
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(Files.readAllBytes(pbi));
        }
        Files.write(inbox.resolve("pengecualian_asn_5108_202610_gz.csv"), gzipped.toByteArray());
        Files.createDirectories(inbox.resolve("bpnt_5108_202610_lama.csv"));
        Files.copy(pbi, inbox.resolve("pbi_jk_5108_202609.csv"));
        Files.copy(pbi, inbox.resolve(LONG_NAME));
        Files.copy(pbi, inbox.resolve(NEWLINE_NAME));
        return List.of(
                pbiRevision,
                "blt_dd_5108_202610_bom.xlsx",
                "bpnt_5108_202610_lama.csv",
                "pbi_jk_5108_202609.csv",
                "pengecualian_asn_5108_202610_gz.csv",
                Inbox.shownName(LONG_NAME),
                Inbox.shownName(NEWLINE_NAME));
    }

    private static RefreshOutcome refresh(DataDirectory directory) {
        return BatchApplication.run(directory, context -> {
            try {
                return context.getBean(RefreshRunner.class).refresh(PERIOD);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void theRefreshWithHostileFilesCompletes() {
        assertThat(List.of(cleanOutcome.status(), hostileOutcome.status()))
                .containsExactly(BatchStatus.COMPLETED, BatchStatus.COMPLETED);
    }

    @Test
    void eachHostileFileIsRefusedWithNoRowsAndTheOtherFilesAreAsInTheCleanRun() {
        List<String> expected = new ArrayList<>(lines(cleanOutcome));
        hostileNames.forEach(name -> expected.add(name + " REFUSED 0 0 0"));
        expected.sort(String::compareTo);

        assertThat(lines(hostileOutcome)).containsExactlyElementsOf(expected);
        assertThat(lines(cleanOutcome)).hasSize(generated.files(PERIOD).size());
    }

    private static List<String> lines(RefreshOutcome outcome) {
        return outcome.files().stream()
                .map(file -> file.file() + " " + file.status() + " " + file.rowsRead() + " " + file.rowsStaged() + " "
                        + file.rowsRejected())
                .sorted()
                .toList();
    }

    @Test
    void theRunReportNamesEachRefusedFile() throws Exception {
        String json =
                Files.readString(hostile.reports(PERIOD).resolve("run-" + hostileOutcome.jobExecutionId() + ".json"));
        for (String name : hostileNames) {
            assertThat(json).contains("\"file\" : \"" + name + "\",\n    \"status\" : \"REFUSED\"");
        }
    }

    @Test
    void theWarehouseCountsTheRefusedFilesAndGivesEachItsReason() throws Exception {
        try (Connection warehouse = DuckDb.openReadOnly(hostile.publishedWarehouse());
                Connection cleanWarehouse = DuckDb.openReadOnly(clean.publishedWarehouse())) {
            String period = "SELECT files_ingested || ' ' || files_refused FROM period WHERE period = '" + PERIOD + "'";
            long ingested = cleanOutcome.files().stream()
                    .filter(file -> file.status().equals("INGESTED"))
                    .count();
            long refused = cleanOutcome.files().size() - ingested;
            assertThat(List.of(single(cleanWarehouse, period), single(warehouse, period)))
                    .containsExactly(ingested + " " + refused, ingested + " " + (refused + hostileNames.size()));
            String refusals = "SELECT source_file || ': ' || refusal_reason FROM file_manifest WHERE status = 'REFUSED'"
                    + " ORDER BY source_file";
            List<String> hostileRefusals = new ArrayList<>(Sql.rows(warehouse, refusals));
            hostileRefusals.removeAll(Sql.rows(cleanWarehouse, refusals));
            assertThat(hostileRefusals)
                    .containsExactly(
                            "blt_dd_5108_202610_bom.xlsx: part xl/worksheets/sheet1.xml inflates to more than 200"
                                    + " times its size (a zip bomb?)",
                            "bpnt_5108_202610_lama.csv: the entry is a folder, not a file; put the files themselves"
                                    + " in the inbox",
                            "pbi_jk_5108_202609.csv: the file is for 2026-09, not for the period being ingested"
                                    + " 2026-10",
                            hostileNames.get(0) + ": the entry is a symbolic link, not a file; copy the file itself"
                                    + " into the inbox",
                            "pengecualian_asn_5108_202610_gz.csv: the file is gzip-compressed, not CSV text; send the"
                                    + " text file",
                            Inbox.shownName(NEWLINE_NAME) + ": the file name holds control characters (a line break,"
                                    + " for example); rename the file",
                            Inbox.shownName(LONG_NAME) + ": the file name is too long (" + LONG_NAME.length()
                                    + " characters, " + LONG_NAME.length() + " bytes; at most 80 characters and 200"
                                    + " bytes); rename the file");
        }
    }

    @Test
    void everyMartEqualsTheCleanRunsMart() throws Exception {
        for (String mart : List.of(
                "mart_recipients_kecamatan",
                "mart_recipients_desa",
                "mart_spending_kecamatan",
                "mart_program_overlap",
                "mart_targeting_kecamatan")) {
            String query = "SELECT count(*) || ' ' || hash(list(t ORDER BY t)) FROM " + mart + " AS t";
            try (Connection warehouse = DuckDb.openReadOnly(hostile.publishedWarehouse());
                    Connection cleanWarehouse = DuckDb.openReadOnly(clean.publishedWarehouse())) {
                assertThat(single(warehouse, query)).as(mart).isEqualTo(single(cleanWarehouse, query));
            }
        }
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
