package id.satupintu.pipeline.ingest;

import static java.util.Objects.requireNonNull;

/** A roster file that cannot be read at all: no row of it is staged or rejected, the file is refused. */
public final class RosterFileRefusedException extends Exception {
    private final String fileName;
    private final String reasonIndonesian;
    private final String reasonEnglish;

    public RosterFileRefusedException(String fileName, String reasonIndonesian, String reasonEnglish) {
        super("File " + fileName + " refused: " + reasonEnglish);
        this.fileName = requireNonNull(fileName, "fileName is null");
        this.reasonIndonesian = requireNonNull(reasonIndonesian, "reasonIndonesian is null");
        this.reasonEnglish = requireNonNull(reasonEnglish, "reasonEnglish is null");
    }

    public String fileName() {
        return fileName;
    }

    public String reasonIndonesian() {
        return reasonIndonesian;
    }

    public String reasonEnglish() {
        return reasonEnglish;
    }
}
