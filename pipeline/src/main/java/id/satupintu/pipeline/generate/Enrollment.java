package id.satupintu.pipeline.generate;

import static java.util.Objects.requireNonNull;

import id.satupintu.schemas.program.Program;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Who receives which program in the current month. Family and customer programs enroll households,
 * PBI-JK enrolls persons. Coverage comes from eligibility (desil, PKH components, desa vs kelurahan)
 * and a target share; each later month about 1% of the recipients exit (and every recipient who is no
 * longer eligible) and as many eligible non-recipients enter.
 */
final class Enrollment {
    static final double MONTHLY_EXIT_RATE = 0.01;

    private final Population population;
    private final Map<Program, boolean[]> enrolled = new EnumMap<>(Program.class);
    private LocalDate date;

    private Enrollment(Population population, LocalDate date) {
        this.population = requireNonNull(population, "population is null");
        this.date = requireNonNull(date, "date is null");
    }

    /** The first month: each eligible unit enrolls with the chance that meets the program's target share. */
    static Enrollment initial(Population population, LocalDate date, SplittableRandom random) {
        Enrollment enrollment = new Enrollment(population, date);
        for (Program program : Program.values()) {
            int units = enrollment.units(program);
            boolean[] members = new boolean[units];
            enrollment.enrolled.put(program, members);
            int eligible = 0;
            for (int unit = 0; unit < units; unit++) {
                if (enrollment.eligible(program, unit)) {
                    eligible++;
                }
            }
            double chance = eligible == 0 ? 0 : Math.min(1.0, targetShare(program) * units / eligible);
            for (int unit = 0; unit < units; unit++) {
                if (enrollment.eligible(program, unit) && random.nextDouble() < chance) {
                    members[unit] = true;
                }
            }
        }
        return enrollment;
    }

    /** Moves to the next month: exits, then as many entries from the eligible non-recipients. */
    void advance(LocalDate nextDate, SplittableRandom random) {
        this.date = requireNonNull(nextDate, "nextDate is null");
        for (Program program : Program.values()) {
            boolean[] members = enrolled.get(program);
            boolean[] before = members.clone();
            int exits = 0;
            for (int unit = 0; unit < members.length; unit++) {
                if (members[unit] && (!eligible(program, unit) || random.nextDouble() < MONTHLY_EXIT_RATE)) {
                    members[unit] = false;
                    exits++;
                }
            }
            int[] candidates = new int[members.length];
            int candidateCount = 0;
            for (int unit = 0; unit < members.length; unit++) {
                if (!before[unit] && eligible(program, unit)) {
                    candidates[candidateCount++] = unit;
                }
            }
            int entries = Math.min(exits, candidateCount);
            for (int i = 0; i < entries; i++) {
                int pick = i + random.nextInt(candidateCount - i);
                int chosen = candidates[pick];
                candidates[pick] = candidates[i];
                candidates[i] = chosen;
                members[chosen] = true;
            }
        }
    }

    boolean isEnrolled(Program program, int unit) {
        return enrolled.get(program)[unit];
    }

    int count(Program program) {
        int count = 0;
        for (boolean member : enrolled.get(program)) {
            if (member) {
                count++;
            }
        }
        return count;
    }

    /** Households for family and customer programs, persons for PBI-JK. */
    int units(Program program) {
        return program.unit() == Program.BenefitUnit.PERSON ? population.personCount() : population.householdCount();
    }

    static double targetShare(Program program) {
        return switch (program) {
            case PKH -> 0.08;
            case BPNT -> 0.15;
            case BLT_DD -> 0.03;
            case PBI_JK -> 0.35;
            case LISTRIK -> 0.20;
            case BANSOS_DAERAH -> 0.03;
        };
    }

    /** Eligibility in the current month; BLT Dana Desa reads the PKH and BPNT enrollment already decided. */
    boolean eligible(Program program, int unit) {
        return switch (program) {
            case PKH -> population.householdDesil[unit] <= 2 && PkhBenefit.perTahap(population, unit, date) > 0;
            case BPNT -> population.householdDesil[unit] <= 4;
            case BLT_DD ->
                population.householdDesil[unit] <= 3
                        && population.inDesa(unit)
                        && !enrolled.get(Program.PKH)[unit]
                        && !enrolled.get(Program.BPNT)[unit];
            case PBI_JK -> population.householdDesil[population.personHousehold[unit]] <= 5;
            case LISTRIK -> population.householdDesil[unit] <= 4;
            case BANSOS_DAERAH ->
                population.householdDesil[population.personHousehold[unit]] <= 5 && population.age(unit, date) >= 70;
        };
    }
}
