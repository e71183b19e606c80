package id.satupintu.pipeline.match;

import static java.util.Objects.requireNonNull;

/**
 * A list cannot be matched: no published warehouse, no linked month to match against, a list file
 * that cannot be read. The message is one sentence for the operator, in Bahasa Indonesia and
 * English, naming the file or the month; never a value of the list.
 */
public final class MatchException extends RuntimeException {
    private final String messageIndonesian;

    public MatchException(String messageIndonesian, String messageEnglish) {
        super(requireNonNull(messageEnglish, "messageEnglish is null"));
        this.messageIndonesian = requireNonNull(messageIndonesian, "messageIndonesian is null");
    }

    public String messageIndonesian() {
        return messageIndonesian;
    }

    public String messageEnglish() {
        return getMessage();
    }
}
