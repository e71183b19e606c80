package id.satupintu.jobs.refresh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The packaged jar ({@code target/satupintu.jar}) run in its own JVM, as an operator runs it, with
 * its output (log lines and messages) read line by line as it comes, kept in order and copied to a
 * log file. A test waits for a line, then kills the process with SIGKILL, as a power cut would.
 */
final class RefreshProcess implements AutoCloseable {
    /** One line of output and when it was read, in {@link System#nanoTime()}. */
    record Line(long nanos, String text) {}

    private final Process process;
    private final List<Line> lines = new ArrayList<>();
    private final Thread reader;

    private RefreshProcess(Process process, Path log) {
        this.process = process;
        this.reader = started(new Thread(() -> read(log)));
    }

    private static Thread started(Thread thread) {
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static RefreshProcess start(Path log, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // quicker start of a short run; the jar and its work are as an operator runs them
                "-XX:TieredStopAtLevel=1",
                "-jar",
                Path.of("target", "satupintu.jar").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new RefreshProcess(process, log);
    }

    private void read(Path log) {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter copy = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                Line line = new Line(System.nanoTime(), text);
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
                copy.println(text);
            }
        } catch (IOException e) {
            // the process was killed while a line was being read: the lines so far stay
        } finally {
            synchronized (lines) {
                lines.add(new Line(System.nanoTime(), null));
                lines.notifyAll();
            }
        }
    }

    /**
     * Waits for the first line matching {@code wanted}; empty when the output ends or the time is up
     * first.
     */
    java.util.Optional<Line> await(Predicate<String> wanted, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (lines) {
            int seen = 0;
            while (true) {
                for (; seen < lines.size(); seen++) {
                    Line line = lines.get(seen);
                    if (line.text() == null) {
                        return java.util.Optional.empty();
                    }
                    if (wanted.test(line.text())) {
                        return java.util.Optional.of(line);
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return java.util.Optional.empty();
                }
                lines.wait(left);
            }
        }
    }

    /** The lines read so far (the last is null once the output ended). */
    List<Line> lines() {
        synchronized (lines) {
            return List.copyOf(
                    lines.stream().filter(line -> line.text() != null).toList());
        }
    }

    String output() {
        return String.join("\n", lines().stream().map(Line::text).toList());
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no finally block, no flush; as a power cut ends it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The refresh did not die within 20 s of SIGKILL");
        }
    }

    /** Waits for the process to end by itself and returns its exit code. */
    int waitFor(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("The process did not end within " + timeoutSeconds + " s");
        }
        reader.join(10_000);
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        reader.join(10_000);
    }
}
