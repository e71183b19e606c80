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
    private static final Pattern SIMPLE_DATE_PATTERN =
            Pattern.compile("(d{1,2}|M{1,2}|y{4})([-/. ])(d{1,2}|M{1,2}|y{4})\\2(d{1,2}|M{1,2}|y{4})");
    private static final Pattern DASH_AFTER_AMOUNT = Pattern.compile("[,.]-$");

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

    static List<DateFormat> dateFormatters(List<String> patterns) {
        return patterns.stream().map(DateFormat::of).toList();
    }

    /** The date in the first format that parses it, or null. */
    static LocalDate date(String value, List<DateFormat> formats) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        for (DateFormat format : formats) {
            LocalDate date = format.parse(text);
            if (date != null) {
                return date;
            }
        }
        return null;
    }

    /**
     * One date pattern of the catalogue. Patterns made of day, month and four-digit year fields
     * with one separator character between them ({@code dd/MM/yyyy}, {@code yyyy-MM-dd},
     * {@code d/M/yyyy}) are parsed by hand, strictly, at a fraction of a formatter's cost; any
     * other pattern goes through {@link DateTimeFormatter} with strict resolving.
     */
    static final class DateFormat {
        private final DateTimeFormatter formatter;
        /** Field letters in text order ('d', 'M', 'y') and each field's minimum and maximum width. */
        private final char[] fields;

        private final int[] minimumWidths;
        private final int[] maximumWidths;
        private final char[] separators;

        private DateFormat(
                DateTimeFormatter formatter,
                char[] fields,
                int[] minimumWidths,
                int[] maximumWidths,
                char[] separators) {
            this.formatter = formatter;
            this.fields = fields;
            this.minimumWidths = minimumWidths;
            this.maximumWidths = maximumWidths;
            this.separators = separators;
        }

        static DateFormat of(String pattern) {
            Matcher simple = SIMPLE_DATE_PATTERN.matcher(pattern);
            if (simple.matches()) {
                String[] parts = {simple.group(1), simple.group(3), simple.group(4)};
                char[] fields = new char[3];
                int[] minimum = new int[3];
                int[] maximum = new int[3];
                for (int i = 0; i < 3; i++) {
                    fields[i] = parts[i].charAt(0);
                    minimum[i] = parts[i].length();
                    maximum[i] = fields[i] == 'y' ? 4 : 2;
                }
                if (fields[0] != fields[1] && fields[1] != fields[2] && fields[0] != fields[2]) {
                    char separator = simple.group(2).charAt(0);
                    return new DateFormat(null, fields, minimum, maximum, new char[] {separator, separator});
                }
            }
            return new DateFormat(
                    DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu"), Locale.ROOT)
                            .withResolverStyle(ResolverStyle.STRICT),
                    null,
                    null,
                    null,
                    null);
        }

        LocalDate parse(String text) {
            if (formatter != null) {
                try {
                    return LocalDate.parse(text, formatter);
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
            int day = -1;
            int month = -1;
            int year = -1;
            int position = 0;
            for (int field = 0; field < 3; field++) {
                int start = position;
                int value = 0;
                while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
                    value = value * 10 + (text.charAt(position) - '0');
                    position++;
                }
                int width = position - start;
                if (width < minimumWidths[field] || width > maximumWidths[field]) {
                    return null;
                }
                if (field < 2) {
                    if (position >= text.length() || text.charAt(position) != separators[field]) {
                        return null;
                    }
                    position++;
                }
                switch (fields[field]) {
                    case 'd' -> day = value;
                    case 'M' -> month = value;
                    default -> year = value;
                }
            }
            if (position != text.length()) {
                return null;
            }
            try {
                return LocalDate.of(year, month, day);
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
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
        if (Nik.isDigits(text) && text.length() <= 15) {
            return Long.parseLong(text);
        }
        String withoutDash = DASH_AFTER_AMOUNT.matcher(text).replaceFirst("");
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
        if (text.length() == 10 && Nik.isDigits(text)) {
            return text.substring(0, 2) + "." + text.substring(2, 4) + "." + text.substring(4, 6) + "."
                    + text.substring(6);
        }
        return text;
    }

    /** A kab/kota code in dotted form ({@code 5108} → {@code 51.08}); other text kept. */
    static String kodeKabupaten(String value) {
        String text = blankToNull(value);
        if (text != null && text.length() == 4 && Nik.isDigits(text)) {
            return text.substring(0, 2) + "." + text.substring(2);
        }
        return text;
    }

    /** RT or RW as 3 digits ("1" becomes "001"); null when blank or not a 1-3 digit number. */
    static String rtRw(String value) {
        String text = blankToNull(value);
        if (text == null || text.length() > 3 || !Nik.isDigits(text)) {
            return null;
        }
        return switch (text.length()) {
            case 1 -> "00" + text;
            case 2 -> "0" + text;
            default -> text;
        };
    }

    /**
     * A desil, 1 to 10, written as a whole number (leading zeros allowed: {@code 03}); 0 when blank or
     * anything else ({@code 11}, {@code 3.5}, {@code D3}).
     */
    static int desil(String value) {
        String text = blankToNull(value);
        if (text == null || text.length() > 2 || !Nik.isDigits(text)) {
            return 0;
        }
        int desil = Integer.parseInt(text);
        return desil >= 1 && desil <= 10 ? desil : 0;
    }

    /** RT and RW found inside an address text, each padded to 3 digits; null when absent. */
    static String[] rtRwFromAddress(String alamat) {
        if (alamat == null || !(alamat.contains("RT") || alamat.contains("Rt") || alamat.contains("rt"))) {
            return null;
        }
        Matcher matcher = RT_RW_IN_ADDRESS.matcher(alamat);
        if (!matcher.find()) {
            return null;
        }
        return new String[] {rtRw(matcher.group(1)), rtRw(matcher.group(2))};
    }
}
