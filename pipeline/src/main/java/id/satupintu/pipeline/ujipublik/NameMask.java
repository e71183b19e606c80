package id.satupintu.pipeline.ujipublik;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a name shows on a list posted in public (uji publik): the first letter of each word, then
 * three asterisks whatever the word's length, so {@code SITI NURHAYATI} is {@code S*** N***} and
 * {@code I WAYAN SUDARMA} is {@code I W*** S***}. A word of one letter (the Balinese {@code I}, an
 * initial) stays as it is. Neighbours can recognise a person with RT and RW beside it; nobody learns
 * the name, its length, or anything beyond first letters (a NIK typed into a name field shows as one
 * digit and asterisks). No official national standard was found (DOMAIN.md §8.3); this rule shows
 * less than the practice seen in published lists.
 */
public final class NameMask {
    public static final String HIDDEN = "***";

    private NameMask() {}

    public static String mask(String name) {
        if (name == null || name.isBlank()) {
            return "-";
        }
        List<String> words = new ArrayList<>();
        for (String word : name.strip().split("\\s+")) {
            int first = word.codePointAt(0);
            String initial = new String(Character.toChars(first)).toUpperCase(Locale.ROOT);
            words.add(word.codePointCount(0, word.length()) == 1 ? initial : initial + HIDDEN);
        }
        return String.join(" ", words);
    }
}
