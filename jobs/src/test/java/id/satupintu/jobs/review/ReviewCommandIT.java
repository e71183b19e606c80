package id.satupintu.jobs.review;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.jobs.BatchApplication;
import id.satupintu.jobs.CommandRun;
import id.satupintu.jobs.refresh.RefreshOutcome;
import id.satupintu.jobs.refresh.RefreshRunner;
import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.generate.FaultRates;
import id.satupintu.pipeline.generate.GeneratorSettings;
import id.satupintu.pipeline.generate.SyntheticRosterGenerator;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.linkage.LinkOverrides;
import id.satupintu.pipeline.report.WorkbookContent;
import id.satupintu.pipeline.report.WorkbookContent.CellKind;
import id.satupintu.pipeline.report.WorkbookContent.CellValue;
import id.satupintu.pipeline.report.WorkbookContent.SheetContent;
import id.satupintu.pipeline.status.StatusOverrides;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.VisibilityState;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * The musyawarah desa round trip on a small generated Buleleng (heavy faults, so the link leaves
 * pairs to review), with a late Dukcapil report of a PKH recipient's death: the review workbooks
 * are exported, one is filled in as a musyawarah would, imported into the overrides, and the next
 * refresh applies them; a workbook with bad decisions records nothing and names every problem.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewCommandIT {
    private static final YearMonth PERIOD = YearMonth.of(2026, 9);

    @TempDir
    static Path root;

    private DataDirectory data;
    private String deceasedPerson;
    private String deceasedDesa;

    @BeforeAll
    void generateWithALateDeathReportAndRefresh() throws Exception {
        data = new DataDirectory(root.resolve("data"));
        GeneratorSettings settings = new GeneratorSettings("51.08", PERIOD, 1, 1_500, 20261123L, FaultRates.heavy());
        new SyntheticRosterGenerator(settings).generate(data.root());
        String[] chosen;
        try (Connection duckdb = DuckDb.inMemory(1);
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT nik, no_kk, nama, CAST(birth_date AS VARCHAR), kode_desa FROM (SELECT DISTINCT"
                                + " population.* FROM read_parquet("
                                + DuckDb.literal(data.truth(PERIOD).resolve("enrollment/*.parquet"))
                                + ") AS enrollment JOIN read_parquet("
                                + DuckDb.literal(data.truth(PERIOD).resolve("population/*.parquet"))
                                + ") AS population USING (person_id) WHERE enrollment.program_code = 'PKH')"
                                + " ORDER BY person_id LIMIT 1")) {
            result.next();
            chosen = new String[] {
                result.getString(1), result.getString(2), result.getString(3), result.getString(4), result.getString(5)
            };
        }
        Files.writeString(
                data.inbox(PERIOD).resolve("dukcapil_peristiwa_5108_202609_susulan.csv"),
                "NIK,NO_KK,NAMA_LGKP,TGL_LHR,JENIS_PERISTIWA,TGL_PERISTIWA,KODE_DESA_ASAL,KODE_WILAYAH_TUJUAN\n"
                        + String.join(
                                ",",
                                chosen[0],
                                chosen[1],
                                "\"" + chosen[2] + "\"",
                                chosen[3],
                                "KEMATIAN",
                                "2026-08-15",
                                chosen[4],
                                "")
                        + "\n",
                StandardCharsets.UTF_8);
        assertThat(refresh()).isEqualTo(BatchStatus.COMPLETED);
        List<String> person = warehouse("SELECT person_id || ' ' || kode_desa FROM person_status"
                + " JOIN enrollment USING (person_id) WHERE source = 'DUKCAPIL' AND event_date = DATE '2026-08-15'"
                + " AND enrollment.program_code = 'PKH' AND period = '2026-09'");
        assertThat(person).hasSize(1);
        deceasedPerson = person.get(0).split(" ")[0];
        deceasedDesa = person.get(0).split(" ")[1];
    }

    @Test
    @Order(1)
    void aFilledWorkbookComesBackAsOverridesThatTheNextRefreshApplies() throws Exception {
        CommandRun export =
                CommandRun.of("review", "export", "--data-dir", data.root().toString(), "--period", "2026-09");
        assertThat(export.exitCode()).as(export.err()).isZero();
        Path folder = data.reviewWorkbooks(PERIOD);
        assertThat(export.out())
                .startsWith("Buku kerja musyawarah: ")
                .endsWith("; di " + folder + System.lineSeparator());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.desaOutputs())))
                .isEqualTo("rwx------");

        // the deceased recipient's desa: a status case with the Dukcapil evidence
        Path statusWorkbook = workbookOf(folder, deceasedDesa);
        WorkbookContent statusContent = WorkbookContent.read(statusWorkbook);
        SheetContent status = statusContent.sheet("Status").orElseThrow();
        int statusRow = rowWith(status, 1, deceasedPerson);
        assertThat(status.text(statusRow, 6)).contains("Meninggal menurut laporan Dukcapil (peristiwa 2026-08-15)");
        assertThat(status.text(statusRow, 8)).isEqualTo("2026-09");
        assertThat(statusContent.sheet("satupintu").orElseThrow().hidden()).isTrue();

        // a desa with a pair (here: one person under two NIKs) whose rows can be told apart
        Path pairWorkbook = null;
        int pairRow = -1;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                SheetContent pairs = WorkbookContent.read(file).sheet("Ganda").orElseThrow();
                for (int row = 1; row < pairs.rows().size() && pairRow < 0; row++) {
                    if (pairs.text(row, 12).equals("Ya")) {
                        pairWorkbook = file;
                        pairRow = row;
                    }
                }
                if (pairRow > 0) {
                    break;
                }
            }
        }
        assertThat(pairWorkbook).as("a workbook with a decidable pair").isNotNull();
        SheetContent pairs = WorkbookContent.read(pairWorkbook).sheet("Ganda").orElseThrow();
        String[] left = pairs.text(pairRow, 3).split("#");
        String[] right = pairs.text(pairRow, 7).split("#");

        Path filledStatus = root.resolve("filled-status.xlsx");
        copyFilled(
                statusWorkbook,
                filledStatus,
                Map.of(
                        "Status",
                        Map.of(
                                statusRow + ",7", "MENINGGAL",
                                statusRow + ",9", LocalDate.of(2026, 9, 30),
                                statusRow + ",10", "BA/01/MUSDES/IX/2026",
                                statusRow + ",11", "dilaporkan kepala dusun")));
        Path filledPair = root.resolve("filled-pair.xlsx");
        copyFilled(
                pairWorkbook,
                filledPair,
                Map.of(
                        "Ganda",
                        Map.of(
                                pairRow + ",13", "beda",
                                pairRow + ",14", "30/09/2026",
                                pairRow + ",15", "BA/02/MUSDES/IX/2026")));

        CommandRun imported = CommandRun.of(
                "review",
                "import",
                filledStatus.toString(),
                "--data-dir",
                data.root().toString(),
                "--operator",
                "Operator Dinsos A");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        int undecided = undecided(statusWorkbook) - 1;
        assertThat(imported.out().lines())
                .containsExactly(
                        "filled-status.xlsx: 1 keputusan status dicatat di " + data.statusOverrides()
                                + ", 0 keputusan sama/beda orang di " + data.linkOverrides() + "; " + undecided
                                + " kasus tidak diputuskan. Berlaku mulai refresh berikutnya.",
                        "Dicatat di log audit " + data.auditLog());
        String desaName = statusContent.sheet("satupintu").orElseThrow().text(3, 1);
        assertThat(Files.readAllLines(data.statusOverrides()))
                .containsExactly(
                        StatusOverrides.HEADER,
                        deceasedPerson + ",MENINGGAL,2026-09,Musyawarah Desa " + desaName + " (" + deceasedDesa
                                + "),2026-09-30,BA/01/MUSDES/IX/2026,dilaporkan kepala dusun");
        CommandRun pairImport = CommandRun.of(
                "review",
                "import",
                filledPair.toString(),
                "--data-dir",
                data.root().toString(),
                "--operator",
                "Operator Dinsos A",
                "--by",
                "Musdes Desa, seksi PFM");
        assertThat(pairImport.exitCode()).as(pairImport.err()).isZero();
        List<LinkOverrides.Decision> links = LinkOverrides.read(data.linkOverrides());
        LinkOverrides.Side leftSide = LinkOverrides.rowOf(data, PERIOD, left[0], Long.parseLong(left[1]))
                .orElseThrow()
                .side();
        LinkOverrides.Side rightSide = LinkOverrides.rowOf(data, PERIOD, right[0], Long.parseLong(right[1]))
                .orElseThrow()
                .side();
        assertThat(links).singleElement().satisfies(decision -> {
            assertThat(decision.kind()).isEqualTo(LinkOverrides.Kind.DIFFERENT_PERSONS);
            assertThat(decision.left()).isEqualTo(leftSide);
            assertThat(decision.right()).isEqualTo(rightSide);
            assertThat(decision.decidedBy()).isEqualTo("Musdes Desa, seksi PFM");
            assertThat(decision.decidedOn()).isEqualTo(LocalDate.of(2026, 9, 30));
            assertThat(decision.reference()).isEqualTo("BA/02/MUSDES/IX/2026");
        });

        // the audit log: who imported what, owner-only, no name and no NIK
        // (beside the refresh runs and the review export, which the log records too)
        List<String> audit = Files.readAllLines(data.auditLog()).stream()
                .filter(line -> line.contains("\"action\":\"review-import\""))
                .toList();
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0))
                .matches("\\{\"at\":\"[0-9T:.\\-]+Z\",\"action\":\"review-import\",\"operator\":\"Operator Dinsos A\","
                        + "\"file\":\"filled-status.xlsx\",\"sha256\":\"[0-9a-f]{64}\",\"period\":\"2026-09\","
                        + "\"kode_desa\":\"" + deceasedDesa.replace(".", "\\.") + "\",\"decided_by\":\"Musyawarah Desa "
                        + desaName + " \\(" + deceasedDesa.replace(".", "\\.") + "\\)\",\"status_decisions\":1,"
                        + "\"link_decisions\":0,\"undecided\":" + undecided + ",\"status_override_lines\":\\[2\\],"
                        + "\"link_override_lines\":\\[\\]}");
        assertThat(audit.get(1)).contains("\"link_decisions\":1,").contains("\"link_override_lines\":[2]}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.auditLog())))
                .isEqualTo("rw-------");
        // no 16-digit run in the import lines (a SHA-256 in hex may hold one by chance); no name anywhere
        assertThat(String.join("\n", audit)).doesNotContainPattern("[0-9]{16}");
        String auditText = Files.readString(data.auditLog());
        for (String name : List.of(status.text(statusRow, 2), pairs.text(pairRow, 5), pairs.text(pairRow, 9))) {
            assertThat(auditText).doesNotContain(name);
        }

        CommandRun again = CommandRun.of(
                "review",
                "import",
                filledStatus.toString(),
                "--data-dir",
                data.root().toString(),
                "--operator",
                "B");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err())
                .startsWith("Gagal: Buku kerja filled-status.xlsx sudah diimpor pada ")
                .contains(" oleh Operator Dinsos A; gunakan --again untuk mengimpornya lagi");
        assertThat(Files.readAllLines(data.statusOverrides())).hasSize(2);

        // the next refresh applies both decisions; the decision takes the place of the Dukcapil report
        assertThat(refresh()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(warehouse("SELECT concat_ws(' ', status, source, from_period, reference, dukcapil_set_aside)"
                        + " FROM person_status WHERE person_id = '" + deceasedPerson + "' ORDER BY from_period"))
                .containsExactly("MENINGGAL OVERRIDE 2026-09 BA/01/MUSDES/IX/2026 true");
        assertThat(warehouse("SELECT event || ' ' || reference FROM link_event WHERE period = '2026-09'"
                        + " AND event LIKE 'OVERRIDE%'"))
                .containsExactly("OVERRIDE_DIFFERENT BA/02/MUSDES/IX/2026");
        // the two rows are two persons now
        List<String> persons = new ArrayList<>();
        try (Connection duckdb = DuckDb.inMemory(1);
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery("SELECT person_id FROM read_parquet("
                        + DuckDb.literal(data.linkedPartition(PERIOD).resolve("person_link.parquet"))
                        + ") WHERE (source_file = '" + left[0] + "' AND source_row = " + left[1]
                        + ") OR (source_file = '"
                        + right[0] + "' AND source_row = " + right[1] + ")")) {
            while (result.next()) {
                persons.add(result.getString(1));
            }
        }
        assertThat(persons).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    @Order(2)
    void aWorkbookWithBadDecisionsRecordsNothingAndNamesEveryProblem() throws Exception {
        Path folder = data.reviewWorkbooks(PERIOD);
        if (!Files.isDirectory(folder)) {
            CommandRun export =
                    CommandRun.of("review", "export", "--data-dir", data.root().toString(), "--period", "2026-09");
            assertThat(export.exitCode()).as(export.err()).isZero();
        }
        Path workbook = workbookOf(folder, deceasedDesa);
        SheetContent status = WorkbookContent.read(workbook).sheet("Status").orElseThrow();
        int row = rowWith(status, 1, deceasedPerson);
        Path filled = root.resolve("bad.xlsx");
        Map<String, Object> cells = new HashMap<>();
        cells.put(row + ",7", "MATI");
        cells.put(row + ",9", "2099-01-01");
        cells.put(row + ",11", "NIK 5108014501900003");
        copyFilled(workbook, filled, Map.of("Status", cells, "satupintu", Map.of()));
        long statusBefore = Files.size(data.statusOverrides());
        long auditBefore = Files.size(data.auditLog());

        CommandRun imported = CommandRun.of(
                "review",
                "import",
                filled.toString(),
                "--data-dir",
                data.root().toString(),
                "--operator",
                "Operator B");

        assertThat(imported.exitCode()).isEqualTo(1);
        int excelRow = row + 1;
        assertThat(imported.err().lines())
                .containsExactly(
                        "Gagal: Buku kerja bad.xlsx tidak diimpor, 4 masalah; tidak ada keputusan yang dicatat:",
                        "  bad.xlsx, lembar Status, baris " + excelRow
                                + ", aturan DECISION_UNKNOWN: keputusan harus MENINGGAL, PINDAH, MAMPU atau AKTIF",
                        "  bad.xlsx, lembar Status, baris " + excelRow
                                + ", aturan DATE_IN_FUTURE: tanggal keputusan 2099-01-01 belum tiba",
                        "  bad.xlsx, lembar Status, baris " + excelRow
                                + ", aturan REFERENCE_MISSING: nomor berita acara wajib diisi",
                        "  bad.xlsx, lembar Status, baris " + excelRow
                                + ", aturan NOTE_HOLDS_NIK: catatan tidak boleh memuat NIK atau nomor 16 digit lain");
        assertThat(Files.size(data.statusOverrides())).isEqualTo(statusBefore);
        assertThat(Files.size(data.auditLog())).isEqualTo(auditBefore);

        Path notReview = root.resolve("not-review.xlsx");
        try (OutputStream out = Files.newOutputStream(notReview)) {
            Workbook other = new Workbook(out, "x", "1.0");
            other.newWorksheet("Sheet1").value(0, 0, "=1+1");
            other.finish();
        }
        CommandRun english = CommandRun.of(
                "review",
                "import",
                notReview.toString(),
                "--lang",
                "en",
                "--data-dir",
                data.root().toString(),
                "--operator",
                "Operator B");
        assertThat(english.exitCode()).isEqualTo(1);
        assertThat(english.err().lines())
                .containsExactly(
                        "Failed: The workbook not-review.xlsx is not imported, 1 problem(s); no decision is recorded:",
                        "  not-review.xlsx, rule NOT_A_REVIEW_WORKBOOK: not a SatuPintu musyawarah desa review"
                                + " workbook (no hidden sheet satupintu of format satupintu-musdes-v1)");
    }

    private BatchStatus refresh() {
        return BatchApplication.run(data, context -> {
            try {
                RefreshOutcome outcome = context.getBean(RefreshRunner.class).refresh(PERIOD);
                return outcome.status();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private List<String> warehouse(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DuckDb.openReadOnly(data.publishedWarehouse());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    private static Path workbookOf(Path folder, String kodeDesa) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith(kodeDesa + "-"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static int rowWith(SheetContent sheet, int column, String text) {
        for (int row = 1; row < sheet.rows().size(); row++) {
            if (sheet.text(row, column).equals(text)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + text + " in " + sheet.name());
    }

    /** Cases of the workbook's decision sheets not decided when nothing is filled in. */
    private static int undecided(Path workbook) throws Exception {
        WorkbookContent content = WorkbookContent.read(workbook);
        return content.sheet("Status").orElseThrow().rows().size()
                - 1
                + content.sheet("Ganda").orElseThrow().rows().size()
                - 1;
    }

    /**
     * A copy of a workbook as a musyawarah returns it: every sheet and cell as written, with the
     * cells of {@code fill} ({@code "row,column"} from 0) set; a LocalDate becomes a date cell.
     */
    static void copyFilled(Path source, Path target, Map<String, Map<String, Object>> fill) throws Exception {
        WorkbookContent content = WorkbookContent.read(source);
        try (OutputStream out = Files.newOutputStream(target)) {
            Workbook workbook = new Workbook(out, "Microsoft Excel", "16.0");
            for (SheetContent sheet : content.sheets()) {
                Worksheet copy = workbook.newWorksheet(sheet.name());
                for (int row = 0; row < sheet.rows().size(); row++) {
                    List<CellValue> cells = sheet.rows().get(row);
                    for (int column = 0; column < cells.size(); column++) {
                        CellValue cell = cells.get(column);
                        if (cell.kind() == CellKind.NUMBER) {
                            copy.value(row, column, cell.number());
                        } else if (cell.kind() == CellKind.TEXT) {
                            copy.value(row, column, cell.text());
                        }
                    }
                }
                for (Map.Entry<String, Object> entry :
                        fill.getOrDefault(sheet.name(), Map.of()).entrySet()) {
                    String[] at = entry.getKey().split(",");
                    int row = Integer.parseInt(at[0]);
                    int column = Integer.parseInt(at[1]);
                    if (entry.getValue() instanceof LocalDate date) {
                        copy.value(row, column, date);
                        copy.style(row, column).format("yyyy-mm-dd").set();
                    } else {
                        copy.value(row, column, entry.getValue().toString());
                    }
                }
                if (sheet.hidden()) {
                    copy.setVisibilityState(VisibilityState.HIDDEN);
                }
                copy.finish();
            }
            workbook.finish();
        }
    }
}
