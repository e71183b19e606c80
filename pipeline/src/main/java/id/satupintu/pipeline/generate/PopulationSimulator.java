package id.satupintu.pipeline.generate;

import static java.util.Objects.requireNonNull;

import id.satupintu.pipeline.generate.Population.Role;
import id.satupintu.schemas.wilayah.Wilayah;
import id.satupintu.schemas.wilayah.WilayahLevel;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Simulates the residents of a kabupaten: households spread over every desa/kelurahan, members with
 * plausible ages, names in the regional style, NIK and No. KK numbers with the Dukcapil structure.
 */
final class PopulationSimulator {
    /** Household sizes 1..6 and their weights in percent: mean 3.2 members. */
    private static final int[] SIZE_WEIGHTS = {10, 21, 28, 25, 12, 4};
    /** Desil 1..10 weights in percent: 40% in desil 1-4. */
    private static final int[] DESIL_WEIGHTS = {9, 10, 10, 11, 11, 11, 10, 10, 9, 9};
    /** Own birth order 1..4 of adults, in percent. */
    private static final int[] ADULT_BIRTH_ORDER_WEIGHTS = {35, 30, 20, 15};
    /** Share of NIKs first registered in a kecamatan other than the household's, per mille. */
    static final int FOREIGN_NIK_PER_MILLE = 50;
    /** Severe disability, per mille of residents (PKH component). */
    static final int DISABLED_PER_MILLE = 15;
    /** Women 19-42 living with a spouse who are pregnant at the start, per mille. */
    private static final int PREGNANT_PER_MILLE = 50;

    private static final LocalDate FIRST_KK_REGISTRATION = LocalDate.of(2004, 1, 1);

    private static final String[] BALI_BANJAR = {
        "KAJA", "KELOD", "KANGIN", "KAUH", "TENGAH", "ANYAR", "DESA", "PASEKAN",
        "BABAKAN", "LEBAH", "TEGAL", "SARI", "MEKAR SARI", "DAUH PANGKUNG", "MUNDUK", "PURA DESA"
    };
    private static final String[] DUSUN = {
        "KRAJAN", "KULON", "WETAN", "LOR", "KIDUL", "TENGAH", "SUKAMAJU", "SUKAMULYA",
        "KARANGANYAR", "SIDOMULYO", "MEKARSARI", "CIMANGGU", "PASIR", "BABAKAN", "TEGALSARI", "SUMBERSARI"
    };
    private static final String[] LINGKUNGAN = {
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "BARAT", "TIMUR", "UTARA", "SELATAN", "TENGAH", "BARU"
    };
    private static final String[] STREETS = {
        "MAWAR", "MELATI", "ANGGREK", "KENANGA", "FLAMBOYAN", "CEMPAKA", "DAHLIA", "SUDIRMAN",
        "DIPONEGORO", "GAJAH MADA", "PAHLAWAN", "MERDEKA", "VETERAN", "SURAPATI", "KARTINI", "IMAM BONJOL"
    };

    private final GeneratorSettings settings;
    private final WilayahTable table;
    private final SplittableRandom random;
    private final NameStyle names;
    private NameStyle familyNames;
    private final boolean bali;
    private final LocalDate referenceDate;
    private final CivilRegistry registry;
    private final Map<String, String> internedNames = new HashMap<>();

    private PopulationSimulator(
            GeneratorSettings settings, WilayahTable table, CivilRegistry registry, SplittableRandom random) {
        this.settings = requireNonNull(settings, "settings is null");
        this.table = requireNonNull(table, "table is null");
        this.random = requireNonNull(random, "random is null");
        String province = settings.kabupatenCode().substring(0, 2);
        this.bali = "51".equals(province);
        this.names = NameStyle.forProvince(province);
        this.referenceDate = settings.firstPeriod().atDay(1);
        this.registry = requireNonNull(registry, "registry is null");
    }

    static Population simulate(
            GeneratorSettings settings, WilayahTable table, CivilRegistry registry, SplittableRandom random) {
        return new PopulationSimulator(settings, table, registry, random).simulate();
    }

