package id.satupintu.pipeline.report;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * What a refresh run did, as the job knows it (the warehouse does not): its status, its steps and how
 * long each took, each source file's rows and the failures. Counts, step names and file names only.
 *
 * @param status the Spring Batch status ({@code COMPLETED}, {@code FAILED} ...)
 * @param started when the run started, as Spring Batch records it (local time of this JVM's zone); empty
 *     if it never did
 */
public record RunFacts(
        long runId,
        YearMonth period,
        String status,
        Optional<LocalDateTime> started,
        long durationMillis,
        List<StepTiming> steps,
        List<FileRun> files,
        List<String> failures) {
    public RunFacts {
        requireNonNull(period, "period is null");
        requireNonNull(status, "status is null");
        requireNonNull(started, "started is null");
        steps = List.copyOf(steps);
        files = List.copyOf(files);
        failures = List.copyOf(failures);
    }

    /** A completed run published the warehouse it built. */
    public boolean completed() {
        return status.equals("COMPLETED");
    }

    /** One step of the run (not the ingest partitions, which are {@link FileRun}s). */
    public record StepTiming(String step, String status, long durationMillis) {
        public StepTiming {
            requireNonNull(step, "step is null");
            requireNonNull(status, "status is null");
        }
    }

    /** One source file's ingest partition: its outcome, rows and time. */
    public record FileRun(
            String file, String status, long rowsRead, long rowsStaged, long rowsRejected, long durationMillis) {
        public FileRun {
            requireNonNull(file, "file is null");
            requireNonNull(status, "status is null");
        }
    }
}
