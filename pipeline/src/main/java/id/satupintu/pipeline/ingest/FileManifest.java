package id.satupintu.pipeline.ingest;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * What an ingest did with one source file. For an ingested file rows read = rows staged + rows
 * rejected; a refused, duplicate or superseded file has no rows and a reason (for a duplicate or
 * superseded file: the file it stands aside for).
 */
public record FileManifest(
        String period,
        Optional<String> programCode,
        String sourceFile,
        String sha256,
        long sizeBytes,
        Status status,
        Optional<String> refusalReasonIndonesian,
        Optional<String> refusalReasonEnglish,
        long rowsRead,
        long rowsStaged,
        long rowsRejected,
        Instant ingestedAt) {
    public FileManifest {
        requireNonNull(period, "period is null");
        requireNonNull(programCode, "programCode is null");
        requireNonNull(sourceFile, "sourceFile is null");
        requireNonNull(sha256, "sha256 is null");
        requireNonNull(status, "status is null");
        requireNonNull(refusalReasonIndonesian, "refusalReasonIndonesian is null");
        requireNonNull(refusalReasonEnglish, "refusalReasonEnglish is null");
        requireNonNull(ingestedAt, "ingestedAt is null");
        if (rowsRead != rowsStaged + rowsRejected) {
            throw new IllegalStateException("Row accounting broken for " + sourceFile + ": read " + rowsRead
                    + " != staged " + rowsStaged + " + rejected " + rowsRejected);
        }
    }

    public enum Status {
        INGESTED,
        /** The file cannot be read as its source: unreadable, corrupt, empty, wrong header or period. */
        REFUSED,
        /** The same bytes were delivered under another name in the period; counted once, there. */
        DUPLICATE,
        /** A later revision of the same roster is in the period and replaces this file. */
        SUPERSEDED
    }
}
