package id.satupintu.pipeline.generate;

import static java.util.Objects.requireNonNull;

import id.satupintu.pipeline.generate.Population.Role;
import id.satupintu.pipeline.generate.Population.Status;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One month of life in the simulated kabupaten, dated in the month before a roster month: deaths
 * (by age), households moving away, births from pregnancies that came due, new pregnancies,
 * marriages in which a grown child leaves with a new KK (pecah KK), a new KK for a family whose
 * head died, and households whose welfare (desil) changed. Deaths and moves are what Dukcapil
 * reports; they are returned as events.
 */
final class PopulationEvolution {
    /** Monthly death probability per mille by age band: under 60, 60s, 70s, 80 and over. */
    private static final double[] DEATH_PER_MILLE = {0.25, 1.5, 4.0, 10.0};
    /** Households moving out of the kabupaten per month, per mille. */
    static final double MOVE_OUT_PER_MILLE = 0.8;
    /** Women 19-42 living with their husband becoming pregnant per month, per mille. */
    private static final double PREGNANCY_PER_MILLE = 7.0;
    /** Grown children (21 and over) marrying and starting their own KK per month, per mille. */
    private static final double MARRIAGE_PER_MILLE = 4.0;
    /** Households whose desil changes per month, per mille. */
    static final double DESIL_CHANGE_PER_MILLE = 5.0;

    /** What Dukcapil reports of a person: died or moved out, on a date. */
    record Event(int person, int household, String villageCode, Status status, LocalDate date, String destination) {}

    private final Population population;
    private final CivilRegistry registry;
    private final NameStyle names;

