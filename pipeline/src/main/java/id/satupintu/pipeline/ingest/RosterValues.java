package id.satupintu.pipeline.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalization of single roster values: what every source needs whatever its layout. */
final class RosterValues {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NON_DIGITS = Pattern.compile("[^0-9]");

    private RosterValues() {}

    static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** Uppercase, single spaces: the name as a key, not for display. */
    static String normalizedName(String name) {
        return SPACES.matcher(name.strip()).replaceAll(" ").toUpperCase(Locale.ROOT);
    }

    /** L or P from the many ways rosters write sex; null when unknown. */
    static String sex(String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "L", "LK", "LAKI-LAKI", "LAKI LAKI", "PRIA", "1", "M" -> "L";
            case "P", "PR", "PEREMPUAN", "WANITA", "2", "F", "W" -> "P";
            default -> null;
        };
    }

    static List<DateTimeFormatter> dateFormatters(List<String> patterns) {
        return patterns.stream()
                .map(pattern -> DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu"), Locale.ROOT)
                        .withResolverStyle(ResolverStyle.STRICT))
                .toList();
    }

    /** The date in the first format that parses it, or null. */
    static LocalDate date(String value, List<DateTimeFormatter> formatters) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        for (DateTimeFormatter formatter : formatters) {
            try {
                return LocalDate.parse(text, formatter);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    /** Rupiah from "300000", "Rp 300.000" or "300,000"; null when there are no digits. */
    static Long rupiah(String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        String withoutCents = text.replaceFirst("[.,]00$", "");
        String digits = NON_DIGITS.matcher(withoutCents).replaceAll("");
        if (digits.isEmpty() || digits.length() > 15) {
            return null;
        }
        return Long.parseLong(digits);
    }

    /** A Kemendagri desa code in dotted form; 10 bare digits get their dots back. */
    static String kodeDesa(String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        if (text.length() == 10 && text.chars().allMatch(Character::isDigit)) {
            return text.substring(0, 2) + "." + text.substring(2, 4) + "." + text.substring(4, 6) + "."
                    + text.substring(6);
        }
        return text;
    }

    /** RT or RW padded to 3 digits ("1" becomes "001"); other text kept as written. */
    static String rtRw(String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        if (text.length() < 3 && text.chars().allMatch(Character::isDigit)) {
            return "0".repeat(3 - text.length()) + text;
        }
        return text;
    }
}
