package id.satupintu.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.lake.DataDirectoryLock;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
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

    /**
     * Every file a run writes outside the restricted layer (inbox, lake, truth, secrets) holds no
     * NIK and no No. KK of the simulated residents: the warehouse, its kept versions, the run
     * reports, the job metadata.
     */
    private static void assertNoNikOrKkOutsideTheRestrictedLayer(Path root) throws Exception {
        java.util.Set<String> numbers = new java.util.HashSet<>();
        try (var duckdb = id.satupintu.pipeline.duckdb.DuckDb.inMemory(1);
                var statement = duckdb.createStatement();
                var result = statement.executeQuery("SELECT nik, no_kk FROM read_parquet('"
                        + root.resolve("truth/*/population/*.parquet") + "')")) {
            while (result.next()) {
                numbers.add(result.getString(1));
                numbers.add(result.getString(2));
            }
        }
        assertThat(numbers).hasSizeGreaterThan(1_000);
        java.util.regex.Pattern sixteenDigits = java.util.regex.Pattern.compile("(?<![0-9])[0-9]{16}(?![0-9])");
        List<Path> checked = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.walk(root)) {
            for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                String top = root.relativize(file).getName(0).toString();
                if (List.of("inbox", "lake", "truth", "secrets").contains(top)) {
                    continue;
                }
                String content = new String(
                        java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                java.util.regex.Matcher matcher = sixteenDigits.matcher(content);
                while (matcher.find()) {
                    assertThat(numbers).as(root.relativize(file).toString()).doesNotContain(matcher.group());
                }
                checked.add(root.relativize(file));
            }
        }
        assertThat(checked)
                .anyMatch(file -> file.toString().equals("warehouse/satupintu.duckdb"))
                .anyMatch(file -> file.toString().startsWith("reports/"))
                .anyMatch(file -> file.toString().startsWith("metadata/"));
    }

    @Test
    void backfillRefreshesTheMonthsInOrderAndHistoryShowsThem() {
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
        CommandRun demo = run("demo", "--data-dir", root.toString(), "--persons", "1500");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        YearMonth first = YearMonth.now().minusMonths(2);
        assertThat(demo.out()).contains("Refresh periode " + first + ": COMPLETED");
        assertThat(demo.out()).contains("Refresh periode " + first.plusMonths(1) + ": COMPLETED");

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

        assertNoNikOrKkOutsideTheRestrictedLayer(root);

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
}
