package id.satupintu.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.lake.DataDirectoryLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as an operator meets it: exit codes, one-sentence failures, both languages. */
class SatuPintuCommandIT {
    @TempDir
    Path root;

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    @Test
    void helpSpeaksIndonesianByDefaultAndEnglishOnRequest() {
        CommandRun indonesian = run("refresh", "--help");
        assertThat(indonesian.exitCode()).isZero();
        assertThat(indonesian.out())
                .contains("Menjalankan refresh bulanan untuk satu periode")
                .contains("--period=YYYY-MM")
                .contains("Periode roster, YYYY-MM.");

        CommandRun english = run("refresh", "--help", "--lang", "en");
        assertThat(english.exitCode()).isZero();
        assertThat(english.out())
                .contains("Runs the monthly refresh of one period")
                .contains("Roster month, YYYY-MM.");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String command : new String[] {
            "demo",
            "generate",
            "refresh",
            "restart",
            "backfill",
            "schedule",
            "status",
            "history",
            "query",
            "rollback",
            "dedupe",
            "link-override",
            "status-override",
            "match",
            "report",
            "opendata",
            "uji-publik",
            "review",
            "serve",
            "user"
        }) {
            CommandRun help = run(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).startsWith("Usage: satupintu " + command);
        }
    }

    @Test
    void queryWithoutAPublishedWarehouseFailsWithOneSentence() {
        CommandRun query = run("query", "--data-dir", root.toString(), "SELECT 1");

        assertThat(query.exitCode()).isEqualTo(1);
        assertThat(query.err().strip())
                .isEqualTo("Gagal: Belum ada gudang data yang diterbitkan di "
                        + root.resolve("warehouse/satupintu.duckdb")
                        + "; jalankan refresh atau demo dahulu");
    }

    @Test
    void badPeriodFailsWithOneSentenceInEnglish() {
        CommandRun refresh = run("refresh", "--lang", "en", "--data-dir", root.toString(), "--period", "2026-13");

        assertThat(refresh.exitCode()).isEqualTo(1);
        assertThat(refresh.err().strip())
                .isEqualTo("Failed: The period must look like YYYY-MM, for example 2026-10, not '2026-13'");
    }

    @Test
    void refreshOfAMonthWithAnEmptyInboxFails() {
        CommandRun refresh = run("refresh", "--data-dir", root.toString(), "--period", "2026-10");

        assertThat(refresh.exitCode()).isEqualTo(1);
        assertThat(refresh.err()
                        .strip()
                        .lines()
                        .reduce((first, second) -> second)
                        .orElseThrow())
                .isEqualTo("Gagal: Tidak ada berkas roster di " + root.resolve("inbox/2026-10"));
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("query", "--no-such-option", "SELECT 1").exitCode()).isEqualTo(2);
    }

    @Test
    void backfillRefreshesTheMonthsInOrderAndHistoryShowsThem() throws Exception {
        CommandRun generate =
                run("generate", "--out", root.toString(), "--period", "2026-07", "--months", "3", "--persons", "800");
        assertThat(generate.exitCode()).as(generate.err()).isZero();

        CommandRun backfill = run("backfill", "--data-dir", root.toString(), "--from", "2026-07", "--to", "2026-09");
        assertThat(backfill.exitCode()).as(backfill.err()).isZero();
        assertThat(backfill.out().lines().filter(line -> line.startsWith("Refresh periode")))
                .containsExactly(
                        "Refresh periode 2026-07: COMPLETED",
                        "Refresh periode 2026-08: COMPLETED",
                        "Refresh periode 2026-09: COMPLETED");

        CommandRun history = run("history", "--data-dir", root.toString(), "--lang", "en");
        assertThat(history.exitCode()).isZero();
        List<String> lines = history.out().lines().toList();
        assertThat(lines.get(0)).startsWith("run | period  | started");
        assertThat(lines.subList(2, lines.size()))
                .extracting(line -> line.split("\\|")[1].strip() + " " + line.split("\\|")[4].strip())
                .containsExactly("2026-09 COMPLETED", "2026-08 COMPLETED", "2026-07 COMPLETED");
        // the persons the link step found each month: fewer than the rows staged, never none
        List<String> header =
                List.of(lines.get(0).split("\\|")).stream().map(String::strip).toList();
        int staged = header.indexOf("staged");
        int persons = header.indexOf("persons");
        assertThat(persons).isEqualTo(staged + 2);
        for (String line : lines.subList(2, lines.size())) {
            String[] cells = line.split("\\|");
            long stagedRows = Long.parseLong(cells[staged].strip().replace(",", ""));
            long linkedPersons = Long.parseLong(cells[persons].strip().replace(",", ""));
            assertThat(linkedPersons).isPositive().isLessThan(stagedRows);
        }
        CommandRun status = run("status", "--data-dir", root.toString(), "--lang", "en");
        assertThat(status.out()).startsWith("Last refresh: run 3 of 2026-09, COMPLETED, finished ");

        assertThat(auditedRuns(new DataDirectory(root)))
                .containsExactly(
                        "run-start backfill --from 2026-07 --to 2026-09 2026-07 1",
                        "run-end backfill --from 2026-07 --to 2026-09 2026-07 1 COMPLETED",
                        "run-start backfill --from 2026-07 --to 2026-09 2026-08 2",
                        "run-end backfill --from 2026-07 --to 2026-09 2026-08 2 COMPLETED",
                        "run-start backfill --from 2026-07 --to 2026-09 2026-09 3",
                        "run-end backfill --from 2026-07 --to 2026-09 2026-09 3 COMPLETED");

        CommandRun backwards = run("backfill", "--data-dir", root.toString(), "--from", "2026-09", "--to", "2026-07");
        assertThat(backwards.exitCode()).isEqualTo(1);
        assertThat(backwards.err().strip()).isEqualTo("Gagal: --to (2026-07) lebih awal dari --from (2026-09)");
    }

    @Test
    void queryReadsTheWarehouseAndNothingElse() throws Exception {
        DataDirectory data = new DataDirectory(root);
        java.nio.file.Files.createDirectories(data.warehouseDirectory());
        try (var warehouse = id.satupintu.pipeline.duckdb.DuckDb.openForWrite(data.publishedWarehouse())) {
            id.satupintu.pipeline.duckdb.DuckDb.execute(warehouse, "CREATE TABLE period AS SELECT '2026-10' AS period");
        }
        assertThat(run("query", "--data-dir", root.toString(), "SELECT period FROM period")
                        .out())
                .contains("2026-10");
        for (String sql : new String[] {
            "COPY period TO '" + root.resolve("leak.csv") + "'",
            "ATTACH '" + root.resolve("other.duckdb") + "' AS other",
            "INSTALL httpfs",
            "SELECT * FROM read_csv('/etc/passwd')",
            "CREATE TABLE copy AS SELECT * FROM period",
            "SET enable_external_access = true"
        }) {
            CommandRun refused = run("query", "--data-dir", root.toString(), "--lang", "en", sql);
            assertThat(refused.exitCode()).as(sql).isEqualTo(1);
            assertThat(refused.err().strip())
                    .as(sql)
                    .startsWith("Failed: The query failed: ")
                    .doesNotContain("\n");
        }
        assertThat(root.resolve("leak.csv")).doesNotExist();
        assertThat(root.resolve("other.duckdb")).doesNotExist();
    }

    @Test
    void aSecondWriterIsRefusedWithTheHolderNamed() throws Exception {
        try (DataDirectoryLock held = DataDirectoryLock.acquire(new DataDirectory(root), "backfill 2026-01..2026-10")) {
            CommandRun refresh = run("refresh", "--period", "2026-10", "--data-dir", root.toString());
            assertThat(refresh.exitCode()).isEqualTo(1);
            assertThat(refresh.err().strip())
                    .matches("Gagal: Direktori data sedang dipakai oleh proses lain \\(pid \\d+, since \\S+,"
                            + " backfill 2026-01\\.\\.2026-10\\); tunggu sampai selesai");
            CommandRun rollback = run("rollback", "--data-dir", root.toString(), "--lang", "en");
            assertThat(rollback.err().strip()).startsWith("Failed: The data directory is in use by another run (pid ");
        }
    }

    @Test
    void demoThenQueryGivesRecipientsPerProgramForBothMonths() throws Exception {
        // the demo in its own JVM from the packaged jar, as an operator runs it, its whole output (log
        // lines and messages) kept in a file of the data directory, as an operator's redirect would
        Files.createDirectories(root);
        Path log = root.resolve("demo.log");
        Process demo = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        Path.of("target", "satupintu.jar").toString(),
                        "demo",
                        "--data-dir",
                        root.toString(),
                        "--persons",
                        "1500")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(demo.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String demoOut = Files.readString(log);
        assertThat(demo.exitValue()).as(demoOut).isZero();
        YearMonth first = YearMonth.now().minusMonths(2);
        YearMonth second = first.plusMonths(1);
        assertThat(demoOut).contains("Refresh periode " + first + ": COMPLETED");
        assertThat(demoOut).contains("Refresh periode " + second + ": COMPLETED");
        assertThat(demoOut).contains("step build started");

        CommandRun query = run(
                "query",
                "--data-dir",
                root.toString(),
                "SELECT count(DISTINCT period) AS periods, count(DISTINCT program_code) AS programs"
                        + " FROM mart_recipients_kecamatan");
        assertThat(query.exitCode()).isZero();
        assertThat(query.out())
                .isEqualTo(String.join(
                        System.lineSeparator(),
                        "periods | programs",
                        "--------+---------",
                        "      2 |        6",
                        "(1 baris)",
                        ""));

        List<String> printed = exportEverythingOfTheMonth(second);
        assertNoPersonalDataOutsideTheRestrictedLayer(printed);
        assertOwnerOnlyWherePrivacyMdSaysSo(second);

        // the warehouse of the first month was kept when the second was published
        CommandRun list = run("rollback", "--list", "--data-dir", root.toString(), "--lang", "en");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).startsWith("1 warehouse versions kept:");
        CommandRun rollback = run("rollback", "--data-dir", root.toString());
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(rollback.out()).startsWith("Versi ").contains("diterbitkan kembali");
        CommandRun periods =
                run("query", "--data-dir", root.toString(), "SELECT string_agg(period, ',') AS periods FROM period");
        assertThat(periods.out())
                .contains(first.toString())
                .doesNotContain(first.plusMonths(1).toString());
        CommandRun unknown = run("rollback", "--to", "19990101-000000-000.duckdb", "--data-dir", root.toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err().strip())
                .isEqualTo("Gagal: Tidak ada versi tersimpan bernama 19990101-000000-000.duckdb;"
                        + " lihat rollback --list");
    }

    /**
     * Every export of a month an operator makes after the demo: the planner and budget workbooks, the
     * open data, the uji publik lists and musyawarah workbooks of one desa. Each is in the audit log
     * with its files and their SHA-256. Returns what the commands printed.
     */
    private List<String> exportEverythingOfTheMonth(YearMonth month) throws Exception {
        DataDirectory data = new DataDirectory(root);
        String desa = run(
                        "query",
                        "--data-dir",
                        root.toString(),
                        "SELECT min(kode_desa) AS desa FROM enrollment WHERE period = '" + month + "'")
                .out()
                .lines()
                .skip(2)
                .findFirst()
                .orElseThrow()
                .strip();
        List<CommandRun> runs = List.of(
                run("report", "--period", month.toString(), "--data-dir", root.toString()),
                run("opendata", "--period", month.toString(), "--data-dir", root.toString()),
                run("uji-publik", "--period", month.toString(), "--desa", desa, "--data-dir", root.toString()),
                run("review", "export", "--period", month.toString(), "--desa", desa, "--data-dir", root.toString()));
        for (CommandRun export : runs) {
            assertThat(export.exitCode()).as(export.err()).isZero();
        }
        String file = "\\{\"file\":\"%s\",\"bytes\":%d,\"sha256\":\"%s\"}";
        String start = "\\{\"at\":\"[0-9T:.\\-]+Z\",\"action\":\"export\",\"os_user\":\""
                + java.util.regex.Pattern.quote(System.getProperty("user.name")) + "\",\"command\":\"";
        java.util.function.Function<List<Path>, String> files = paths -> paths.stream()
                .map(path ->
                        String.format(file, java.util.regex.Pattern.quote(path.toString()), size(path), sha256(path)))
                .collect(java.util.stream.Collectors.joining(","));
        Path uji = data.ujiPublik(month);
        Path musdes = data.reviewWorkbooks(month);
        String ujiStem;
        try (var listed = Files.list(uji)) {
            // <kode desa>-<name of the desa>.xlsx and .pdf
            ujiStem = listed.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".xlsx"))
                    .collect(java.util.stream.Collectors.collectingAndThen(
                            java.util.stream.Collectors.toList(), names -> {
                                assertThat(names).hasSize(1);
                                return names.get(0).replaceFirst("\\.xlsx$", "");
                            }));
        }
        List<Path> reviewFiles;
        try (var listed = Files.list(musdes)) {
            reviewFiles = listed.sorted().toList();
        }
        List<String> exports = Files.readAllLines(data.auditLog()).stream()
                .filter(line -> line.contains("\"action\":\"export\""))
                .toList();
        assertThat(exports).hasSize(4);
        assertThat(exports.get(0))
                .matches(start + "report\",\"period\":\"" + month + "\",\"files\":\\["
                        + files.apply(List.of(
                                data.reports(month).resolve("perencanaan-" + month + ".xlsx"),
                                data.reports(month).resolve("anggaran-" + month + ".xlsx")))
                        + "],\"counts\":\\{\"workbooks\":2}}");
        assertThat(exports.get(1))
                .matches(start + "opendata\",\"period\":\"" + month + "\",\"files\":\\["
                        + files.apply(List.of(
                                data.openData(month).resolve("penerima-bansos-desa-" + month + ".csv"),
                                data.openData(month).resolve("penerima-bansos-kecamatan-" + month + ".csv"),
                                data.openData(month).resolve("metadata-" + month + ".json")))
                        + "],\"counts\":\\{\"threshold\":5,\"shown\":\\d+,\"suppressed_primary\":\\d+,"
                        + "\"suppressed_secondary\":\\d+}}");
        assertThat(exports.get(2))
                .matches(start + "uji-publik\",\"period\":\"" + month + "\",\"files\":\\["
                        + files.apply(List.of(uji.resolve(ujiStem + ".xlsx"), uji.resolve(ujiStem + ".pdf")))
                        + "],\"counts\":\\{\"desa\":1,\"rows\":\\d+}}");
        assertThat(exports.get(3))
                .matches(start + "review export\",\"period\":\"" + month + "\",\"files\":\\["
                        + files.apply(reviewFiles)
                        + "],\"counts\":\\{\"desa\":" + reviewFiles.size()
                        + ",\"status_cases\":\\d+,\"pair_cases\":\\d+,\"reject_cases\":\\d+}}");
        // the demo's two refresh runs: start and outcome of each
        assertThat(auditedRuns(data))
                .containsExactly(
                        "run-start demo " + (month.minusMonths(1)) + " 1",
                        "run-end demo " + (month.minusMonths(1)) + " 1 COMPLETED",
                        "run-start demo " + month + " 2",
                        "run-end demo " + month + " 2 COMPLETED");
        List<String> printed = new java.util.ArrayList<>();
        runs.forEach(export -> {
            printed.add(export.out());
            printed.add(export.err());
        });
        return printed;
    }

    /**
     * Every file the demo and the exports wrote outside the restricted layer (inbox, lake, truth,
     * secrets, and desa/, whose lists carry names for the desa) holds no NIK, No. KK, full name or
     * birth date of a simulated resident: the warehouse and its kept versions, the run reports, the
     * planner, budget and open-data files, the job metadata, the audit log, the lock file, and the
     * demo's own output (its log); nor does what the export commands printed.
     */
    private void assertNoPersonalDataOutsideTheRestrictedLayer(List<String> printed) throws Exception {
        PersonalDataScan scan = PersonalDataScan.ofTruth(root);
        List<Path> checked = new java.util.ArrayList<>();
        try (var files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String top = root.relativize(file).getName(0).toString();
                if (List.of("inbox", "lake", "truth", "secrets", "desa").contains(top)) {
                    continue;
                }
                assertThat(scan.findings(file))
                        .as(root.relativize(file).toString())
                        .isEmpty();
                checked.add(root.relativize(file));
            }
        }
        for (String text : printed) {
            assertThat(scan.findings(text)).as(text).isEmpty();
        }
        assertThat(checked.stream().map(Path::toString))
                .contains(
                        "demo.log",
                        "warehouse/satupintu.duckdb",
                        "metadata/audit.log",
                        "metadata/jobs.mv.db",
                        DataDirectoryLock.FILE_NAME)
                .anyMatch(file -> file.startsWith("warehouse/versions/"))
                .anyMatch(file -> file.matches("reports/[0-9-]+/run-[0-9]+\\.json"))
                .anyMatch(file -> file.matches("reports/[0-9-]+/perencanaan-.*\\.xlsx"))
                .anyMatch(file -> file.startsWith("opendata/"));
        // the scan finds what it looks for: the restricted lake's named rows would fail it
        try (var staged = Files.walk(root.resolve("inbox"))) {
            Path roster = staged.filter(file -> file.toString().endsWith(".csv"))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
            assertThat(scan.findings(roster))
                    .anyMatch(found -> found.startsWith("NIK/KK "))
                    .anyMatch(found -> found.startsWith("name "))
                    .anyMatch(found -> found.startsWith("birth date "));
        }
    }

    /**
     * What docs/privacy.md says is owner-only is: the folders with personal data (inbox, lake, truth,
     * the key's folder, the job metadata, desa/ and its lists) rwx------, the key, the audit log, the
     * run reports and the lock file rw-------; the warehouse, for its readers, is not.
     */
    private void assertOwnerOnlyWherePrivacyMdSaysSo(YearMonth month) throws Exception {
        DataDirectory data = new DataDirectory(root);
        for (Path folder : List.of(
                data.inbox(),
                data.lake(),
                root.resolve("truth"),
                data.pseudonymKey().getParent(),
                data.metadata(),
                data.desaOutputs(),
                data.ujiPublik(month),
                data.reviewWorkbooks(month))) {
            assertThat(permissions(folder)).as(folder.toString()).isEqualTo("rwx------");
        }
        List<Path> files = new java.util.ArrayList<>(
                List.of(data.pseudonymKey(), data.auditLog(), root.resolve(DataDirectoryLock.FILE_NAME)));
        try (var reports = Files.walk(root.resolve("reports"))) {
            reports.filter(file -> file.getFileName().toString().matches("run-[0-9]+\\.(json|html)"))
                    .forEach(files::add);
        }
        // the key, the audit log, the lock, and each of the two runs' JSON report and page
        assertThat(files).hasSize(7);
        for (Path file : files) {
            assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------");
        }
        assertThat(permissions(data.warehouseDirectory())).isEqualTo("rwxr-xr-x");
    }

    /** The refresh runs of the audit log: action, command, month, run and the outcome of an end. */
    private static List<String> auditedRuns(DataDirectory data) throws java.io.IOException {
        return Files.readAllLines(data.auditLog()).stream()
                .filter(line -> line.contains("\"action\":\"run-"))
                .map(line -> line.replaceAll(
                                "^.*\"action\":\"(run-[a-z]+)\".*\"command\":\"([^\"]+)\","
                                        + "\"period\":\"([0-9-]+)\",\"run\":([0-9]+)[,}](\"status\":\"([A-Z]+)\")?.*$",
                                "$1 $2 $3 $4 $6")
                        .strip())
                .toList();
    }

    private static String permissions(Path path) throws java.io.IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
