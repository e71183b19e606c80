package id.satupintu.pipeline.name;

import static java.util.Objects.requireNonNull;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An Indonesian personal name taken apart for matching (DOMAIN.md §7): titles in their own
 * fields, the personal name without them, and per word a match key in which old spellings (EYD),
 * the Muhammad family and letter doublings no longer differ, with a weight that keeps Balinese
 * gender, birth-order and caste words from counting like a personal name.
 */
public record IndonesianName(
        List<String> frontTitles, String personalName, List<String> backTitles, List<NameToken> tokens) {
    /** Tokens at or above this weight form the distinctive key. */
    public static final double DISTINCTIVE_WEIGHT = 0.5;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-_/()\\[\\]\"]+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^A-Z]");

    public IndonesianName {
        frontTitles = List.copyOf(requireNonNull(frontTitles, "frontTitles is null"));
        requireNonNull(personalName, "personalName is null");
        backTitles = List.copyOf(requireNonNull(backTitles, "backTitles is null"));
        tokens = List.copyOf(requireNonNull(tokens, "tokens is null"));
    }

    /** Parses a name as rosters write it; null or blank gives the empty name. */
    public static IndonesianName parse(String written) {
        if (written == null || written.isBlank()) {
            return new IndonesianName(List.of(), "", List.of(), List.of());
        }
        String text = MARKS.matcher(Normalizer.normalize(written, Normalizer.Form.NFD))
                .replaceAll("")
                .toUpperCase(Locale.ROOT)
                .replace('\u00a0', ' ')
                .replace("'", "")
                .replace("`", "")
                .replace("\u2019", "");
        int comma = text.indexOf(',');
        String main = comma < 0 ? text : text.substring(0, comma);
        String back = comma < 0 ? "" : text.substring(comma + 1);

        List<Word> words = words(main);
        List<String> frontTitles = new ArrayList<>();
        while (words.size() > 1 && NameTokens.FRONT_TITLES.contains(words.get(0).letters())) {
            frontTitles.add(words.remove(0).letters());
        }
        List<String> backTitles = new ArrayList<>();
        while (words.size() > 1 && words.get(words.size() - 1).isBackTitle()) {
            backTitles.add(0, words.remove(words.size() - 1).letters());
        }
        for (String piece : back.split(",")) {
            String compact = NOT_LETTERS.matcher(piece).replaceAll("");
            if (compact.isEmpty()) {
                continue;
            }
            if (NameTokens.BACK_TITLES.contains(compact)) {
                backTitles.add(compact);
            } else {
                // not a degree: a name part written after a comma ("AMINAH, SITI")
                words.addAll(words(piece));
            }
        }
        List<NameToken> tokens = new ArrayList<>();
        List<String> personal = new ArrayList<>();
        for (Word word : words) {
            personal.add(word.letters());
            tokens.add(token(word.letters()));
        }
        return new IndonesianName(frontTitles, String.join(" ", personal), backTitles, tokens);
    }

    /** Every word's match key, connectors (BIN, BINTI, ALIAS) left out, in the order written. */
    public String matchKey() {
        return String.join(
                " ",
                tokens.stream()
                        .filter(token -> token.weight() > 0)
                        .map(NameToken::key)
                        .toList());
    }

    /**
     * The match keys of the words that distinguish a person (weight at least {@value
     * #DISTINCTIVE_WEIGHT}); the whole match key when no word does (a name made only of markers).
     */
    public String distinctiveKey() {
        List<String> keys = tokens.stream()
                .filter(token -> token.weight() >= DISTINCTIVE_WEIGHT)
                .map(NameToken::key)
                .toList();
        return keys.isEmpty() ? matchKey() : String.join(" ", keys);
    }

    /** The match key of one word: the Muhammad family as one token, then the spelling rules. */
    public static String key(String word) {
        String upper = NOT_LETTERS.matcher(word.toUpperCase(Locale.ROOT)).replaceAll("");
        if (NameTokens.MUHAMMAD_FAMILY.contains(upper)) {
            return NameTokens.MUHAMMAD;
        }
        String key = NameTokens.TOKEN_VARIANTS.getOrDefault(upper, upper);
        // old spellings (Van Ophuijsen, Soewandi) to EYD, then letters Indonesians write either way
        key = key.replace("OE", "U")
                .replace("DJ", "J")
                .replace("TJ", "C")
                .replace("SJ", "SY")
                .replace("NJ", "NY")
                .replace("J", "Y")
                .replace("CH", "KH")
                .replace("KH", "H")
                .replace("DH", "D")
                .replace("TH", "T")
                .replace("SY", "S")
                .replace("Q", "K")
                .replace("F", "P")
                .replace("V", "P")
                .replace("AE", "AI")
                .replace("IE", "I");
        return collapseDoubles(key);
    }

    static NameToken token(String letters) {
        String key = key(letters);
        double weight;
        if (NameTokens.CONNECTORS.contains(letters)) {
            weight = 0;
        } else if (NameTokens.BALINESE_MARKERS.contains(letters)) {
            weight = NameTokens.MARKER_WEIGHT;
        } else if (NameTokens.COMMON_TOKENS.contains(key)) {
            weight = NameTokens.COMMON_WEIGHT;
        } else {
            weight = 1;
        }
        return new NameToken(letters, key, weight);
    }

    private static String collapseDoubles(String key) {
        StringBuilder collapsed = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            if (i == 0 || key.charAt(i) != key.charAt(i - 1)) {
                collapsed.append(key.charAt(i));
            }
        }
        return collapsed.toString();
    }

    /** A word as written, its letters, and whether it was written with dots ("S.PD", "H."). */
    private record Word(String letters, boolean dotted) {
        boolean isBackTitle() {
            // two-letter degrees without dots (SE, MA, ST) are too often name parts to strip
            return NameTokens.BACK_TITLES.contains(letters) && (dotted || letters.length() > 2);
        }
    }

    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        for (String raw : SEPARATORS.split(text.strip())) {
            if (raw.isEmpty()) {
                continue;
            }
            String letters = NOT_LETTERS.matcher(raw).replaceAll("");
            if (letters.isEmpty()) {
                continue;
            }
            boolean dotted = raw.indexOf('.') >= 0;
            if (!dotted || NameTokens.FRONT_TITLES.contains(letters) || NameTokens.BACK_TITLES.contains(letters)) {
                words.add(new Word(letters, dotted));
                continue;
            }
            // "H.ABDUL" or "M.YUSUF": dots between words
            for (String part : raw.split("\\.")) {
                String partLetters = NOT_LETTERS.matcher(part).replaceAll("");
                if (!partLetters.isEmpty()) {
                    words.add(new Word(partLetters, true));
                }
            }
        }
        return words;
    }
}
