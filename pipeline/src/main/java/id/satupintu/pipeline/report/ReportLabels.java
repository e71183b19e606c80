package id.satupintu.pipeline.report;

import static java.util.Objects.requireNonNull;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of the outputs (sheet names, headers, notes): Bahasa Indonesia by default, English on
 * request. The texts are in {@code Labels.properties} (Indonesian) and {@code Labels_en.properties}
 * beside this class.
 */
public final class ReportLabels {
    public static final Locale INDONESIAN = Locale.forLanguageTag("id");
    private static final String BUNDLE = "id.satupintu.pipeline.report.Labels";

    private final Locale locale;
    private final ResourceBundle bundle;

    private ReportLabels(Locale locale) {
        this.locale = requireNonNull(locale, "locale is null");
        this.bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static ReportLabels indonesian() {
        return new ReportLabels(INDONESIAN);
    }

    public static ReportLabels english() {
        return new ReportLabels(Locale.ENGLISH);
    }

    /** English for {@code en}, Bahasa Indonesia for anything else. */
    public static ReportLabels of(Locale locale) {
        return "en".equals(locale.getLanguage()) ? english() : indonesian();
    }

    public boolean isEnglish() {
        return "en".equals(locale.getLanguage());
    }

    /** The language of the labels: {@code id} or {@code en}. */
    public String language() {
        return isEnglish() ? "en" : "id";
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No label " + key, e);
        }
    }

    /** The label of a code ({@code prefix.CODE}), or the code itself when it has none. */
    public String code(String prefix, String code) {
        if (code == null) {
            return null;
        }
        String key = prefix + "." + code;
        return bundle.containsKey(key) ? bundle.getString(key) : code;
    }

    /** A label with arguments; numbers are written with Indonesian separators in both languages. */
    public String format(String key, Object... arguments) {
        return new MessageFormat(get(key), INDONESIAN).format(arguments);
    }
}
