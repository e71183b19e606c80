package id.satupintu.pipeline.generate;

import java.util.SplittableRandom;

/**
 * Synthetic customer numbers that stay the same across months: the 13-digit JKN card number of a
 * person and the 12-digit PLN customer id (IDPEL) of a household. Each is an index scrambled by an
 * affine map that is a bijection modulo a power of ten, so the numbers are unique.
 */
final class CustomerNumbers {
    private static final long TEN_DIGITS = 10_000_000_000L;
    private static final long SEVEN_DIGITS = 10_000_000L;
    // Odd and not divisible by 5: invertible modulo any power of ten.
    private static final long NOKA_MULTIPLIER = 3_162_277_661L;
    private static final long IDPEL_MULTIPLIER = 7_654_321L;

    private final long nokaOffset;
    private final long idpelOffset;

    CustomerNumbers(SplittableRandom random) {
        this.nokaOffset = random.nextLong(TEN_DIGITS);
        this.idpelOffset = random.nextLong(SEVEN_DIGITS);
    }

    /** {@code 000} and ten digits, as on a KIS card. */
    String nokaJkn(int person) {
        long number = Math.floorMod(person * NOKA_MULTIPLIER + nokaOffset, TEN_DIGITS);
        return "000" + pad(number, 10);
    }

    /** Five digits of PLN unit (5 and the kecamatan) and seven digits of customer serial. */
    String idpel(Population population, int household) {
        long unit = 50_000 + 100L * (population.kecamatan(household) % 100) + 11;
        long serial = Math.floorMod(household * IDPEL_MULTIPLIER + idpelOffset, SEVEN_DIGITS);
        return unit + pad(serial, 7);
    }

    private static String pad(long number, int width) {
        String digits = Long.toString(number);
        return "0".repeat(width - digits.length()) + digits;
    }
}
