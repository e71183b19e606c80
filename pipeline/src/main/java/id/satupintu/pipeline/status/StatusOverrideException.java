package id.satupintu.pipeline.status;

/**
 * A line of {@code config/status-overrides.csv} cannot be read. The message names the file and the
 * line number and never a value of the line; it is one sentence in English and in Bahasa Indonesia.
 */
public final class StatusOverrideException extends RuntimeException {
    private final String messageIndonesian;

    public StatusOverrideException(String messageIndonesian, String messageEnglish) {
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
