package id.satupintu.pipeline.linkage;

/**
 * A linkage cannot go on: a blocking rule would produce too many pairs, or the records lack a
 * column the spec names. The message is one sentence for the operator, in English and in Bahasa
 * Indonesia.
 */
public final class LinkageException extends RuntimeException {
    private final String messageIndonesian;

    public LinkageException(String messageIndonesian, String messageEnglish) {
        super(messageEnglish);
        this.messageIndonesian = messageIndonesian;
    }

    public String messageIndonesian() {
        return messageIndonesian;
    }

    public String messageEnglish() {
        return getMessage();
    }
}
