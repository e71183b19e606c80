package id.satupintu.jobs.review;

import id.satupintu.jobs.OperatorException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** Who decided, when and under which berita acara: the options every review decision command takes. */
public final class DecisionOptions {
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @Option(names = "--by", paramLabel = "WHO", required = true, descriptionKey = "override-by")
    String decidedBy;

    @Option(names = "--reference", paramLabel = "NO", required = true, descriptionKey = "override-reference")
    String reference;

    @Option(names = "--on", paramLabel = "YYYY-MM-DD", descriptionKey = "override-on")
    String decidedOn;

    public String decidedBy() {
        return decidedBy.strip();
    }

    public String reference() {
        return reference.strip();
    }

    public boolean incomplete() {
        return decidedBy.isBlank() || reference.isBlank();
    }

    /** The decision's date: {@code --on}, or today in Jakarta. */
    public LocalDate decidedOn() {
        try {
            return decidedOn == null ? LocalDate.now(JAKARTA) : LocalDate.parse(decidedOn.strip());
        } catch (DateTimeParseException e) {
            throw new OperatorException(
                    "--on harus berbentuk YYYY-MM-DD, misalnya 2026-10-14",
                    "--on must look like YYYY-MM-DD, for example 2026-10-14");
        }
    }
}
