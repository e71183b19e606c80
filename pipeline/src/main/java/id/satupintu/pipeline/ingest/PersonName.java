package id.satupintu.pipeline.ingest;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A roster name split for staging: the name without titles in upper case with single spaces, and
 * the titles (haji, academic degrees) in their own field. The name as written stays in the roster
 * row for display. No match key is built here: that is the link stage's.
 *
 * @param normalized upper case, single spaces, titles removed
 * @param titles the removed titles as written (upper case), or null when there were none
 */
record PersonName(String normalized, String titles) {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** A front title glued to the name by its dot: {@code H.MUHAMMAD}. */
    private static final Pattern GLUED_FRONT = Pattern.compile("([A-Z]+)\\.(\\p{L}.*)");

    /** Front titles (dots removed): haji, religious, academic, address forms (DOMAIN.md §7.3). */
    private static final Set<String> FRONT = Set.of(
            "H",
            "HJ",
            "HAJI",
            "HAJJAH",
            "KH",
            "KYAI",
            "UST",
            "USTADZ",
            "USTADZAH",
            "DRS",
            "DRA",
            "IR",
            "DR",
            "DRG",
            "PROF",
            "NY",
            "TN",
            "SDR",
            "SDRI");

    /** Back titles (dots removed): academic degrees and diplomas. */
    private static final Set<String> BACK = Set.of(
            "SPD", "SPDI", "SE", "SH", "ST", "SKOM", "SSOS", "SAG", "SIP", "SKM", "SKEP", "SSI", "SFARM", "SPSI", "SHI",
            "SSTP", "AMD", "AMDKEB", "AMDKEP", "AMKEP", "AMA", "AMAPD", "MPD", "MM", "MSI", "MAG", "MH", "MT", "MKES",
            "MKOM", "SPDSD", "LC", "MA", "PHD");

    PersonName {
        requireNonNull(normalized, "normalized is null");
    }

    static PersonName of(String written) {
        String text = singleSpaces(written).toUpperCase(Locale.ROOT);
        if (text.indexOf('.') < 0 && text.indexOf(',') < 0) {
            int space = text.indexOf(' ');
            if (space < 0 || !FRONT.contains(text.substring(0, space))) {
                return new PersonName(text, null); // the common case: no title anywhere
            }
        }
        List<String> titles = new ArrayList<>();
        int comma = text.indexOf(',');
        if (comma > 0) {
            String after = text.substring(comma + 1).strip();
            List<String> backTitles = new ArrayList<>();
            boolean allTitles = !after.isEmpty();
            for (String part : after.split("[,\\s]+")) {
                if (part.isEmpty()) {
                    continue;
                }
                if (BACK.contains(bare(part))) {
                    backTitles.add(part);
                } else {
                    allTitles = false;
                }
            }
            if (allTitles) {
                text = text.substring(0, comma).strip();
                titles.addAll(backTitles);
            }
        }
        List<String> tokens = new ArrayList<>(List.of(SPACES.split(text)));
        List<String> front = new ArrayList<>();
        while (!tokens.isEmpty()) {
            String first = tokens.get(0);
            Matcher glued = GLUED_FRONT.matcher(first);
            if (tokens.size() > 1 && FRONT.contains(bare(first))) {
                front.add(tokens.remove(0));
            } else if (glued.matches() && FRONT.contains(glued.group(1))) {
                front.add(glued.group(1) + ".");
                tokens.set(0, glued.group(2));
            } else {
                break;
            }
        }
        List<String> back = new ArrayList<>();
        while (tokens.size() > 1
                && tokens.get(tokens.size() - 1).contains(".")
                && BACK.contains(bare(tokens.get(tokens.size() - 1)))) {
            back.add(0, tokens.remove(tokens.size() - 1));
        }
        if (front.isEmpty() && back.isEmpty() && titles.isEmpty()) {
            return new PersonName(text, null);
        }
        List<String> all = new ArrayList<>(front);
        all.addAll(back);
        all.addAll(titles);
        return new PersonName(String.join(" ", tokens), String.join(" ", all));
    }

    /** The text stripped, with every run of whitespace made one space. */
    static String singleSpaces(String text) {
        String stripped = text.strip();
        boolean clean = true;
        for (int i = 0; i < stripped.length() && clean; i++) {
            char c = stripped.charAt(i);
            clean = c == ' ' ? stripped.charAt(i + 1) != ' ' : !Character.isWhitespace(c);
        }
        return clean ? stripped : SPACES.matcher(stripped).replaceAll(" ");
    }

    private static String bare(String token) {
        return token.replace(".", "").replace(",", "");
    }
}
