package id.satupintu.jobs.report;

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
import id.satupintu.pipeline.report.WorkbookContent;
import id.satupintu.pipeline.report.WorkbookContent.CellKind;
import id.satupintu.pipeline.report.WorkbookContent.CellValue;
import id.satupintu.pipeline.report.WorkbookContent.SheetContent;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * The outputs of a month for the people around the warehouse, from a small generated Buleleng
 * refreshed for two months (with the generator's default faults): every number in the planners' and
 * budget staff's workbooks is compared with the published warehouse, and no public output holds a
 * NIK or No. KK of the simulated residents.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCommandIT {
    static final YearMonth FIRST = YearMonth.of(2026, 9);
    static final YearMonth SECOND = YearMonth.of(2026, 10);
    static final Pattern SIXTEEN_DIGITS = Pattern.compile("[0-9]{16,}");

    @TempDir
    static Path root;

    private DataDirectory data;
    private Connection warehouse;

    @BeforeAll
    void generateAndRefreshTwoMonths() throws Exception {
        data = new DataDirectory(root.resolve("data"));
        GeneratorSettings settings = new GeneratorSettings("51.08", FIRST, 2, 1_500, 20261123L, FaultRates.defaults());
        new SyntheticRosterGenerator(settings).generate(data.root());
        List<RefreshOutcome> outcomes = BatchApplication.run(data, context -> {
            RefreshRunner runner = context.getBean(RefreshRunner.class);
            try {
                return List.of(runner.refresh(FIRST), runner.refresh(SECOND));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(outcomes)
                .extracting(RefreshOutcome::status)
                .containsExactly(BatchStatus.COMPLETED, BatchStatus.COMPLETED);
        warehouse = DuckDb.openReadOnly(data.publishedWarehouse());
    }

    @AfterAll
    void close() throws Exception {
        warehouse.close();
    }

    @Test
    void plannersWorkbookHoldsExactlyTheWarehouseNumbers() throws Exception {
        CommandRun run = CommandRun.of("report", "--data-dir", data.root().toString(), "--period", SECOND.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path planner = data.reports(SECOND).resolve("perencanaan-2026-10.xlsx");
        Path budget = data.reports(SECOND).resolve("anggaran-2026-10.xlsx");
        assertThat(run.out().lines())
                .containsExactly("Buku kerja perencana: " + planner, "Buku kerja anggaran: " + budget);
        WorkbookContent workbook = WorkbookContent.read(planner);

        assertThat(sheet(workbook, "Sampul").rows().get(2))
                .extracting(CellValue::text)
                .containsExactly("Periode", "2026-10");
        assertThat(rows(sheet(workbook, "Penerima per kecamatan"), 0, 2, 4, 5, 6))
                .hasSizeGreaterThan(20)
                .containsExactlyElementsOf(
                        warehouse("SELECT program_code, kode_kecamatan, recipients, households, benefit_rupiah"
                                + " FROM mart_recipients_kecamatan WHERE period = '2026-10'"
                                + " ORDER BY program_code, kode_kecamatan"));
        assertThat(rows(sheet(workbook, "Penerima per desa"), 0, 3, 5, 7, 12, 14))
                .hasSizeGreaterThan(100)
                .containsExactlyElementsOf(warehouse("SELECT program_code, kode_desa, sum(recipients),"
                        + " coalesce(sum(recipients) FILTER (WHERE sex = 'P'), 0),"
                        + " coalesce(sum(recipients) FILTER (WHERE age_band = '60+'), 0), sum(benefit_rupiah)"
                        + " FROM mart_recipients_desa WHERE period = '2026-10' GROUP BY ALL ORDER BY ALL"));
        assertThat(rows(sheet(workbook, "Irisan program per kecamatan"), 0, 2, 3, 4))
                .containsExactlyElementsOf(warehouse("SELECT kode_kecamatan, program_a, program_b, persons"
                        + " FROM mart_program_overlap WHERE period = '2026-10' ORDER BY ALL"));
        assertThat(rows(sheet(workbook, "Irisan program kabupaten"), 0, 1, 2))
                .containsExactlyElementsOf(warehouse("SELECT program_a, program_b, sum(persons)"
                        + " FROM mart_program_overlap WHERE period = '2026-10' GROUP BY ALL ORDER BY ALL"));
        assertThat(rows(sheet(workbook, "Perubahan bulanan"), 0, 1, 3, 4, 5, 6, 7, 8, 9))
                .containsExactlyElementsOf(warehouse(
                        "SELECT program_code, kode_kecamatan, previous_period, previous_recipients, added, exited,"
                                + " moved_in, moved_out, recipients FROM mart_changes_kecamatan"
                                + " WHERE period = '2026-10' ORDER BY program_code, kode_kecamatan"));
        List<String> exits = rows(sheet(workbook, "Keluar menurut alasan"), 0, 3, 6);
        assertThat(exits).isNotEmpty();
        assertThat(sumOfLastColumn(exits))
                .isEqualTo(Long.parseLong(
                        warehouse("SELECT count(*) FROM enrollment_episode" + " WHERE exit_period = '2026-10'")
                                .get(0)));
        assertThat(rows(sheet(workbook, "Indikator sasaran"), 0, 1, 3, 4, 5, 6, 7, 8, 9))
                .containsExactlyElementsOf(
                        warehouse("SELECT program_code, kode_kecamatan, recipients, deceased_enrolled, moved_enrolled,"
                                + " well_off_enrolled, civil_servant_enrolled, car_owner_enrolled,"
                                + " exclusive_programs_enrolled FROM mart_targeting_kecamatan WHERE period = '2026-10'"
                                + " ORDER BY program_code, kode_kecamatan"));
        CellValue recipients = sheet(workbook, "Penerima per kecamatan").cell(1, 4);
        assertThat(recipients.kind()).isEqualTo(CellKind.NUMBER);
        assertThat(recipients.format()).isEqualTo("#,##0");
        assertThat(sheet(workbook, "Penerima per kecamatan").cell(1, 2).kind()).isEqualTo(CellKind.TEXT);

        WorkbookContent spending = WorkbookContent.read(budget);
        assertThat(rows(sheet(spending, "Bulan ini"), 0, 2, 4, 5, 6))
                .hasSizeGreaterThan(20)
                .containsExactlyElementsOf(
                        warehouse("SELECT program_code, kode_kecamatan, recipients, paid_rupiah, entitled_rupiah"
                                + " FROM mart_spending_kecamatan WHERE period = '2026-10'"
                                + " ORDER BY program_code, funding_source, kode_kecamatan"));
        assertThat(rows(sheet(spending, "Tahun berjalan"), 0, 2, 4, 5, 6, 7))
                .containsExactlyElementsOf(
                        warehouse("SELECT program_code, kode_kecamatan, count(*), sum(recipients), sum(paid_rupiah),"
                                + " sum(entitled_rupiah) FROM mart_spending_kecamatan WHERE year = 2026"
                                + " AND period <= '2026-10' GROUP BY program_code, funding_source, kode_kecamatan"
                                + " ORDER BY program_code, funding_source, kode_kecamatan"));
        assertThat(rows(sheet(spending, "Per sumber dana"), 1, 3, 7))
                .containsExactlyElementsOf(
                        warehouse("SELECT program_code, sum(entitled_rupiah) FILTER (WHERE period = '2026-10'),"
                                + " sum(entitled_rupiah) FROM mart_spending_kecamatan"
                                + " GROUP BY funding_source, program_code ORDER BY funding_source, program_code"));
        assertNoNikOrKk(List.of(planner, budget));
    }

    @Test
    void inEnglishWithSmallSheetsTheDesaTableContinuesOverSheets() throws Exception {
        Path out = root.resolve("english");
        CommandRun run = CommandRun.of(
                "report",
                "--lang",
                "en",
                "--data-dir",
                data.root().toString(),
                "--period",
                SECOND.toString(),
                "--out",
                out.toString(),
                "--rows-per-sheet",
                "100");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Workbook for planners: " + out.resolve("perencanaan-2026-10.xlsx"));
        WorkbookContent workbook = WorkbookContent.read(out.resolve("perencanaan-2026-10.xlsx"));

        List<SheetContent> desa = workbook.sheets().stream()
                .filter(sheet -> sheet.name().startsWith("Recipients by desa"))
                .toList();
        long desaRows = Long.parseLong(warehouse("SELECT count(DISTINCT (program_code, kode_desa))"
                        + " FROM mart_recipients_desa WHERE period = '2026-10'")
                .get(0));
        assertThat(desa).hasSize((int) ((desaRows + 98) / 99));
        assertThat(desa.get(1).name()).isEqualTo("Recipients by desa (2)");
        List<String> all = new ArrayList<>();
        for (SheetContent part : desa) {
            assertThat(part.text(0, 0)).isEqualTo("Program code");
            assertThat(part.rows().size()).isLessThanOrEqualTo(100);
            all.addAll(rows(part, 0, 3, 5));
        }
        assertThat(all)
                .containsExactlyElementsOf(warehouse("SELECT program_code, kode_desa, sum(recipients)"
                        + " FROM mart_recipients_desa WHERE period = '2026-10' GROUP BY ALL ORDER BY ALL"));
        assertThat(workbook.sheets().get(0).name()).isEqualTo("Cover");
    }

    @Test
    void openDataHidesSmallCellsAndKeepsEveryOtherCountExact() throws Exception {
        Path folder = data.openData(SECOND);
        Path desaFile = folder.resolve("penerima-bansos-desa-2026-10.csv");
        Path kecamatanFile = folder.resolve("penerima-bansos-kecamatan-2026-10.csv");
        Path metadataFile = folder.resolve("metadata-2026-10.json");
        Files.createDirectories(data.config());
        Files.writeString(data.openDataSettings(), "small-cell-threshold = 3\n");
        CommandRun configured =
                CommandRun.of("opendata", "--data-dir", data.root().toString(), "--period", SECOND.toString());
        assertThat(configured.exitCode()).as(configured.err()).isZero();
        assertThat(configured.out().lines().toList().get(0))
                .isEqualTo("Data terbuka: " + desaFile + ", " + kecamatanFile + ", metadata " + metadataFile);
        long[] byThree = checkSuppression(configured, folder, 3);

        // the option wins over the file
        CommandRun run = CommandRun.of(
                "opendata", "--data-dir", data.root().toString(), "--period", SECOND.toString(), "--threshold", "5");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Files.delete(data.openDataSettings());
        long[] byFive = checkSuppression(run, folder, 5);

        assertThat(byThree[1]).isGreaterThan(10);
        assertThat(byFive[1]).isGreaterThan(byThree[1]);
        assertThat(byThree[2] + byFive[2]).isGreaterThan(0);
        assertNoNikOrKk(List.of(desaFile, kecamatanFile, metadataFile));
    }

    /**
     * The open data of the month against the warehouse: every desa and kecamatan count is there,
     * shown exactly or hidden for the right reason, and no kecamatan × program group lets a hidden
     * count be worked out from the kecamatan total; returns the desa counts shown, hidden as small
     * and hidden to protect.
     */
    private long[] checkSuppression(CommandRun run, Path folder, int threshold) throws Exception {
        List<String> exact = warehouse("SELECT kode_desa || ' ' || program_code || ' ' || kode_kecamatan || ' '"
                + " || sum(recipients) FROM mart_recipients_desa WHERE period = '2026-10'"
                + " GROUP BY kode_desa, program_code, kode_kecamatan"
                + " ORDER BY kode_kecamatan, kode_desa, program_code");
        List<List<String>> desa = csv(folder.resolve("penerima-bansos-desa-2026-10.csv"));
        assertThat(desa.get(0))
                .containsExactly(
                        "periode",
                        "kode_kecamatan",
                        "nama_kecamatan",
                        "kode_desa",
                        "nama_desa",
                        "kode_program",
                        "nama_program",
                        "jumlah_penerima",
                        "status_sel");
        List<List<String>> cells = desa.subList(1, desa.size());
        assertThat(cells).hasSameSizeAs(exact).hasSizeGreaterThan(100);
        java.util.Map<String, long[]> groups = new java.util.TreeMap<>();
        long[] verdicts = new long[3];
        for (int i = 0; i < cells.size(); i++) {
            List<String> cell = cells.get(i);
            String[] truth = exact.get(i).split(" ");
            assertThat(cell.get(3) + " " + cell.get(5) + " " + cell.get(1))
                    .isEqualTo(truth[0] + " " + truth[1] + " " + truth[2]);
            long count = Long.parseLong(truth[3]);
            long[] group = groups.computeIfAbsent(cell.get(1) + " " + cell.get(5), key -> new long[3]);
            switch (cell.get(8)) {
                case "tampil" -> {
                    assertThat(cell.get(7)).isEqualTo(truth[3]);
                    assertThat(count).isGreaterThanOrEqualTo(threshold);
                    group[2]++;
                    verdicts[0]++;
                }
                case "disembunyikan_sel_kecil" -> {
                    assertThat(cell.get(7)).isEmpty();
                    assertThat(count).isLessThan(threshold);
                    group[0]++;
                    group[1] += count;
                    verdicts[1]++;
                }
                case "disembunyikan_pelindung" -> {
                    assertThat(cell.get(7)).isEmpty();
                    assertThat(count).isGreaterThanOrEqualTo(threshold);
                    group[0]++;
                    group[1] += count;
                    verdicts[2]++;
                }
                default -> throw new AssertionError("status_sel " + cell.get(8));
            }
        }
        // no group shows all but one of its counts, nor hides less than the threshold while showing some
        for (var group : groups.entrySet()) {
            long[] counts = group.getValue();
            if (counts[0] > 0 && counts[2] > 0) {
                assertThat(counts[0]).as(group.getKey()).isGreaterThanOrEqualTo(2);
                assertThat(counts[1]).as(group.getKey()).isGreaterThanOrEqualTo(threshold);
            }
        }
        List<List<String>> kecamatan = csv(folder.resolve("penerima-bansos-kecamatan-2026-10.csv"));
        List<String> kecamatanTruth = warehouse("SELECT kode_kecamatan || ' ' || program_code || ' ' || recipients"
                + " FROM mart_recipients_kecamatan WHERE period = '2026-10' ORDER BY kode_kecamatan, program_code");
        assertThat(kecamatan.subList(1, kecamatan.size()).stream()
                        .map(row -> row.get(1) + " " + row.get(3) + " "
                                + (row.get(6).equals("tampil") ? row.get(5) : "hidden"))
                        .toList())
                .containsExactlyElementsOf(kecamatanTruth.stream()
                        .map(row -> Long.parseLong(row.substring(row.lastIndexOf(' ') + 1)) < threshold
                                ? row.substring(0, row.lastIndexOf(' ')) + " hidden"
                                : row)
                        .toList());
        assertThat(Files.readString(folder.resolve("metadata-2026-10.json")))
                .contains("\"period\" : \"2026-10\"")
                .contains("\"kode_wilayah_edition\" : \"Kepmendagri 300.2.2-2138/2025\"")
                .contains("\"threshold\" : " + threshold + ",")
                .contains("\"desa_primary\" : " + verdicts[1] + ",")
                .contains("\"desa_secondary\" : " + verdicts[2]);
        assertThat(run.out().lines().toList().get(1))
                .isEqualTo("Sel desa dengan ambang " + threshold + ": " + verdicts[0] + " ditampilkan, " + verdicts[1]
                        + " disembunyikan karena kecil, " + verdicts[2] + " disembunyikan sebagai pelindung.");
        return verdicts;
    }

    @Test
    void ujiPublikListsEveryRecipientOfEachDesaWithMaskedNamesAndNoNik() throws Exception {
        CommandRun run =
                CommandRun.of("uji-publik", "--data-dir", data.root().toString(), "--period", SECOND.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path folder = data.ujiPublik(SECOND);
        List<String> perDesa = warehouse("SELECT kode_desa || ' ' || program_code || ' ' || count(*) FROM enrollment"
                + " WHERE period = '2026-10' GROUP BY kode_desa, program_code ORDER BY kode_desa, program_code");
        long total = Long.parseLong(warehouse("SELECT count(*) FROM enrollment WHERE period = '2026-10'")
                .get(0));
        long desaCount = Long.parseLong(
                warehouse("SELECT count(DISTINCT kode_desa) FROM enrollment" + " WHERE period = '2026-10'")
                        .get(0));
        assertThat(run.out().strip())
                .isEqualTo("Daftar uji publik: " + desaCount + " desa, "
                        + String.format("%,d", total).replace(',', '.') + " baris, XLSX dan PDF di " + folder);
        assertThat(Files.getPosixFilePermissions(data.desaOutputs()))
                .containsExactlyInAnyOrder(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
                        java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);

        List<Path> xlsx;
        try (var files = Files.list(folder)) {
            xlsx = files.filter(file -> file.toString().endsWith(".xlsx"))
                    .sorted()
                    .toList();
        }
        assertThat(xlsx).hasSize((int) desaCount);
        Pattern masked = Pattern.compile("\\S(\\*\\*\\*)?( \\S(\\*\\*\\*)?)*|-");
        Pattern rtRw = Pattern.compile("\\d{3}|");
        List<String> listed = new ArrayList<>();
        long newThisMonth = 0;
        for (Path file : xlsx) {
            String kodeDesa = file.getFileName().toString().substring(0, 13);
            SheetContent list = sheet(WorkbookContent.read(file), "Daftar");
            java.util.Map<String, Long> programs = new java.util.TreeMap<>();
            for (int row = 1; row < list.rows().size(); row++) {
                assertThat(list.cell(row, 0).number()).isEqualByComparingTo(Integer.toString(row));
                assertThat(list.text(row, 1)).matches(masked);
                assertThat(list.text(row, 2)).matches(rtRw);
                assertThat(list.text(row, 3)).matches(rtRw);
                programs.merge(list.text(row, 4), 1L, Long::sum);
                if (list.text(row, 5).equals("Baru bulan ini")) {
                    newThisMonth++;
                }
            }
            programs.forEach((program, count) -> listed.add(kodeDesa + " " + program + " " + count));
            assertThat(Files.exists(
                            file.resolveSibling(file.getFileName().toString().replace(".xlsx", ".pdf"))))
                    .isTrue();
        }
        assertThat(listed).containsExactlyElementsOf(perDesa);
        assertThat(newThisMonth)
                .isEqualTo(Long.parseLong(warehouse("SELECT count(*) FROM enrollment JOIN enrollment_episode"
                                + " USING (person_id, program_code) WHERE period = '2026-10'"
                                + " AND from_period = '2026-10' AND entry_kind = 'BARU'")
                        .get(0)));

        // the longest list as PDF: its title, its desa, one table line per row, and no name in full
        Path longest = xlsx.stream()
                .max(java.util.Comparator.comparingLong(file -> {
                    try {
                        return sheet(WorkbookContent.read(file), "Daftar")
                                .rows()
                                .size();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }))
                .orElseThrow();
        String kodeDesa = longest.getFileName().toString().substring(0, 13);
        String pdf =
                pdfText(longest.resolveSibling(longest.getFileName().toString().replace(".xlsx", ".pdf")));
        assertThat(pdf).contains("DAFTAR UJI PUBLIK PENERIMA BANTUAN SOSIAL").contains("(" + kodeDesa + ")");
        long rows = sheet(WorkbookContent.read(longest), "Daftar").rows().size() - 1;
        assertThat(pdf.lines().filter(line -> line.matches("\\d+ \\S.*")).count())
                .isEqualTo(rows);
        List<String> names = new ArrayList<>();
        try (Connection duckdb = DuckDb.inMemory(1);
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery("SELECT nama FROM read_parquet("
                        + DuckDb.literal(data.goldenRecord()) + ") WHERE kode_desa = '" + kodeDesa + "'")) {
            while (result.next()) {
                names.add(result.getString(1));
            }
        }
        assertThat(names).hasSizeGreaterThan(3);
        for (String name : names) {
            assertThat(pdf).doesNotContain(name);
            assertThat(xlsxText(longest)).doesNotContain(name);
        }
        List<Path> everything = new ArrayList<>(xlsx);
        xlsx.forEach(file ->
                everything.add(file.resolveSibling(file.getFileName().toString().replace(".xlsx", ".pdf"))));
        assertNoNikOrKk(everything);
    }

    /** The text of every page of a PDF, each line stripped. */
    static String pdfText(Path pdf) throws Exception {
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(Files.readAllBytes(pdf));
        try {
            var extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                for (String line : extractor.getTextFromPage(page).split("\\R")) {
                    text.append(line.strip()).append('\n');
                }
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    /** The records of a CSV file, header first. */
    static List<List<String>> csv(Path file) throws Exception {
        List<List<String>> records = new ArrayList<>();
        try (var reader = de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(file)) {
            reader.forEach(record -> records.add(record.getFields()));
        }
        return records;
    }

    @Test
    void refusesAMonthTheWarehouseDoesNotHold() {
        CommandRun run = CommandRun.of("report", "--data-dir", data.root().toString(), "--period", "2026-12");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip())
                .isEqualTo("Gagal: Periode 2026-12 tidak ada di gudang data yang diterbitkan (periode yang ada:"
                        + " 2026-09, 2026-10)");
    }

    static SheetContent sheet(WorkbookContent workbook, String name) {
        return workbook.sheet(name).orElseThrow(() -> new AssertionError("no sheet " + name));
    }

    /** The data rows of a sheet, the chosen columns joined by spaces; an empty cell is "null". */
    static List<String> rows(SheetContent sheet, int... columns) {
        List<String> rows = new ArrayList<>();
        for (int row = 1; row < sheet.rows().size(); row++) {
            List<String> cells = new ArrayList<>();
            for (int column : columns) {
                CellValue cell = sheet.cell(row, column);
                cells.add(
                        switch (cell.kind()) {
                            case EMPTY -> "null";
                            case NUMBER -> plain(cell.number());
                            default -> cell.text();
                        });
            }
            rows.add(String.join(" ", cells));
        }
        return rows;
    }

    /** Rows of a warehouse query, columns joined by spaces, numbers without trailing zeros. */
    List<String> warehouse(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement statement = warehouse.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                List<String> cells = new ArrayList<>();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    Object value = result.getObject(column);
                    cells.add(
                            value == null
                                    ? "null"
                                    : value instanceof Number number
                                            ? plain(new BigDecimal(number.toString()))
                                            : value.toString());
                }
                rows.add(String.join(" ", cells));
            }
        }
        return rows;
    }

    private static String plain(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }

    private static long sumOfLastColumn(List<String> rows) {
        return rows.stream()
                .mapToLong(row -> Long.parseLong(row.substring(row.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Every NIK and No. KK of the simulated residents. */
    Set<String> residentsNumbers() throws Exception {
        Set<String> numbers = new HashSet<>();
        try (Connection duckdb = DuckDb.inMemory(1);
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery("SELECT nik, no_kk FROM read_parquet("
                        + DuckDb.literal(data.root().resolve("truth/*/population/*.parquet")) + ")")) {
            while (result.next()) {
                numbers.add(result.getString(1));
                numbers.add(result.getString(2));
            }
        }
        assertThat(numbers).hasSizeGreaterThan(1_000);
        return numbers;
    }

    /**
     * No file holds a run of 16 or more digits, so no NIK or No. KK (16 digits each), whole or
     * inside a longer number: an XLSX is read part by part (its XML), a PDF by its text, other files as
     * they are. The
     * residents' numbers are 16 digits, so the check is not vacuous.
     */
    void assertNoNikOrKk(List<Path> files) throws Exception {
        assertThat(residentsNumbers())
                .allMatch(number -> SIXTEEN_DIGITS.matcher(number).matches());
        for (Path file : files) {
            // a PDF by its text: its compressed streams and cross-reference table hold digit runs of
            // no meaning (one such run failed this check once)
            String text = file.toString().endsWith(".xlsx")
                    ? xlsxText(file)
                    : file.toString().endsWith(".pdf")
                            ? pdfText(file)
                            : new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            Matcher matcher = SIXTEEN_DIGITS.matcher(text);
            List<String> found = new ArrayList<>();
            while (matcher.find()) {
                found.add(matcher.group());
            }
            assertThat(found).as(file.toString()).isEmpty();
        }
    }

    static String xlsxText(Path file) throws Exception {
        StringBuilder text = new StringBuilder();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .append('\n');
                }
            }
        }
        return text.toString();
    }
}
