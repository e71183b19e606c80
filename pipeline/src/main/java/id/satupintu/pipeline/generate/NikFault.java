package id.satupintu.pipeline.generate;

import java.util.SplittableRandom;

/**
 * The ways a roster row's NIK is broken on purpose. The name is what {@code faults.csv} says; the
 * damage is what operators and Excel do to a 16-digit number (DOMAIN.md §1.3).
 */
enum NikFault {
    /** The last digit dropped: 15 digits. */
    NIK_LENGTH,
    /** Shown by Excel's General format and saved as CSV: {@code 5.10801E+15}. */
    NIK_SCIENTIFIC,
    /** A placeholder typed where the NIK was unknown. */
    NIK_PLACEHOLDER,
    /** One digit replaced by a letter. */
    NIK_NOT_DIGITS;

    static final String PLACEHOLDER = "0000000000000000";

    private static final NikFault[] VALUES = values();

    static NikFault pick(SplittableRandom random) {
        return VALUES[random.nextInt(VALUES.length)];
    }

    /** The broken text for a valid 16-digit NIK. */
    String damage(long nik, SplittableRandom random) {
        String digits = Long.toString(nik);
        return switch (this) {
            case NIK_LENGTH -> digits.substring(0, 15);
            case NIK_SCIENTIFIC -> scientific(nik);
            case NIK_PLACEHOLDER -> PLACEHOLDER;
            case NIK_NOT_DIGITS -> {
                char[] chars = digits.toCharArray();
                chars[random.nextInt(chars.length)] = (char) ('A' + random.nextInt(26));
                yield new String(chars);
            }
        };
    }

    /** Excel's General format for a 16-digit number: six significant digits, trailing zeros dropped. */
    static String scientific(long nik) {
        if (nik < 1_000_000_000_000_000L || nik > 9_999_994_999_999_999L) {
            throw new IllegalArgumentException("Not a 16-digit number that keeps exponent 15");
        }
        long mantissa = (nik + 5_000_000_000L) / 10_000_000_000L;
        String significant = Long.toString(mantissa).replaceFirst("0+$", "");
        String fraction = significant.substring(1);
        return significant.charAt(0) + (fraction.isEmpty() ? "" : "." + fraction) + "E+15";
    }
}
