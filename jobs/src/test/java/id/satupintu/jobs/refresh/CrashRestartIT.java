package id.satupintu.jobs.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import id.satupintu.jobs.BatchApplication;
import id.satupintu.jobs.CommandRun;
import id.satupintu.pipeline.generate.FaultRates;
import id.satupintu.pipeline.generate.GeneratorSettings;
import id.satupintu.pipeline.generate.SyntheticRosterGenerator;
import id.satupintu.pipeline.lake.AuditLog;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.warehouse.WarehousePublisher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * Power cuts, a full disk and readers during a refresh, on a small generated Buleleng (two months,
 * faults at the default rates). The first month is refreshed once; every case refreshes the second
 * month in a copy of that data directory, in its own JVM from the packaged jar, as an operator runs
 * it.
 *
 * <ul>
 *   <li>The clean run: a reader that opened the published warehouse before the run keeps its
 *       connection across the publish and sees the first month's warehouse throughout; a poller that
 *       opens the file again and again sees the first month's, then the new one, never anything
 *       else; of two refreshes started together, one runs and the other is refused naming it.
 *   <li>The crash trials: SIGKILL at a seeded random moment of a random step (prepare, ingest, link,
 *       build, publish, report), a poller checking the published file all along, then {@code
 *       restart} (or {@code refresh} when the run had not started): every table of the published
 *       warehouse equals the clean run's. {@code -Dcrash.trials=N} (default 3 in every build; 20 for the full suite,
 *       {@code bench/crash.sh}) and {@code -Dcrash.seed=S}.
 *   <li>A full disk during the build (a small tmpfs mounted over {@code warehouse/build}): one
 *       sentence naming it, the first month's warehouse stays published and readable, and {@code
 *       restart} completes once space is back.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRestartIT {
    private static final YearMonth FIRST = YearMonth.of(2026, 9);
    private static final YearMonth SECOND = YearMonth.of(2026, 10);
    private static final List<String> STEPS = List.of("prepare", "ingest", "link", "build", "publish", "report");
    private static final Pattern STEP_LINE = Pattern.compile("Refresh 2026-10: step (\\w+) (started|ended)");
    private static final int TRIALS = Integer.getInteger("crash.trials", 3);
    private static final long SEED = Long.getLong("crash.seed", 20261129L);

    @TempDir
    static Path root;

    private DataDirectory firstMonthDone;
    private List<String> firstMonth;
    private List<String> clean;
    /** The quick fingerprints the pollers compare ({@link WarehouseContent#tableRows}). */
    private List<String> firstMonthRows;

    private List<String> cleanRows;
    private int cleanVersions;
    /** How long each step of the clean run took, in milliseconds. */
    private final Map<String, Long> stepMillis = new LinkedHashMap<>();
    /** What the readers and the second refresh saw during the clean run. */
    private CleanRun cleanRun;

    private record CleanRun(
            List<String> heldReaderSaw,
            int heldReaderQueries,
            String heldReaderAfter,
            Poller.Seen pollerSaw,
            long refusedRunSteps,
            String refusedOutput,
            long runPid) {}

    @BeforeAll
    void refreshTheFirstMonthThenTheSecondCleanlyWithReadersAndASecondWriter() throws Exception {
        firstMonthDone = new DataDirectory(root.resolve("first-month-done"));
        new SyntheticRosterGenerator(new GeneratorSettings("51.08", FIRST, 2, 1_500, 20261125L, FaultRates.defaults()))
                .generate(firstMonthDone.root());
        RefreshOutcome first = BatchApplication.run(firstMonthDone, context -> {
            try {
                return context.getBean(RefreshRunner.class).refresh(FIRST);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(first.status()).isEqualTo(BatchStatus.COMPLETED);
        firstMonth = WarehouseContent.of(firstMonthDone.publishedWarehouse());
        firstMonthRows = WarehouseContent.tableRows(firstMonthDone.publishedWarehouse());

        DataDirectory data = WarehouseContent.copy(firstMonthDone, root.resolve("clean"));
        List<String> heldSaw = new ArrayList<>();
        int heldQueries = 0;
        Process heldReader = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HeldReader.class.getName(),
                        data.publishedWarehouse().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Poller poller = Poller.start(data.publishedWarehouse());
        try (var toHeld = new java.io.PrintWriter(heldReader.getOutputStream(), true, StandardCharsets.UTF_8);
                var fromHeld = new java.io.BufferedReader(
                        new java.io.InputStreamReader(heldReader.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(fromHeld.readLine()).isEqualTo("opened");
            // two refreshes of the month started together, as an operator's and the schedule's might:
            // whichever takes the lock first runs (a job run holds it from before it starts to after it
            // ends, seconds), the other is refused naming it
            try (RefreshProcess one = RefreshProcess.start(
                            root.resolve("one.log"),
                            "refresh",
                            "--period",
                            SECOND.toString(),
                            "--data-dir",
                            data.root().toString());
                    RefreshProcess other = RefreshProcess.start(
                            root.resolve("other.log"),
                            "refresh",
                            "--period",
                            SECOND.toString(),
                            "--data-dir",
                            data.root().toString())) {
                // the reader holding its connection queries on until both have ended
                while (one.isAlive() || other.isAlive()) {
                    toHeld.println("again");
                    String content = fromHeld.readLine();
                    heldQueries++;
                    if (heldSaw.isEmpty() || !heldSaw.get(heldSaw.size() - 1).equals(content)) {
                        heldSaw.add(content);
                    }
                }
                int oneExit = one.waitFor(300);
                int otherExit = other.waitFor(300);
                assertThat(List.of(oneExit, otherExit))
                        .as(one.output() + "\n----\n" + other.output())
                        .containsExactlyInAnyOrder(0, 1);
                RefreshProcess ran = oneExit == 0 ? one : other;
                RefreshProcess refused = oneExit == 0 ? other : one;
                toHeld.println("after");
                String heldAfter = fromHeld.readLine();
                cleanRun = new CleanRun(
                        heldSaw,
                        heldQueries,
                        heldAfter,
                        poller.stop(),
                        refused.lines().stream()
                                .filter(line -> line.text().contains("step prepare started"))
                                .count(),
                        refused.output(),
                        ran.pid());
                stepMillis.putAll(stepMillis(ran.lines()));
            }
        } finally {
            heldReader.destroyForcibly();
            heldReader.waitFor(20, TimeUnit.SECONDS);
        }
        clean = WarehouseContent.of(data.publishedWarehouse());
        cleanRows = WarehouseContent.tableRows(data.publishedWarehouse());
        assertThat(clean).isNotEqualTo(firstMonth);
        cleanVersions = new WarehousePublisher(data).versions().size();
        assertThat(new WarehousePublisher(data).versions())
                .as("versions kept by the clean run; the refused refresh said: " + cleanRun.refusedOutput())
                .hasSize(1);
        assertThat(stepMillis.keySet()).containsExactlyElementsOf(STEPS);
    }

    @Test
    void aReaderHoldingItsConnectionAcrossThePublishSeesThePreviousWarehouseThroughout() throws Exception {
        // (in a process of its own, HeldReader, opened before the run began)
        assertThat(cleanRun.heldReaderSaw()).containsExactly(String.join(" | ", firstMonth));
        assertThat(cleanRun.heldReaderAfter()).isEqualTo(String.join(" | ", firstMonth));
        assertThat(cleanRun.heldReaderQueries()).isGreaterThan(5);
        // a connection opened after the publish sees the new one
        assertThat(WarehouseContent.of(root.resolve("clean").resolve("warehouse/satupintu.duckdb")))
                .isEqualTo(clean);
    }

    @Test
    void readersOpeningThePublishedFileDuringTheRunSeeThePreviousVersionThenTheNewOne() {
        assertThat(cleanRun.pollerSaw().failures()).isEmpty();
        assertThat(cleanRun.pollerSaw().versions()).containsExactly(firstMonthRows, cleanRows);
        assertThat(cleanRun.pollerSaw().opens()).isGreaterThan(5);
    }

    @Test
    void ofTwoRefreshesStartedTogetherOneRunsAndTheOtherIsRefusedNamingItsHolder() {
        // the refused one started no step
        assertThat(cleanRun.refusedRunSteps()).isZero();
        assertThat(cleanRun.refusedOutput().lines().reduce((first, second) -> second))
                .hasValueSatisfying(last -> assertThat(last)
                        .matches("Gagal: Direktori data sedang dipakai oleh proses lain \\(pid " + cleanRun.runPid()
                                + ", since \\S+, refresh --period 2026-10\\); tunggu sampai selesai"));
        // the one that ran is unharmed: its warehouse is what every crash trial resumes to, and the job
        // repository holds its run alone (the refused one started no job)
        CommandRun history =
                CommandRun.of("history", "--data-dir", root.resolve("clean").toString(), "--lang", "en");
        assertThat(history.out()
                        .lines()
                        .skip(2)
                        .map(line -> line.split("\\|")[1].strip() + " " + line.split("\\|")[4].strip()))
                .containsExactly("2026-10 COMPLETED", "2026-09 COMPLETED");
    }

    @Test
    void refreshesKilledAtRandomMomentsResumeToTheCleanRunsWarehouse() throws Exception {
        Random random = new Random(SEED);
        int firstStep = random.nextInt(STEPS.size());
        Map<String, Integer> hits = new TreeMap<>();
        List<String> report = new ArrayList<>();
        long started = System.nanoTime();
        for (int trial = 1; trial <= TRIALS; trial++) {
            String target = STEPS.get((firstStep + trial - 1) % STEPS.size());
            long delay = (long) (random.nextDouble() * stepMillis.get(target));
            long trialStarted = System.nanoTime();
            Trial result = killAndResume(trial, target, delay);
            hits.merge(result.hit(), 1, Integer::sum);
            report.add(String.format(
                    "trial %2d: aimed at %-7s +%5d ms, killed in %-13s, %s, poller opened the warehouse %3d times,"
                            + " %5.1f s",
                    trial,
                    target,
                    delay,
                    result.hit(),
                    result.resumedBy(),
                    result.opens(),
                    (System.nanoTime() - trialStarted) / 1e9));
        }
        report.add("kills per step: " + hits);
        report.add(String.format(
                "%d trials, seed %d, %.0f s (clean run step times in ms: %s)",
                TRIALS, SEED, (System.nanoTime() - started) / 1e9, stepMillis));
        Files.write(Path.of("target", "crash-trials.txt"), report, StandardCharsets.UTF_8);
        report.forEach(System.out::println);
        assertThat(hits.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(TRIALS);
    }

    private record Trial(String hit, String resumedBy, int opens) {}

    private Trial killAndResume(int trial, String target, long delayMillis) throws Exception {
        DataDirectory data = WarehouseContent.copy(firstMonthDone, root.resolve("trial-" + trial));
        Poller poller = Poller.start(data.publishedWarehouse());
        String hit;
        try (RefreshProcess refresh = RefreshProcess.start(
                root.resolve("trial-" + trial + ".log"),
                "refresh",
                "--period",
                SECOND.toString(),
                "--data-dir",
                data.root().toString())) {
            Optional<RefreshProcess.Line> stepStarted =
                    refresh.await(line -> line.contains("step " + target + " started"), 120_000);
            assertThat(stepStarted).as(refresh.output()).isPresent();
            long wait = stepStarted.get().nanos() / 1_000_000 + delayMillis - System.nanoTime() / 1_000_000;
            // the moment, or the step's end if it comes first (the step ran quicker than in the clean run)
            refresh.await(line -> line.contains("step " + target + " ended"), Math.max(0, wait));
            refresh.kill();
            hit = stepAt(refresh.lines());
        }
        Poller.Seen seen = poller.stop();
        assertThat(seen.failures())
                .as("trial " + trial + ": opening the published warehouse")
                .isEmpty();
        // always a complete version: the first month's, then perhaps the new one, never back
        assertThat(List.of(List.of(firstMonthRows), List.of(firstMonthRows, cleanRows), List.of(cleanRows)))
                .as("trial " + trial + ": the versions a reader saw")
                .contains(seen.versions());

        String resumedBy = resume(data);
        String trialName = "trial " + trial + ", aimed at " + target + " +" + delayMillis + " ms, killed in " + hit
                + ", then " + resumedBy;
        assertThat(WarehouseContent.of(data.publishedWarehouse())).as(trialName).containsExactlyElementsOf(clean);
        List<String> versions = new WarehousePublisher(data).versions();
        boolean republished = versions.size() == cleanVersions + 1;
        if (republished) {
            // H2 writes a commit to its file up to half a second after it is made: a kill just after
            // the publish can lose the build's and the publish's completion, and restart builds and
            // publishes again, keeping the killed run's warehouse, identical, as the newest version
            assertThat(WarehouseContent.of(data.warehouseVersions().resolve(versions.get(0))))
                    .as(trialName + ": the extra version kept")
                    .isEqualTo(clean);
        } else {
            assertThat(versions).as(trialName + ": versions kept").hasSize(cleanVersions);
        }
        try (Stream<Path> builds = Files.list(data.warehouseBuilds())) {
            assertThat(builds.map(file -> file.getFileName().toString()).filter(name -> name.contains(".duckdb")))
                    .as(trialName + ": builds left behind")
                    .isEmpty();
        }
        deleteTree(data.root());
        return new Trial(hit, resumedBy + (republished ? " (published again)" : ""), seen.opens());
    }

    /**
     * What an operator does after a power cut: {@code restart}; when there is nothing to resume,
     * {@code status} tells whether the month's run had completed (nothing to do) or never started
     * ({@code refresh}).
     */
    private static String resume(DataDirectory data) {
        CommandRun restart = CommandRun.of(
                "restart",
                "--period",
                SECOND.toString(),
                "--data-dir",
                data.root().toString());
        if (restart.exitCode() == 0) {
            return "restart";
        }
        assertThat(restart.err()).contains("Tidak ada refresh yang gagal untuk dilanjutkan untuk periode 2026-10");
        CommandRun status = CommandRun.of("status", "--data-dir", data.root().toString(), "--lang", "en");
        if (status.out().contains(" of 2026-10, COMPLETED,")) {
            return "had completed";
        }
        CommandRun refresh = CommandRun.of(
                "refresh",
                "--period",
                SECOND.toString(),
                "--data-dir",
                data.root().toString());
        assertThat(refresh.exitCode()).as(refresh.err()).isZero();
        return "refresh";
    }

    @Test
    void aFullDiskDuringTheBuildFailsInOneSentenceAndRestartCompletesOnceSpaceIsBack() throws Exception {
        DataDirectory data = WarehouseContent.copy(firstMonthDone, root.resolve("full-disk"));
        Path builds = Files.createDirectories(data.warehouseBuilds());
        mountSmallDisk(builds);
        CommandRun refresh;
        try {
            refresh = CommandRun.of(
                    "refresh",
                    "--period",
                    SECOND.toString(),
                    "--data-dir",
                    data.root().toString());

            // the previous version stays published and readable
            assertThat(WarehouseContent.of(data.publishedWarehouse())).isEqualTo(firstMonth);
            CommandRun query =
                    CommandRun.of("query", "--data-dir", data.root().toString(), "SELECT period FROM period");
            assertThat(query.out()).contains("2026-09").doesNotContain("2026-10");
        } finally {
            unmount(builds);
        }
        assertThat(refresh.exitCode()).isEqualTo(1);
        assertThat(refresh.err().strip().lines().reduce((first, second) -> second))
                .hasValue("Gagal: Disk penuh saat membangun gudang data: tidak ada ruang tersisa di " + builds
                        + "; gudang data yang diterbitkan tidak berubah, kosongkan ruang disk lalu jalankan restart");
        assertThat(Files.readString(data.reports(SECOND).resolve("run-2.json")))
                .contains("\"status\" : \"FAILED\"")
                .contains("The disk is full while building the warehouse: no space left in " + builds
                        + "; the published warehouse is unchanged, free disk space and run restart");

        CommandRun restart = CommandRun.of("restart", "--data-dir", data.root().toString());
        assertThat(restart.exitCode()).as(restart.err()).isZero();
        assertThat(WarehouseContent.of(data.publishedWarehouse())).isEqualTo(clean);

        // the audit log: each run's start and outcome, the restart naming the run it resumes
        List<String> audit = Files.readAllLines(data.auditLog());
        String start = "\\{\"at\":\"[0-9T:.\\-]+Z\",\"action\":\"run-start\",\"os_user\":\""
                + Pattern.quote(System.getProperty("user.name")) + "\",";
        String end = start.replace("run-start", "run-end");
        String sha = "\"sha256\":\"" + AuditLog.sha256(data.publishedWarehouse()) + "\"";
        assertThat(audit).hasSize(6);
        assertThat(audit.get(0))
                .matches(start + "\"command\":\"refresh --period 2026-09\",\"period\":\"2026-09\",\"run\":1}");
        assertThat(audit.get(1))
                .matches(end + "\"command\":\"refresh --period 2026-09\",\"period\":\"2026-09\",\"run\":1,"
                        + "\"status\":\"COMPLETED\",\"files\":10,\"rows_read\":\\d+,\"rows_staged\":\\d+,"
                        + "\"rows_rejected\":\\d+,\"published\":\\{\"file\":\"[^\"]+\",\"bytes\":\\d+,"
                        + "\"sha256\":\"[0-9a-f]{64}\"}}");
        assertThat(audit.get(2))
                .matches(start + "\"command\":\"refresh --period 2026-10\",\"period\":\"2026-10\",\"run\":2}");
        assertThat(audit.get(3))
                .matches(end + "\"command\":\"refresh --period 2026-10\",\"period\":\"2026-10\",\"run\":2,"
                        + "\"status\":\"FAILED\",\"files\":10,\"rows_read\":\\d+,\"rows_staged\":\\d+,"
                        + "\"rows_rejected\":\\d+}");
        assertThat(audit.get(4))
                .matches(start + "\"command\":\"restart\",\"period\":\"2026-10\",\"run\":3,\"resumes\":2}");
        assertThat(audit.get(5))
                .matches(end + "\"command\":\"restart\",\"period\":\"2026-10\",\"run\":3,\"status\":\"COMPLETED\","
                        + "\"files\":0,\"rows_read\":0,\"rows_staged\":0,\"rows_rejected\":0,\"published\":\\{\"file\":\""
                        + Pattern.quote(data.publishedWarehouse().toString()) + "\",\"bytes\":"
                        + Files.size(data.publishedWarehouse()) + "," + sha + "}}");
    }

    /** A tmpfs of 4 MiB over {@code folder}: the build needs more. Needs root, as CI has. */
    private static void mountSmallDisk(Path folder) throws Exception {
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", folder.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!mount.waitFor(30, TimeUnit.SECONDS) || mount.exitValue() != 0) {
            fail("The full-disk test needs to mount a small tmpfs (it runs as root in CI):"
                    + " mount -t tmpfs -o size=4m tmpfs " + folder + " failed: " + output.strip());
        }
    }

    private static void unmount(Path folder) throws Exception {
        Process umount = new ProcessBuilder("umount", folder.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(umount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!umount.waitFor(30, TimeUnit.SECONDS) || umount.exitValue() != 0) {
            new ProcessBuilder("umount", "-l", folder.toString()).start().waitFor(30, TimeUnit.SECONDS);
            fail("umount " + folder + " failed (a file left open on it?): " + output.strip());
        }
    }

    /** The step a run was in when its output stopped: the last one started, or "after X" between steps. */
    private static String stepAt(List<RefreshProcess.Line> lines) {
        String at = "startup";
        for (RefreshProcess.Line line : lines) {
            Matcher step = STEP_LINE.matcher(line.text());
            if (step.find()) {
                at = step.group(2).equals("started") ? step.group(1) : "after " + step.group(1);
            }
        }
        return at;
    }

    /** How long each step took, from the log lines that say when it started and ended. */
    private static Map<String, Long> stepMillis(List<RefreshProcess.Line> lines) {
        Map<String, Long> started = new LinkedHashMap<>();
        Map<String, Long> took = new LinkedHashMap<>();
        for (RefreshProcess.Line line : lines) {
            Matcher step = STEP_LINE.matcher(line.text());
            if (step.find()) {
                if (step.group(2).equals("started")) {
                    started.put(step.group(1), line.nanos());
                } else {
                    took.put(step.group(1), Math.max(1, (line.nanos() - started.get(step.group(1))) / 1_000_000));
                }
            }
        }
        return took;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * Opens the published warehouse read-only again and again on its own thread, as the readers of a
     * live deployment do, and keeps each distinct content it saw in order, and any failure to open or
     * read it.
     */
    private static final class Poller {
        record Seen(List<List<String>> versions, List<String> failures, int opens) {}

        private final Path warehouse;
        private final List<List<String>> versions = new ArrayList<>();
        private final List<String> failures = new ArrayList<>();
        private volatile boolean running = true;
        private int opens;
        private Thread thread;

        private Poller(Path warehouse) {
            this.warehouse = warehouse;
        }

        static Poller start(Path warehouse) {
            Poller poller = new Poller(warehouse);
            poller.thread = new Thread(poller::poll);
            poller.thread.start();
            return poller;
        }

        private void poll() {
            // once more after the run ended: the last version it published
            boolean more = true;
            while (more) {
                more = running;
                try {
                    List<String> content = WarehouseContent.tableRows(warehouse);
                    opens++;
                    if (versions.isEmpty() || !versions.get(versions.size() - 1).equals(content)) {
                        versions.add(content);
                    }
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception | AssertionError e) {
                    failures.add(String.valueOf(e));
                }
            }
        }

        Seen stop() throws InterruptedException {
            running = false;
            thread.join(60_000);
            return new Seen(List.copyOf(versions), List.copyOf(failures), opens);
        }
    }
}
