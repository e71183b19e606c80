package id.satupintu.pipeline.generate;

import static java.util.Objects.requireNonNull;

import id.satupintu.schemas.program.Program;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Who each program lists in the current month. Family and customer programs enroll households and
 * list one member (the pengurus, or the head for electricity); person programs enroll persons.
 *
 * <p>Eligibility follows the programs' targeting (DOMAIN.md §3, §4.2): PKH desil 1–2 with a PKH
 * component, BPNT desil 1–4, BLT Dana Desa desil 1–3 in a desa (not a kelurahan) without PKH or
 * BPNT up to the desa's quota, PBI-JK persons in desil 1–5, the electricity subsidy desil 1–4, the
 * regional scheme residents aged 70+ in desil 1–5. Each program covers a share of its eligible
 * units ({@link #coverage}). Every month about 1% of recipients drop out for reasons the data does
 * not show, and eligible non-recipients enter at the rate that keeps the coverage.
 *
 * <p>When a recipient dies, moves away or becomes well-off, the roster should drop them; with the
 * rate of the matching life-event fault it does not, and the row keeps that fault ({@link #holdover}).
 */
final class Enrollment {
    static final double MONTHLY_EXIT_RATE = 0.01;
    /** BLT Dana Desa families per desa, as a share of the desa's households. */
    static final double BLT_DD_QUOTA = 0.06;
    /** The desil from which a household counts as well-off. */
    static final int WELL_OFF_DESIL = 7;

    private final Population population;
    private final FaultRates faults;
    private final Map<Program, BitSet> enrolled = new EnumMap<>(Program.class);
    private final Map<Program, int[]> listed = new EnumMap<>(Program.class);
    private final Map<Program, byte[]> holdovers = new EnumMap<>(Program.class);
    private final Map<Program, PkhBenefit.Entitlement[]> pkh = new EnumMap<>(Program.class);
    private LocalDate date;

    private Enrollment(Population population, FaultRates faults, LocalDate date) {
        this.population = requireNonNull(population, "population is null");
        this.faults = requireNonNull(faults, "faults is null");
        this.date = requireNonNull(date, "date is null");
        for (Program program : Program.values()) {
            enrolled.put(program, new BitSet());
            listed.put(program, new int[0]);
            holdovers.put(program, new byte[0]);
        }
    }

    /** The first month: each eligible unit enrolls with the program's coverage. */
    static Enrollment initial(Population population, FaultRates faults, LocalDate date, SplittableRandom random) {
        Enrollment enrollment = new Enrollment(population, faults, date);
        enrollment.grow();
        for (Program program : Program.values()) {
            if (program == Program.BLT_DD) {
                continue;
            }
            BitSet members = enrollment.enrolled.get(program);
            int units = enrollment.units(program);
            for (int unit = 0; unit < units; unit++) {
                if (enrollment.eligible(program, unit) && random.nextDouble() < coverage(program)) {
                    members.set(unit);
                    enrollment.listed.get(program)[unit] = enrollment.listedPerson(program, unit);
                }
            }
        }
        enrollment.fillBltQuota(random);
        enrollment.refreshPkh();
        return enrollment;
    }

    /** Moves to the next month: drop-outs, exits of the no longer eligible (or their holdover), entries. */
    void advance(LocalDate nextDate, SplittableRandom random) {
        this.date = requireNonNull(nextDate, "nextDate is null");
        grow();
        for (Program program : Program.values()) {
            BitSet members = enrolled.get(program);
            int[] listedPersons = listed.get(program);
            byte[] holdover = holdovers.get(program);
            for (int unit = members.nextSetBit(0); unit >= 0; unit = members.nextSetBit(unit + 1)) {
                if (random.nextDouble() < MONTHLY_EXIT_RATE) {
                    exit(program, unit);
                    continue;
                }
                if (holdover[unit] != 0) {
                    continue;
                }
                int person = listedPersons[unit];
                if (!population.isPresent(person)) {
                    FaultKind fault = population.status(person) == Population.Status.DECEASED
                            ? FaultKind.DECEASED_LISTED
                            : FaultKind.MOVED_LISTED;
                    if (random.nextDouble() < faults.rate(fault)) {
                        holdover[unit] = (byte) (fault.ordinal() + 1);
                        continue;
                    }
                    if (program.unit() != Program.BenefitUnit.PERSON && population.isOccupied(unit)) {
                        listedPersons[unit] = listedPerson(program, unit);
                    } else {
                        exit(program, unit);
                        continue;
                    }
                }
                if (!eligible(program, unit)) {
                    if (population.householdDesil[household(program, unit)] >= WELL_OFF_DESIL
                            && random.nextDouble() < faults.rate(FaultKind.WELL_OFF_LISTED)) {
                        holdover[unit] = (byte) (FaultKind.WELL_OFF_LISTED.ordinal() + 1);
                    } else {
                        exit(program, unit);
                    }
                }
            }
            if (program == Program.BLT_DD) {
                continue;
            }
            double entry = coverage(program) * MONTHLY_EXIT_RATE / (1 - coverage(program));
            int units = units(program);
            for (int unit = 0; unit < units; unit++) {
                if (!members.get(unit) && eligible(program, unit) && random.nextDouble() < entry) {
                    members.set(unit);
                    listedPersons[unit] = listedPerson(program, unit);
                }
            }
        }
        fillBltQuota(random);
        refreshPkh();
    }

    private void exit(Program program, int unit) {
        enrolled.get(program).clear(unit);
        holdovers.get(program)[unit] = 0;
    }

    /** Enrolled units of a program in id order. */
    BitSet enrolled(Program program) {
        return enrolled.get(program);
    }

    /** The person a roster row of this unit names. */
    int listed(Program program, int unit) {
        return listed.get(program)[unit];
    }

    /** The life-event fault that keeps this unit listed, or null. */
    FaultKind holdover(Program program, int unit) {
        byte value = holdovers.get(program)[unit];
        return value == 0 ? null : FaultKind.values()[value - 1];
    }

    /** This month's PKH entitlement of an enrolled family. */
    PkhBenefit.Entitlement pkh(int household) {
        return pkh.get(Program.PKH)[household];
    }

    /** The household a unit belongs to. */
    int household(Program program, int unit) {
        return program.unit() == Program.BenefitUnit.PERSON ? population.personHousehold[unit] : unit;
    }

    /** Households for family and customer programs, persons for person programs. */
    int units(Program program) {
        return program.unit() == Program.BenefitUnit.PERSON ? population.personCount() : population.householdCount();
    }

    /** The share of eligible units a program enrolls. */
    static double coverage(Program program) {
        return switch (program) {
            case PKH -> 0.75;
            case BPNT -> 0.5;
            case BLT_DD -> 1.0;
            case PBI_JK -> 0.68;
            case LISTRIK -> 0.55;
            case BANSOS_DAERAH -> 0.6;
        };
    }

    /** Eligibility in the current month; BLT Dana Desa reads the PKH and BPNT enrollment already decided. */
    boolean eligible(Program program, int unit) {
        int household = household(program, unit);
        if (program.unit() == Program.BenefitUnit.PERSON ? !population.isPresent(unit) : !population.isOccupied(unit)) {
            return false;
        }
        int desil = population.householdDesil[household];
        return switch (program) {
            case PKH ->
                desil <= 2
                        && !PkhBenefit.entitlement(population, household, date)
                                .components()
                                .isEmpty();
            case BPNT, LISTRIK -> desil <= 4;
            case BLT_DD ->
                desil <= 3
                        && population.inDesa(household)
                        && !enrolled.get(Program.PKH).get(household)
                        && !enrolled.get(Program.BPNT).get(household);
            case PBI_JK -> desil <= 5;
            case BANSOS_DAERAH -> desil <= 5 && population.age(unit, date) >= 70;
        };
    }

    private int listedPerson(Program program, int unit) {
        return switch (program.unit()) {
            case PERSON -> unit;
            case CUSTOMER -> population.head(unit);
            case FAMILY -> population.pengurus(unit);
        };
    }

    /** Each desa lists eligible families up to its quota, in a random order. */
    private void fillBltQuota(SplittableRandom random) {
        int villages = population.villageCodes.length;
        int[] households = new int[villages];
        int[] listedCount = new int[villages];
        BitSet members = enrolled.get(Program.BLT_DD);
        int count = population.householdCount();
        for (int household = 0; household < count; household++) {
            if (population.isOccupied(household)) {
                households[population.householdVillage[household]]++;
            }
            if (members.get(household)) {
                listedCount[population.householdVillage[household]]++;
            }
        }
        int[] candidates = new int[count];
        int candidateCount = 0;
        for (int household = 0; household < count; household++) {
            if (!members.get(household) && eligible(Program.BLT_DD, household)) {
                candidates[candidateCount++] = household;
            }
        }
        for (int i = 0; i < candidateCount; i++) {
            int pick = i + random.nextInt(candidateCount - i);
            int household = candidates[pick];
            candidates[pick] = candidates[i];
            candidates[i] = household;
            int village = population.householdVillage[household];
            if (listedCount[village] < Math.round(households[village] * BLT_DD_QUOTA)) {
                members.set(household);
                listed.get(Program.BLT_DD)[household] = population.pengurus(household);
                listedCount[village]++;
            }
        }
    }

    private void refreshPkh() {
        PkhBenefit.Entitlement[] entitlements = new PkhBenefit.Entitlement[population.householdCount()];
        BitSet members = enrolled.get(Program.PKH);
        for (int household = members.nextSetBit(0); household >= 0; household = members.nextSetBit(household + 1)) {
            entitlements[household] = PkhBenefit.entitlement(population, household, date);
        }
        pkh.put(Program.PKH, entitlements);
    }

    private void grow() {
        for (Program program : Program.values()) {
            int units = units(program);
            if (listed.get(program).length < units) {
                listed.put(program, Arrays.copyOf(listed.get(program), units));
                holdovers.put(program, Arrays.copyOf(holdovers.get(program), units));
            }
        }
    }
}