    PopulationEvolution(Population population, CivilRegistry registry, NameStyle names) {
        this.population = requireNonNull(population, "population is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.names = requireNonNull(names, "names is null");
    }

    /** Lives the month before {@code rosterMonth}; returns the deaths and moves of that month. */
    List<Event> liveMonthBefore(YearMonth rosterMonth, SplittableRandom random) {
        YearMonth month = rosterMonth.minusMonths(1);
        LocalDate first = month.atDay(1);
        int days = month.lengthOfMonth();
        List<Event> events = new ArrayList<>();
        int households = population.householdCount();
        for (int household = 0; household < households; household++) {
            if (!population.isOccupied(household)) {
                continue;
            }
            if (random.nextDouble() * 1000 < MOVE_OUT_PER_MILLE) {
                moveOut(household, first.plusDays(random.nextInt(days)), random, events);
                continue;
            }
            for (int person : population.members(household).clone()) {
                if (random.nextDouble() * 1000 < DEATH_PER_MILLE[ageBand(population.age(person, first))]) {
                    die(household, person, first.plusDays(random.nextInt(days)), events);
                }
            }
            if (!population.isOccupied(household)) {
                continue;
            }
            births(household, first, days, random);
            marriages(household, first, days, random);
            if (random.nextDouble() * 1000 < DESIL_CHANGE_PER_MILLE) {
                int desil = population.householdDesil[household];
                int changed = random.nextInt(10) < 7 ? desil + 1 + random.nextInt(4) : desil - 1 - random.nextInt(2);
                population.householdDesil[household] = (byte) Math.max(1, Math.min(10, changed));
            }
        }
        return events;
    }

    private void moveOut(int household, LocalDate date, SplittableRandom random, List<Event> events) {
        String destination = kabupatenOf(registry.anyKecamatan(random));
        String village = population.villageCode(household);
        for (int person : population.members(household).clone()) {
            population.personStatus[person] = (byte) Status.MOVED_OUT.ordinal();
            population.personLeftEpochDay[person] = (int) date.toEpochDay();
            population.personDueEpochDay[person] = 0;
            population.leave(household, person);
            events.add(new Event(person, household, village, Status.MOVED_OUT, date, destination));
        }
    }

    private void die(int household, int person, LocalDate date, List<Event> events) {
        boolean wasHead = population.head(household) == person;
        population.personStatus[person] = (byte) Status.DECEASED.ordinal();
        population.personLeftEpochDay[person] = (int) date.toEpochDay();
        population.personDueEpochDay[person] = 0;
        population.leave(household, person);
        events.add(new Event(person, household, population.villageCode(household), Status.DECEASED, date, null));
        if (wasHead && population.isOccupied(household)) {
            // a new head, and Dukcapil issues a new KK
            int newHead = eldest(population.members(household));
            population.join(household, newHead, Role.HEAD);
            population.householdKk[household] = registry.kk(kecamatanDigits(household), date.plusDays(7));
        }
    }

    private void births(int household, LocalDate first, int days, SplittableRandom random) {
        long firstDay = first.toEpochDay();
        for (int person : population.members(household)) {
            int due = population.personDueEpochDay[person];
            if (due != 0 && due < firstDay + days) {
                population.personDueEpochDay[person] = 0;
                LocalDate birth = LocalDate.ofEpochDay(Math.max(due, firstDay));
                int children = 0;
                for (int member : population.members(household)) {
                    if (population.personRole[member] == Role.CHILD.ordinal()) {
                        children++;
                    }
                }
                boolean female = random.nextBoolean();
                int child = population.addPerson();
                population.personFemale[child] = female;
                population.personBirthEpochDay[child] = (int) birth.toEpochDay();
                population.personName[child] = names.name(female, children + 1, random);
                population.personNik[child] = registry.nik(kecamatanDigits(household), birth, female);
                population.join(household, child, Role.CHILD);
                return;
            }
        }
        for (int person : population.members(household)) {
            if (population.personFemale[person]
                    && population.personDueEpochDay[person] == 0
                    && isMarried(household, person)) {
                int age = population.age(person, first);
                if (age >= 19 && age <= 42 && random.nextDouble() * 1000 < PREGNANCY_PER_MILLE) {
                    population.personDueEpochDay[person] = (int) (firstDay + 240 + random.nextInt(30));
                }
            }
        }
    }

    private void marriages(int household, LocalDate first, int days, SplittableRandom random) {
        for (int person : population.members(household)) {
            if (population.personRole[person] != Role.CHILD.ordinal()
                    || population.age(person, first) < 21
                    || random.nextDouble() * 1000 >= MARRIAGE_PER_MILLE) {
                continue;
            }
            LocalDate date = first.plusDays(random.nextInt(days));
            int newHousehold = population.addHousehold();
            population.householdVillage[newHousehold] = population.householdVillage[household];
            population.householdDesil[newHousehold] = population.householdDesil[household];
            population.householdRt[newHousehold] = population.householdRt[household];
            population.householdRw[newHousehold] = population.householdRw[household];
            population.householdAlamat[newHousehold] = population.householdAlamat[household];
            population.householdDusun[newHousehold] = population.householdDusun[household];
            population.householdDaya450[newHousehold] = random.nextBoolean();
            population.householdKk[newHousehold] = registry.kk(kecamatanDigits(household), date);
            boolean female = population.personFemale[person];
            if (female) {
                spouse(newHousehold, false, person, date, random, Role.HEAD);
                population.join(newHousehold, person, Role.SPOUSE);
            } else {
                population.join(newHousehold, person, Role.HEAD);
                spouse(newHousehold, true, person, date, random, Role.SPOUSE);
            }
            return;
        }
    }

    /** A husband or wife who comes from elsewhere, one to five years apart in age. */
    private void spouse(
            int household, boolean female, int partner, LocalDate date, SplittableRandom random, Role role) {
        int person = population.addPerson();
        LocalDate birth = population
                .birthDate(partner)
                .plusDays(female ? 365L + random.nextInt(4 * 365) : -365L - random.nextInt(4 * 365));
        int registeredIn = random.nextInt(100) < 30 ? registry.anyKecamatan(random) : kecamatanDigits(household);
        population.personFemale[person] = female;
        population.personBirthEpochDay[person] = (int) birth.toEpochDay();
        population.personName[person] = names.forHousehold(random).name(female, 1 + random.nextInt(4), random);
        population.personNik[person] = registry.nik(registeredIn, birth, female);
        population.join(household, person, role);
    }

    private boolean isMarried(int household, int person) {
        int role = population.personRole[person];
        if (role != Role.HEAD.ordinal() && role != Role.SPOUSE.ordinal()) {
            return false;
        }
        for (int member : population.members(household)) {
            if (member != person
                    && (population.personRole[member] == Role.HEAD.ordinal()
                            || population.personRole[member] == Role.SPOUSE.ordinal())) {
                return true;
            }
        }
        return false;
    }

    private int eldest(int[] members) {
        int eldest = members[0];
        for (int member : members) {
            if (population.personBirthEpochDay[member] < population.personBirthEpochDay[eldest]) {
                eldest = member;
            }
        }
        return eldest;
    }

    private int kecamatanDigits(int household) {
        return CivilRegistry.digits(population.kecamatanCodes[population.kecamatan(household)]);
    }

    private static int ageBand(int age) {
        return age < 60 ? 0 : age < 70 ? 1 : age < 80 ? 2 : 3;
    }

    /** {@code PPKKCC} as the dotted kab/kota code {@code PP.KK}. */
    private static String kabupatenOf(int kecamatanDigits) {
        int kabupaten = kecamatanDigits / 100;
        return String.format("%02d.%02d", kabupaten / 100, kabupaten % 100);
    }
}
