package id.satupintu.jobs;

import java.util.Locale;

/** A failure whose message is written for the operator, in Bahasa Indonesia and English. */
public interface OperatorMessage {
    String messageIndonesian();

    String messageEnglish();

    default String message(Locale locale) {
        return locale.getLanguage().equals("en") ? messageEnglish() : messageIndonesian();
    }
}
