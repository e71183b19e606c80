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
    private static final int FOREIGN_NIK_PER_MILLE = 50;

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
    private final boolean bali;
    private final LocalDate referenceDate;
    private final int[] nationalKecamatan;
    private final Map<Long, Integer> nikSerials = new HashMap<>();
    private final Map<Long, Integer> kkSerials = new HashMap<>();
    private final Map<String, String> internedNames = new HashMap<>();

    private PopulationSimulator(GeneratorSettings settings, WilayahTable table, SplittableRandom random) {
        this.settings = requireNonNull(settings, "settings is null");
        this.table = requireNonNull(table, "table is null");
        this.random = requireNonNull(random, "random is null");
        String province = settings.kabupatenCode().substring(0, 2);
        this.bali = "51".equals(province);
        this.names = NameStyle.forProvince(province);
        this.referenceDate = settings.firstPeriod().atDay(1);
        this.nationalKecamatan = nationalKecamatan(table);
    }

    static Population simulate(GeneratorSettings settings, WilayahTable table, SplittableRandom random) {
        return new PopulationSimulator(settings, table, random).simulate();
    }

    private Population simulate() {
        List<Wilayah> villages = table.villagesUnder(settings.kabupatenCode());
        int villageCount = villages.size();
        String[] villageCodes = new String[villageCount];
        boolean[] kelurahan = new boolean[villageCount];
        int[] villageKecamatan = new int[villageCount];
        TreeMap<String, Integer> kecamatanIndex = new TreeMap<>();
        for (Wilayah village : villages) {
            kecamatanIndex.put(kecamatanOf(village.code()), 0);
        }
        String[] kecamatanCodes = kecamatanIndex.keySet().toArray(String[]::new);
        for (int i = 0; i < kecamatanCodes.length; i++) {
            kecamatanIndex.put(kecamatanCodes[i], i);
        }
        for (int v = 0; v < villageCount; v++) {
            Wilayah village = villages.get(v);
            villageCodes[v] = village.code();
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

        Population population =
                new Population(villageCodes, kelurahan, villageKecamatan, kecamatanCodes, households, persons);
        String[][] dusunByVillage = new String[villageCount][];
        for (int v = 0; v < villageCount; v++) {
            dusunByVillage[v] = dusunNames(kelurahan[v]);
        }
        int nextPerson = 0;
        for (int h = 0; h < households; h++) {
            int village = drawnVillage[order[h]];
            int size = sizes.get(order[h]);
            population.householdFirstMember[h] = nextPerson;
            population.householdSize[h] = (byte) size;
            population.householdVillage[h] = village;
            population.householdDesil[h] = (byte) (1 + weighted(DESIL_WEIGHTS));
            population.householdDaya450[h] = random.nextInt(10) < 6;
            address(population, h, dusunByVillage[village], kelurahan[village]);
            int kecamatanDigits = digits(kecamatanCodes[villageKecamatan[village]]);
            population.householdKk[h] = kkNumber(kecamatanDigits);
            members(population, h, nextPerson, size, kecamatanDigits);
            nextPerson += size;
        }
        return population;
    }

    private String[] dusunNames(boolean kelurahan) {
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

    private void address(Population population, int household, String[] dusun, boolean kelurahan) {
        int dusunIndex = random.nextInt(dusun.length);
        population.householdDusun[household] = dusun[dusunIndex];
        population.householdRw[household] = (short) (dusunIndex + 1);
        population.householdRt[household] = (short) (1 + random.nextInt(6));
        population.householdAlamat[household] = kelurahan
                ? "JL. " + STREETS[random.nextInt(STREETS.length)] + " NO. " + (1 + random.nextInt(150))
                : dusun[dusunIndex];
    }

    private void members(Population population, int household, int first, int size, int kecamatanDigits) {
        boolean withSpouse = size >= 2 && random.nextInt(100) < 88;
        boolean headFemale = withSpouse ? random.nextInt(100) < 3 : random.nextInt(100) < (size == 1 ? 50 : 60);
        int headAge = size == 1 ? 25 + random.nextInt(61) : 24 + random.nextInt(47);
        int person = first;
        add(population, household, person++, Role.HEAD, headFemale, headAge, adultBirthOrder(), kecamatanDigits);
        int motherAge = headFemale ? headAge : -1;
        if (withSpouse) {
            int spouseAge = headFemale ? headAge + random.nextInt(6) : Math.max(19, headAge - random.nextInt(8));
            if (!headFemale) {
                motherAge = spouseAge;
            }
            add(
                    population,
                    household,
                    person++,
                    Role.SPOUSE,
                    !headFemale,
                    spouseAge,
                    adultBirthOrder(),
                    kecamatanDigits);
        }
        int remaining = first + size - person;
        boolean withParent = remaining >= 2 && random.nextInt(100) < 20;
        int children = withParent ? remaining - 1 : remaining;
        int parentAge = Math.min(95, headAge + 22 + random.nextInt(11));
        // The eldest child was born when the mother (or the head) was 19 to 30; the next 1 to 4 years later.
        int childAge = Math.max(0, (motherAge > 0 ? motherAge : headAge) - 19 - random.nextInt(12));
        for (int child = 1; child <= children; child++) {
            add(population, household, person++, Role.CHILD, random.nextBoolean(), childAge, child, kecamatanDigits);
            childAge = Math.max(0, childAge - 1 - random.nextInt(4));
        }
        if (withParent) {
            add(
                    population,
                    household,
                    person,
                    Role.PARENT,
                    random.nextInt(100) < 65,
                    parentAge,
                    adultBirthOrder(),
                    kecamatanDigits);
        }
    }

    private void add(
            Population population,
            int household,
            int person,
            Role role,
            boolean female,
            int age,
            int birthOrder,
            int kecamatanDigits) {
        LocalDate birth = referenceDate.minusYears(age).minusDays(1 + random.nextInt(365));
        population.personHousehold[person] = household;
        population.personRole[person] = (byte) role.ordinal();
        population.personFemale[person] = female;
        population.personBirthEpochDay[person] = (int) birth.toEpochDay();
        population.personName[person] =
                internedNames.computeIfAbsent(names.name(female, birthOrder, random), name -> name);
        int registeredIn = random.nextInt(1000) < FOREIGN_NIK_PER_MILLE
                ? nationalKecamatan[random.nextInt(nationalKecamatan.length)]
                : kecamatanDigits;
        population.personNik[person] = nik(registeredIn, birth, female);
    }

    /** {@code PP KK CC DD MM YY SSSS}: women's day + 40, serial from 0001 per first 12 digits. */
    private long nik(int kecamatanDigits, LocalDate birth, boolean female) {
        long prefix = kecamatanDigits * 1_000_000L
                + (birth.getDayOfMonth() + (female ? 40 : 0)) * 10_000L
                + birth.getMonthValue() * 100L
                + birth.getYear() % 100;
        return prefix * 10_000L + serial(nikSerials, prefix);
    }

    /** Kecamatan of issuance, registration date DDMMYY, serial from 0001. */
    private long kkNumber(int kecamatanDigits) {
        long firstDay = FIRST_KK_REGISTRATION.toEpochDay();
        long days = referenceDate.toEpochDay() - firstDay;
        LocalDate registered = LocalDate.ofEpochDay(firstDay + (long) (random.nextDouble() * days));
        long prefix = kecamatanDigits * 1_000_000L
                + registered.getDayOfMonth() * 10_000L
                + registered.getMonthValue() * 100L
                + registered.getYear() % 100;
        return prefix * 10_000L + serial(kkSerials, prefix);
    }

    private static int serial(Map<Long, Integer> serials, long prefix) {
        int serial = serials.merge(prefix, 1, Integer::sum);
        if (serial > 9_999) {
            throw new IllegalStateException("More than 9999 serial numbers for one region and date");
        }
        return serial;
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

    private static int[] nationalKecamatan(WilayahTable table) {
        List<String> codes = new ArrayList<>();
        for (Wilayah wilayah : table.all()) {
            if (wilayah.level() == WilayahLevel.KECAMATAN) {
                codes.add(wilayah.code());
            }
        }
        codes.sort(null);
        return codes.stream().mapToInt(PopulationSimulator::digits).toArray();
    }

    static String kecamatanOf(String villageCode) {
        return villageCode.substring(0, 8);
    }

    /** {@code 51.08.01} as the number 510801. */
    private static int digits(String dottedCode) {
        return Integer.parseInt(dottedCode.replace(".", ""));
    }
}
