package id.satupintu.pipeline.generate;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Puts the row-level faults into a roster record, each with its configured rate: at most one NIK
 * fault, name faults, a swapped birth date, a wrong desa code. What each fault does is documented
 * on {@link FaultKind}; the record keeps the set of faults applied for the ground truth.
 */
final class RowFaults {
    private static final FaultKind[] NIK_FAULTS = {
        FaultKind.NIK_SCIENTIFIC,
        FaultKind.NIK_ZEROED_16TH,
        FaultKind.NIK_LENGTH,
        FaultKind.NIK_NOT_DIGITS,
        FaultKind.NIK_PLACEHOLDER,
        FaultKind.NIK_MISSING,
        FaultKind.NIK_EQUALS_KK,
        FaultKind.NIK_TYPO,
        FaultKind.NIK_OF_OTHER_PERSON,
        FaultKind.NIK_SECOND_REGISTRATION
    };
    static final String PLACEHOLDER = "0000000000000000";

    /** Spelling variants as {from, to} on whole tokens (DOMAIN.md §7.3, §7.4). */
    private static final Map<String, List<String>> TOKEN_VARIANTS = Map.ofEntries(
            Map.entry("MUHAMMAD", List.of("MUHAMAD", "MOHAMMAD", "MOCH", "MUH", "M")),
            Map.entry("MUHAMAD", List.of("MUHAMMAD", "MOCHAMAD", "MOH")),
            Map.entry("MOCHAMAD", List.of("MUHAMMAD", "MOCH", "MOHAMAD")),
            Map.entry("MOH", List.of("MUHAMMAD", "MOCH")),
            Map.entry("AHMAD", List.of("ACHMAD", "AKHMAD")),
            Map.entry("ACHMAD", List.of("AHMAD")),
            Map.entry("ABDUL", List.of("ABD", "ABDOEL")),
            Map.entry("SITI", List.of("SITTI", "ST")),
            Map.entry("NUR", List.of("NOER", "NOOR")),
            Map.entry("SYAMSUL", List.of("SJAMSUL", "SAMSUL")),
            Map.entry("YUSUF", List.of("JUSUF", "YUSUP")),
            Map.entry("WAYAN", List.of("WYN")),
            Map.entry("MADE", List.of("MD")),
            Map.entry("NYOMAN", List.of("NYM")),
            Map.entry("KETUT", List.of("KT")),
            Map.entry("PUTU", List.of("PT")),
            Map.entry("KOMANG", List.of("KMG")),
            Map.entry("KADEK", List.of("KDK")),
            Map.entry("GEDE", List.of("GD")),
            Map.entry("GUSTI", List.of("GST")));

    private static final String[] FRONT_TITLES = {"H.", "DRS.", "IR.", "KH."};
    private static final String[] FRONT_TITLES_FEMALE = {"HJ.", "DRA.", "NY."};
    private static final String[] BACK_TITLES = {"S.PD", "S.E", "S.H", "S.KOM", "A.MD", "S.SOS", "S.AG"};

    private final Population population;
    private final CivilRegistry registry;
    private final FaultRates rates;
    private final Map<Integer, Long> secondNik = new HashMap<>();

