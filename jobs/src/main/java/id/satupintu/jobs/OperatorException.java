package id.satupintu.jobs;

/** A command cannot go on; carries the one sentence an operator reads, in both languages. */
public final class OperatorException extends RuntimeException implements OperatorMessage {
    private final String messageIndonesian;

    public OperatorException(String messageIndonesian, String messageEnglish) {
        super(messageEnglish);
        this.messageIndonesian = messageIndonesian;
    }

    @Override
    public String messageIndonesian() {
        return messageIndonesian;
    }

    @Override
    public String messageEnglish() {
        return getMessage();
    }
}