    private Population simulate() {
        List<Wilayah> villages = table.villagesUnder(settings.kabupatenCode());
        int villageCount = villages.size();
        String[] villageCodes = new String[villageCount];
        String[] villageNames = new String[villageCount];
        boolean[] kelurahan = new boolean[villageCount];
        int[] villageKecamatan = new int[villageCount];
        TreeMap<String, Integer> kecamatanIndex = new TreeMap<>();
        for (Wilayah village : villages) {
            kecamatanIndex.put(kecamatanOf(village.code()), 0);
        }
        String[] kecamatanCodes = kecamatanIndex.keySet().toArray(String[]::new);
        String[] kecamatanNames = new String[kecamatanCodes.length];
        for (int i = 0; i < kecamatanCodes.length; i++) {
            kecamatanIndex.put(kecamatanCodes[i], i);
            kecamatanNames[i] = table.require(kecamatanCodes[i]).name();
        }
        for (int v = 0; v < villageCount; v++) {
            Wilayah village = villages.get(v);
            villageCodes[v] = village.code();
            villageNames[v] = village.name();
            kelurahan[v] = village.level() == WilayahLevel.KELURAHAN;
            villageKecamatan[v] = kecamatanIndex.get(kecamatanOf(village.code()));
        }

        // Household sizes until the population is reached; the last household takes the remainder.
        List<Integer> sizes = new ArrayList<>();
        int persons = settings.persons();
        for (int placed = 0; placed < persons; ) {
            int size = Math.min(1 + weighted(SIZE_WEIGHTS), persons - placed);
            sizes.add(size);
            placed += size;
        }
        int households = sizes.size();

        // Each desa weighs 1 to 3; households are drawn to desa by weight, then grouped in desa code order.
        double[] cumulativeWeight = new double[villageCount];
        double total = 0;
        for (int v = 0; v < villageCount; v++) {
            total += 1.0 + 2.0 * random.nextDouble();
            cumulativeWeight[v] = total;
        }
        int[] drawnVillage = new int[households];
        int[] perVillage = new int[villageCount + 1];
        for (int h = 0; h < households; h++) {
            int index = Arrays.binarySearch(cumulativeWeight, random.nextDouble() * total);
            int village = Math.min(index >= 0 ? index : -index - 1, villageCount - 1);
            drawnVillage[h] = village;
            perVillage[village + 1]++;
        }
        for (int v = 0; v < villageCount; v++) {
            perVillage[v + 1] += perVillage[v];
        }
        int[] order = new int[households];
        for (int h = 0; h < households; h++) {
            order[perVillage[drawnVillage[h]]++] = h;
        }

        Population population = new Population(
                villageCodes,
                villageNames,
                kelurahan,
                villageKecamatan,
                kecamatanCodes,
                kecamatanNames,
                households + households / 8,
                persons + persons / 8);
        String[][] dusunByVillage = new String[villageCount][];
        for (int v = 0; v < villageCount; v++) {
            dusunByVillage[v] = dusunNames(kelurahan[v]);
        }
        for (int index = 0; index < households; index++) {
            int village = drawnVillage[order[index]];
            int size = sizes.get(order[index]);
            int h = population.addHousehold();
            population.householdVillage[h] = village;
            population.householdDesil[h] = (byte) (1 + weighted(DESIL_WEIGHTS));
            population.householdDaya450[h] = random.nextInt(10) < 6;
            address(population, h, dusunByVillage[village], kelurahan[village], random);
            int kecamatanDigits = CivilRegistry.digits(kecamatanCodes[villageKecamatan[village]]);
            population.householdKk[h] = kkNumber(kecamatanDigits);
            members(population, h, size, kecamatanDigits);
        }
        return population;
    }

    String[] dusunNames(boolean kelurahan) {
        String[] pool = kelurahan ? LINGKUNGAN : (bali ? BALI_BANJAR : DUSUN);
        String prefix = kelurahan ? "LINGKUNGAN " : (bali ? "BANJAR DINAS " : "DUSUN ");
        int count = 3 + random.nextInt(5);
        String[] shuffled = pool.clone();
        String[] chosen = new String[count];
        for (int i = 0; i < count; i++) {
            int pick = i + random.nextInt(shuffled.length - i);
            String swap = shuffled[i];
            shuffled[i] = shuffled[pick];
            shuffled[pick] = swap;
            chosen[i] = prefix + shuffled[i];
        }
        return chosen;
    }

