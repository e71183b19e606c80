package id.satupintu.jobs;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Bahasa Indonesia by default, English on request ({@code --lang en}). */
public final class Language {
    public static final String BUNDLE = "id.satupintu.jobs.Messages";
    public static final Locale INDONESIAN = Locale.forLanguageTag("id");
    /** The application property that tells a job the language of what it writes: {@code id} (default) or {@code en}. */
    public static final String PROPERTY = "satupintu.lang";

    private Language() {}

    public static Locale locale(String lang) {
        return "en".equalsIgnoreCase(lang) ? Locale.ENGLISH : INDONESIAN;
    }

    /** The language asked for on a command line, read before picocli builds the help. */
    public static Locale fromArguments(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                return locale(args[i + 1]);
            }
            if (args[i].startsWith("--lang=")) {
                return locale(args[i].substring("--lang=".length()));
            }
        }
        return INDONESIAN;
    }

    public static ResourceBundle messages(Locale locale) {
        // The base bundle is Indonesian; no fallback to the machine's locale.
        return ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static String format(ResourceBundle messages, String key, Object... arguments) {
        // the base bundle's locale is ROOT; it holds Indonesian, so numbers take Indonesian separators
        Locale locale = messages.getLocale().getLanguage().isEmpty() ? INDONESIAN : messages.getLocale();
        return new MessageFormat(messages.getString(key), locale).format(arguments);
    }
}
