package id.satupintu.pipeline.generate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The PKH entitlement of a family (DOMAIN.md §3): each member counts once, at the highest
 * component they qualify for (pregnant, early childhood up to the second child under 7, SD, SMP and
 * SMA up to three school children, severe disability, elderly 60+); at most four components, the
 * highest first; the yearly sum is paid in four tahap.
 */
final class PkhBenefit {
    static final int MAX_COMPONENTS = 4;
    static final int MAX_EARLY_CHILDHOOD = 2;
    static final int MAX_SCHOOL_CHILDREN = 3;
    static final int TAHAP_PER_YEAR = 4;

    /** PKH components with their yearly amount in rupiah. */
    enum Component {
        BUMIL(3_000_000),
        BALITA(3_000_000),
        SMA(2_000_000),
        DISABILITAS(2_400_000),
        LANSIA(2_400_000),
        SMP(1_500_000),
        SD(900_000);

        final long yearly;

        Component(long yearly) {
            this.yearly = yearly;
        }
    }

    /** A family's paid components and the amount per tahap; zero components means not eligible. */
    record Entitlement(Map<Component, Integer> components, long perTahap) {
        /** {@code BALITA 1, SD 2}, in the order of {@link Component}; empty when none. */
        String componentsText() {
            List<String> parts = new ArrayList<>();
            components.forEach((component, count) -> parts.add(component.name() + " " + count));
            return String.join(", ", parts);
        }
    }

    private PkhBenefit() {}

    static Entitlement entitlement(Population population, int household, LocalDate date) {
        int[] members = population.members(household);
        List<Component> candidates = new ArrayList<>(members.length);
        int earlyChildhood = 0;
        int schoolChildren = 0;
        for (int person : members) {
            Component best = null;
            int age = population.age(person, date);
            if (population.personFemale[person] && population.isPregnant(person, date)) {
                best = Component.BUMIL;
            } else if (age <= 6 && earlyChildhood < MAX_EARLY_CHILDHOOD) {
                best = Component.BALITA;
                earlyChildhood++;
            } else if (population.personDisabled[person]) {
                best = Component.DISABILITAS;
            } else if (age >= 60) {
                best = Component.LANSIA;
            } else if (age >= 7 && age <= 18 && schoolChildren < MAX_SCHOOL_CHILDREN) {
                best = age <= 12 ? Component.SD : age <= 15 ? Component.SMP : Component.SMA;
                schoolChildren++;
            }
            if (best != null) {
                candidates.add(best);
            }
        }
        candidates.sort((left, right) -> Long.compare(right.yearly, left.yearly));
        Map<Component, Integer> paid = new EnumMap<>(Component.class);
        long yearly = 0;
        for (int i = 0; i < Math.min(MAX_COMPONENTS, candidates.size()); i++) {
            paid.merge(candidates.get(i), 1, Integer::sum);
            yearly += candidates.get(i).yearly;
        }
        return new Entitlement(paid, yearly / TAHAP_PER_YEAR);
    }

    /** {@code 2026-T4}: the quarter a month's payment belongs to. */
    static String tahap(YearMonth period) {
        return period.getYear() + "-T" + ((period.getMonthValue() - 1) / 3 + 1);
    }
}
