package id.satupintu.pipeline.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

/**
 * A reader found, past the header, that the whole file cannot be read as its source (a quote never
 * closed, a field beyond every limit): the file is refused with this reason, in both languages,
 * rather than the reading error's text.
 */
final class RefusedWhileReading extends IOException {
    private final transient RosterFileRefusedException refusal;

    RefusedWhileReading(RosterFileRefusedException refusal) {
        super(requireNonNull(refusal, "refusal is null").getMessage(), refusal);
        this.refusal = refusal;
    }

    RosterFileRefusedException refusal() {
        return refusal;
    }
}