    static void address(
            Population population, int household, String[] dusun, boolean kelurahan, SplittableRandom random) {
        int dusunIndex = random.nextInt(dusun.length);
        population.householdDusun[household] = dusun[dusunIndex];
        population.householdRw[household] = (short) (dusunIndex + 1);
        population.householdRt[household] = (short) (1 + random.nextInt(6));
        population.householdAlamat[household] = kelurahan
                ? "JL. " + STREETS[random.nextInt(STREETS.length)] + " NO. " + (1 + random.nextInt(150))
                : dusun[dusunIndex];
    }

    private void members(Population population, int household, int size, int kecamatanDigits) {
        familyNames = names.forHousehold(random);
        boolean withSpouse = size >= 2 && random.nextInt(100) < 88;
        boolean headFemale = withSpouse ? random.nextInt(100) < 3 : random.nextInt(100) < (size == 1 ? 50 : 60);
        int headAge = size == 1 ? 25 + random.nextInt(61) : 24 + random.nextInt(47);
        int placed = 0;
        add(population, household, Role.HEAD, headFemale, headAge, adultBirthOrder(), kecamatanDigits);
        placed++;
        int motherAge = headFemale ? headAge : -1;
        if (withSpouse) {
            int spouseAge = headFemale ? headAge + random.nextInt(6) : Math.max(19, headAge - random.nextInt(8));
            if (!headFemale) {
                motherAge = spouseAge;
            }
            int spouse =
                    add(population, household, Role.SPOUSE, !headFemale, spouseAge, adultBirthOrder(), kecamatanDigits);
            placed++;
            if (spouseAge <= 42 && random.nextInt(1000) < PREGNANT_PER_MILLE) {
                int wife = headFemale ? population.head(household) : spouse;
                population.personDueEpochDay[wife] = (int) referenceDate.toEpochDay() + 1 + random.nextInt(240);
            }
        }
        int remaining = size - placed;
        boolean withParent = remaining >= 2 && random.nextInt(100) < 20;
        int children = withParent ? remaining - 1 : remaining;
        int parentAge = Math.min(95, headAge + 22 + random.nextInt(11));
        // The eldest child was born when the mother (or the head) was 19 to 30; the next 1 to 4 years later.
        int childAge = Math.max(0, (motherAge > 0 ? motherAge : headAge) - 19 - random.nextInt(12));
        for (int child = 1; child <= children; child++) {
            add(population, household, Role.CHILD, random.nextBoolean(), childAge, child, kecamatanDigits);
            childAge = Math.max(0, childAge - 1 - random.nextInt(4));
        }
        if (withParent) {
            add(
                    population,
                    household,
                    Role.PARENT,
                    random.nextInt(100) < 65,
                    parentAge,
                    adultBirthOrder(),
                    kecamatanDigits);
        }
    }

    private int add(
            Population population,
            int household,
            Role role,
            boolean female,
            int age,
            int birthOrder,
            int kecamatanDigits) {
        LocalDate birth = referenceDate.minusYears(age).minusDays(1 + random.nextInt(365));
        int person = population.addPerson();
        population.join(household, person, role);
        population.personFemale[person] = female;
        population.personBirthEpochDay[person] = (int) birth.toEpochDay();
        population.personName[person] =
                internedNames.computeIfAbsent(familyNames.name(female, birthOrder, random), name -> name);
        population.personDisabled[person] = random.nextInt(1000) < DISABLED_PER_MILLE;
        int registeredIn =
                random.nextInt(1000) < FOREIGN_NIK_PER_MILLE ? registry.anyKecamatan(random) : kecamatanDigits;
        population.personNik[person] = registry.nik(registeredIn, birth, female);
        return person;
    }

    /** Kecamatan of issuance, a registration date since 2004, serial from 0001. */
    private long kkNumber(int kecamatanDigits) {
        long firstDay = FIRST_KK_REGISTRATION.toEpochDay();
        long days = referenceDate.toEpochDay() - firstDay;
        return registry.kk(kecamatanDigits, LocalDate.ofEpochDay(firstDay + (long) (random.nextDouble() * days)));
    }

    private int adultBirthOrder() {
        return 1 + weighted(ADULT_BIRTH_ORDER_WEIGHTS);
    }

    private int weighted(int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    static String kecamatanOf(String villageCode) {
        return villageCode.substring(0, 8);
    }
}
