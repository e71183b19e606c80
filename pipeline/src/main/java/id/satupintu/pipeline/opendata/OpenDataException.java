package id.satupintu.pipeline.opendata;

/** The open data cannot be made; carries the reason in Bahasa Indonesia and in English. */
public final class OpenDataException extends RuntimeException {
    private final String messageIndonesian;

    public OpenDataException(String messageIndonesian, String messageEnglish) {
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