    RowFaults(Population population, CivilRegistry registry, FaultRates rates) {
        this.population = requireNonNull(population, "population is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.rates = requireNonNull(rates, "rates is null");
    }

    /** Whether any row fault can occur at all; with none the generator skips the draws. */
    boolean isNone() {
        return rates.isNone();
    }

    /**
     * Applies the faults to a record whose true values are set.
     *
     * @param carriesKk whether the layout has a No. KK column (a NIK equal to the KK is only a
     *     visible fault next to it)
     * @param carriesVillageCode whether the layout has a Kemendagri desa code column
     */
    void apply(RosterRecord record, boolean carriesKk, boolean carriesVillageCode, SplittableRandom random) {
        long trueNik = population.personNik[record.person];
        record.nik = Long.toString(trueNik);
        double draw = random.nextDouble();
        for (FaultKind fault : NIK_FAULTS) {
            draw -= rates.rate(fault);
            if (draw < 0) {
                if (fault == FaultKind.NIK_EQUALS_KK && !carriesKk) {
                    break;
                }
                if (damageNik(record, fault, trueNik, random)) {
                    record.add(fault);
                }
                break;
            }
        }
        if (random.nextDouble() < rates.rate(FaultKind.NAME_TYPO)) {
            record.name = typo(record.name, random);
            record.add(FaultKind.NAME_TYPO);
        }
        if (random.nextDouble() < rates.rate(FaultKind.NAME_VARIANT)) {
            String variant = variant(record.name, random);
            if (!variant.equals(record.name)) {
                record.name = variant;
                record.add(FaultKind.NAME_VARIANT);
            }
        }
        if (random.nextDouble() < rates.rate(FaultKind.NAME_TITLE)) {
            record.name = titled(record.name, record.female, random);
            record.add(FaultKind.NAME_TITLE);
        }
        int day = record.birthDate.getDayOfMonth();
        int month = record.birthDate.getMonthValue();
        if (day <= 12 && day != month && random.nextDouble() < rates.rate(FaultKind.BIRTH_DATE_SWAPPED)) {
            record.birthDate = record.birthDate.withDayOfMonth(1).withMonth(day).withDayOfMonth(month);
            record.add(FaultKind.BIRTH_DATE_SWAPPED);
        }
        if (carriesVillageCode && random.nextDouble() < rates.rate(FaultKind.DESA_UNKNOWN_CODE)) {
            record.villageCodeOverride = unknownVillageCode(record.village, random);
            record.add(FaultKind.DESA_UNKNOWN_CODE);
        }
    }

    /** Whether the desa name is written in its 2022 spelling, where it has one. */
    boolean outdatedName(SplittableRandom random) {
        return random.nextDouble() < rates.rate(FaultKind.DESA_OUTDATED_NAME);
    }

    boolean duplicate(SplittableRandom random) {
        return random.nextDouble() < rates.rate(FaultKind.DUPLICATE_ROW);
    }

    private boolean damageNik(RosterRecord record, FaultKind fault, long trueNik, SplittableRandom random) {
        String digits = Long.toString(trueNik);
        switch (fault) {
            case NIK_SCIENTIFIC -> {
                record.nik = scientific(trueNik);
                record.nikNumber = excelNumber(trueNik);
            }
            case NIK_ZEROED_16TH -> {
                if (trueNik % 10 == 0) {
                    return false;
                }
                record.nik = digits.substring(0, 15) + "0";
                record.nikNumber = excelNumber(trueNik);
            }
            case NIK_LENGTH -> record.nik = digits.substring(0, 15);
            case NIK_NOT_DIGITS -> {
                char[] chars = digits.toCharArray();
                chars[random.nextInt(chars.length)] = (char) ('A' + random.nextInt(26));
                record.nik = new String(chars);
            }
            case NIK_PLACEHOLDER -> record.nik = PLACEHOLDER;
            case NIK_MISSING -> record.nik = null;
            case NIK_EQUALS_KK -> record.nik = Long.toString(record.noKk);
            case NIK_TYPO -> {
                // one of the last three serial digits, never leaving serial 0000
                char[] chars = digits.toCharArray();
                int position = 13 + random.nextInt(3);
                chars[position] = (char) ('0' + (chars[position] - '0' + 1 + random.nextInt(9)) % 10);
                String typed = new String(chars);
                if (typed.endsWith("0000")) {
                    return false;
                }
                record.nik = typed;
            }
            case NIK_OF_OTHER_PERSON -> {
                int other = random.nextInt(population.personCount());
                if (population.personNik[other] == trueNik) {
                    return false;
                }
                record.nik = Long.toString(population.personNik[other]);
            }
            case NIK_SECOND_REGISTRATION ->
                record.nik = Long.toString(secondNik.computeIfAbsent(
                        record.person,
                        person -> registry.secondRegistration(
                                registry.anyKecamatan(new SplittableRandom(person * 0x9E3779B97F4A7C15L)),
                                population.birthDate(person),
                                population.personFemale[person])));
            default -> throw new IllegalArgumentException("Not a NIK fault: " + fault);
        }
        return true;
    }

    /** Excel's General format for a 16-digit number: six significant digits, trailing zeros dropped. */
    static String scientific(long nik) {
        long mantissa = (nik + 5_000_000_000L) / 10_000_000_000L;
        String significant = Long.toString(mantissa).replaceFirst("0+$", "");
        String fraction = significant.substring(1);
        return significant.charAt(0) + (fraction.isEmpty() ? "" : "." + fraction) + "E+15";
    }

    /** The number Excel keeps of a 16-digit NIK typed into a General cell: 15 significant digits. */
    static double excelNumber(long nik) {
        return (double) ((nik / 10) * 10);
    }

    static String typo(String name, SplittableRandom random) {
        char[] chars = name.toCharArray();
        int position = letterPosition(chars, random);
        if (position < 0) {
            return name + "H";
        }
        switch (random.nextInt(3)) {
            case 0 -> {
                chars[position] = neighbour(chars[position]);
                return new String(chars);
            }
            case 1 -> {
                return name.substring(0, position) + name.substring(position + 1);
            }
            default -> {
                if (position + 1 < chars.length && Character.isLetter(chars[position + 1])) {
                    char swap = chars[position];
                    chars[position] = chars[position + 1];
                    chars[position + 1] = swap;
                    String swapped = new String(chars);
                    if (!swapped.equals(name)) {
                        return swapped;
                    }
                }
                return name.substring(0, position + 1) + name.charAt(position) + name.substring(position + 1);
            }
        }
    }

    /** A letter inside a word of at least four letters (short particles such as I, NI stay). */
    private static int letterPosition(char[] chars, SplittableRandom random) {
        for (int attempt = 0; attempt < 8; attempt++) {
            int position = random.nextInt(chars.length);
            if (Character.isLetter(chars[position]) && wordLength(chars, position) >= 4) {
                return position;
            }
        }
        return -1;
    }

    private static int wordLength(char[] chars, int position) {
        int start = position;
        while (start > 0 && chars[start - 1] != ' ') {
            start--;
        }
        int end = position;
        while (end < chars.length && chars[end] != ' ') {
            end++;
        }
        return end - start;
    }

    private static char neighbour(char letter) {
        return switch (letter) {
            case 'A' -> 'E';
            case 'E' -> 'I';
            case 'I' -> 'Y';
            case 'O' -> 'U';
            case 'U' -> 'O';
            case 'Y' -> 'I';
            case 'N' -> 'M';
            case 'M' -> 'N';
            case 'D' -> 'T';
            case 'T' -> 'D';
            case 'S' -> 'Z';
            case 'K' -> 'G';
            case 'F' -> 'P';
            case 'P' -> 'F';
            default -> letter == 'Z' ? 'S' : (char) (letter == 'X' ? 'S' : letter + 1);
        };
    }

    static String variant(String name, SplittableRandom random) {
        String[] tokens = name.split(" ");
        int start = random.nextInt(tokens.length);
        for (int i = 0; i < tokens.length; i++) {
            int index = (start + i) % tokens.length;
            List<String> choices = TOKEN_VARIANTS.get(tokens[index]);
            if (choices != null) {
                tokens[index] = choices.get(random.nextInt(choices.size()));
                return String.join(" ", tokens);
            }
        }
        // old spelling (EYD 1972 reversed) on the first token where it applies
        for (int i = 0; i < tokens.length; i++) {
            int index = (start + i) % tokens.length;
            String old = oldSpelling(tokens[index]);
            if (!old.equals(tokens[index])) {
                tokens[index] = old;
                return String.join(" ", tokens);
            }
        }
        // two given names written as one
        if (tokens.length >= 2) {
            int index = random.nextInt(tokens.length - 1);
            tokens[index] = tokens[index] + tokens[index + 1];
            tokens[index + 1] = "";
            return String.join(" ", tokens).replace("  ", " ").strip();
        }
        return name;
    }

    /** Soewandi/Van Ophuijsen spelling of an EYD token: u→oe, j→dj, c→tj, y→j, sy→sj, kh→ch. */
    static String oldSpelling(String token) {
        if (token.contains("SY")) {
            return token.replace("SY", "SJ");
        }
        if (token.contains("KH")) {
            return token.replace("KH", "CH");
        }
        if (token.indexOf('C') >= 0) {
            return token.replace("C", "TJ");
        }
        if (token.indexOf('J') >= 0) {
            return token.replace("J", "DJ");
        }
        if (token.indexOf('U') >= 0) {
            return token.replaceFirst("U", "OE");
        }
        return token;
    }

    static String titled(String name, boolean female, SplittableRandom random) {
        if (random.nextBoolean()) {
            String[] front = female && random.nextBoolean() ? FRONT_TITLES_FEMALE : FRONT_TITLES;
            return front[random.nextInt(front.length)] + " " + name;
        }
        return name + ", " + BACK_TITLES[random.nextInt(BACK_TITLES.length)];
    }

    private String unknownVillageCode(int village, SplittableRandom random) {
        String kecamatan = population.kecamatanCodes[population.villageKecamatan[village]];
        for (int attempt = 0; ; attempt++) {
            String code = kecamatan + "." + (2900 + random.nextInt(100));
            if (!id.satupintu.schemas.wilayah.WilayahTable.national().contains(code) || attempt > 100) {
                return code;
            }
        }
    }
}
