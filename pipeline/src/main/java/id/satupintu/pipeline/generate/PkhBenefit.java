package id.satupintu.pipeline.generate;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * The PKH amount of a family per tahap: the sum of its members' yearly components (anak usia dini,
 * SD, SMP, SMA, lansia), at most four, the highest first, divided by four tahap (DOMAIN.md §3).
 */
final class PkhBenefit {
    static final long EARLY_CHILDHOOD = 3_000_000;
    static final long SD = 900_000;
    static final long SMP = 1_500_000;
    static final long SMA = 2_000_000;
    static final long LANSIA = 2_400_000;
    static final int MAX_COMPONENTS = 4;
    static final int TAHAP_PER_YEAR = 4;

    private PkhBenefit() {}

    /** Rupiah per tahap on a date; zero for a family without a PKH component. */
    static long perTahap(Population population, int household, LocalDate date) {
        int first = population.householdFirstMember[household];
        int size = population.householdSize[household];
        long[] components = new long[size];
        for (int member = 0; member < size; member++) {
            components[member] = component(population.age(first + member, date));
        }
        Arrays.sort(components);
        long yearly = 0;
        for (int i = size - 1; i >= Math.max(0, size - MAX_COMPONENTS); i--) {
            yearly += components[i];
        }
        return yearly / TAHAP_PER_YEAR;
    }

    static long component(int age) {
        if (age < 0) {
            return 0;
        } else if (age <= 6) {
            return EARLY_CHILDHOOD;
        } else if (age <= 12) {
            return SD;
        } else if (age <= 15) {
            return SMP;
        } else if (age <= 18) {
            return SMA;
        } else if (age >= 60) {
            return LANSIA;
        }
        return 0;
    }

    /** {@code 2026-T4}: the quarter a month's payment belongs to. */
    static String tahap(java.time.YearMonth period) {
        return period.getYear() + "-T" + ((period.getMonthValue() - 1) / 3 + 1);
    }
}
