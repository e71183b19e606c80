package id.satupintu.jobs.refresh;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.List;
import org.springframework.batch.core.BatchStatus;

/** What one refresh run did: its status, and per source file the rows read, staged and rejected. */
public record RefreshOutcome(
        YearMonth period,
        long jobExecutionId,
        BatchStatus status,
        List<FileOutcome> files,
        java.util.Map<String, Long> linkage,
        Throwable failure) {
    public RefreshOutcome {
        requireNonNull(period, "period is null");
        requireNonNull(status, "status is null");
        files = List.copyOf(files);
        linkage = java.util.Map.copyOf(linkage);
    }

    public boolean succeeded() {
        return status == BatchStatus.COMPLETED;
    }

    /**
     * @param kept the file was unchanged since its last ingest, so its lake output was kept and the
     *     file not read again; the counts are that ingest's
     */
    public record FileOutcome(
            String file, String status, long rowsRead, long rowsStaged, long rowsRejected, boolean kept) {}
}
