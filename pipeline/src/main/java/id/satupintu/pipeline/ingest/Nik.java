package id.satupintu.pipeline.ingest;

import id.satupintu.schemas.wilayah.WilayahLevel;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cleaning and checking of NIK values as rosters carry them (DOMAIN.md §1). A NIK has no check
 * digit, so the checks are structural: 16 digits, a known province, a valid birth-date part with
 * the +40 rule for women, and a serial other than 0000.
 */
public final class Nik {
    private static final Pattern SCIENTIFIC = Pattern.compile("[0-9]+([.,][0-9]+)?[eE][+-]?[0-9]+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-\u00a0]");

    private Nik() {}

    /** Strips what operators and spreadsheets add around a NIK: spaces, dots, dashes, a leading quote. */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String value = raw.strip();
        if (isDigits(value)) {
            return value;
        }
        while (!value.isEmpty() && (value.charAt(0) == '\'' || value.charAt(0) == '`')) {
            value = value.substring(1);
        }
        return SEPARATORS.matcher(value).replaceAll("");
    }

    /** The first rule a raw NIK value breaks, if any. */
    public static Optional<ValidationRule> check(String raw, WilayahTable wilayah) {
        String trimmed = raw == null ? "" : raw.strip();
        boolean exponent = trimmed.indexOf('e') >= 0 || trimmed.indexOf('E') >= 0;
        if (exponent && SCIENTIFIC.matcher(trimmed).matches()) {
            return Optional.of(ValidationRule.NIK_SCIENTIFIC);
        }
        String nik = clean(raw);
        if (nik.isEmpty()) {
            return Optional.of(ValidationRule.NIK_MISSING);
        }
        for (int i = 0; i < nik.length(); i++) {
            char c = nik.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.of(ValidationRule.NIK_NOT_DIGITS);
            }
        }
        if (nik.length() != 16) {
            return Optional.of(ValidationRule.NIK_LENGTH);
        }
        if (isPlaceholder(nik)) {
            return Optional.of(ValidationRule.NIK_PLACEHOLDER);
        }
        if (wilayah.find(nik.substring(0, 2))
                .filter(region -> region.level() == WilayahLevel.PROVINSI)
                .isEmpty()) {
            return Optional.of(ValidationRule.NIK_PROVINCE);
        }
        if (birthDate(nik).isEmpty()) {
            return Optional.of(ValidationRule.NIK_BIRTH_DATE);
        }
        if (nik.endsWith("0000")) {
            return Optional.of(ValidationRule.NIK_SERIAL);
        }
        return Optional.empty();
    }

    /**
     * The first rule a raw NIK value breaks, knowing the cell it came from: a NIK in an XLSX number
     * cell (or a floating-point column) has lost its 16th digit, whatever its digits look like now.
     */
    public static Optional<ValidationRule> check(String raw, RawRecord.CellKind cell, WilayahTable wilayah) {
        Optional<ValidationRule> problem = check(raw, wilayah);
        if (cell == RawRecord.CellKind.NUMBER
                && problem.filter(rule -> rule == ValidationRule.NIK_SCIENTIFIC || rule == ValidationRule.NIK_MISSING)
                        .isEmpty()) {
            return Optional.of(ValidationRule.NIK_NUMERIC_CELL);
        }
        return problem;
    }

    /**
     * The birth date a 16-digit NIK encodes, trying the 1900s first and the 2000s where the date
     * does not exist in the 1900s (29 February). The century stays ambiguous for young people;
     * callers that know the roster date pick the century themselves.
     */
    public static Optional<LocalDate> birthDate(String nik) {
        int day = Integer.parseInt(nik, 6, 8, 10);
        int month = Integer.parseInt(nik, 8, 10, 10);
        int year = Integer.parseInt(nik, 10, 12, 10);
        if (day > 40) {
            day -= 40;
        }
        if (day < 1 || day > 31 || month < 1 || month > 12) {
            return Optional.empty();
        }
        for (int century : new int[] {1900, 2000}) {
            try {
                return Optional.of(LocalDate.of(century + year, month, day));
            } catch (DateTimeException e) {
                // try the next century
            }
        }
        return Optional.empty();
    }

    /** L or P from the day field: women have 40 added to the day of birth. */
    public static String sex(String nik) {
        return Integer.parseInt(nik, 6, 8, 10) > 40 ? "P" : "L";
    }

    private static boolean isPlaceholder(String nik) {
        boolean allSame = true;
        for (int i = 1; i < nik.length() && allSame; i++) {
            allSame = nik.charAt(i) == nik.charAt(0);
        }
        return allSame || nik.equals("1234567890123456");
    }

    /** Whether the text is non-empty and only ASCII digits. */
    static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
