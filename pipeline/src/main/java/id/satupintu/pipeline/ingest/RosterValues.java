package id.satupintu.pipeline.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Normalization of single roster values: what every source needs whatever its layout. */
final class RosterValues {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NON_DIGITS = Pattern.compile("[^0-9]");
    private static final Pattern DECIMALS = Pattern.compile("[.,][0-9]{1,2}$");
    private static final Pattern DATE_SHAPE = Pattern.compile("[0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{1,4}");
    private static final Pattern EXCEL_SERIAL = Pattern.compile("[0-9]{1,5}(\\.0+)?");
    /** RT and RW inside an address: "RT 001 RW 002", "RT.01/RW.02", "Rt 1 Rw 2". */
    private static final Pattern RT_RW_IN_ADDRESS =
            Pattern.compile("(?i)\\bRT\\.?\\s*:?\\s*0*([0-9]{1,3})\\s*[/,.]?\\s*RW\\.?\\s*:?\\s*0*([0-9]{1,3})\\b");

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private RosterValues() {}

    static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** Uppercase, single spaces. */
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
            case "L", "LK", "LAKI-LAKI", "LAKI LAKI", "LAKI", "PRIA", "1", "M" -> "L";
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

    /** Whether an unparsed date text has the shape of a date (so it is impossible, not unknown). */
    static boolean looksLikeDate(String text) {
        return DATE_SHAPE.matcher(text.strip()).matches();
    }

    /** The date of an Excel serial number (1900 date system) from 1 (1900-01-01) to 99999; else null. */
    static LocalDate excelSerial(String value) {
        String text = blankToNull(value);
        if (text == null || !EXCEL_SERIAL.matcher(text).matches()) {
            return null;
        }
        long serial = Long.parseLong(text.replaceFirst("\\..*", ""));
        if (serial < 1) {
            return null;
        }
        return EXCEL_EPOCH.plusDays(serial);
    }

    /**
     * Rupiah from "300000", "Rp 300.000", "Rp300.000,-", "150,000.00" or "1.350.000,00": a final
     * separator followed by one or two digits is cents and dropped; other dots and commas are
     * thousands. Null when there are no digits or too many.
     */
    static Long rupiah(String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        String withoutDash = text.replaceFirst("[,.]-$", "");
        String withoutCents = DECIMALS.matcher(withoutDash).replaceFirst("");
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

    /** A kab/kota code in dotted form ({@code 5108} → {@code 51.08}); other text kept. */
    static String kodeKabupaten(String value) {
        String text = blankToNull(value);
        if (text != null && text.length() == 4 && text.chars().allMatch(Character::isDigit)) {
            return text.substring(0, 2) + "." + text.substring(2);
        }
        return text;
    }

    /** RT or RW as 3 digits ("1" becomes "001"); null when blank or not a 1-3 digit number. */
    static String rtRw(String value) {
        String text = blankToNull(value);
        if (text == null || text.length() > 3 || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return "0".repeat(3 - text.length()) + text;
    }

    /** RT and RW found inside an address text, each padded to 3 digits; null when absent. */
    static String[] rtRwFromAddress(String alamat) {
        if (alamat == null) {
            return null;
        }
        Matcher matcher = RT_RW_IN_ADDRESS.matcher(alamat);
        if (!matcher.find()) {
            return null;
        }
        return new String[] {rtRw(matcher.group(1)), rtRw(matcher.group(2))};
    }
}
