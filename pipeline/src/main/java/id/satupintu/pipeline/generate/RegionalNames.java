package id.satupintu.pipeline.generate;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Names in the style of a region outside Bali (DOMAIN.md §7.6): a given name from the region's own
 * list or the faker id_ID list, and for most people a second name. The regional lists are common
 * name parts, not names of people; which region gets which list is documented with each factory.
 */
final class RegionalNames implements NameStyle {
    private final String[] maleGiven;
    private final String[] femaleGiven;
    private final String[] maleSecond;
    private final String[] femaleSecond;
    private final String[] malePrefixes;
    private final String[] femalePrefixes;
    private final int prefixPercent;

    private RegionalNames(
            String[] maleGiven,
            String[] femaleGiven,
            String[] maleSecond,
            String[] femaleSecond,
            String[] malePrefixes,
            String[] femalePrefixes,
            int prefixPercent) {
        this.maleGiven = requireNonNull(maleGiven, "maleGiven is null");
        this.femaleGiven = requireNonNull(femaleGiven, "femaleGiven is null");
        this.maleSecond = requireNonNull(maleSecond, "maleSecond is null");
        this.femaleSecond = requireNonNull(femaleSecond, "femaleSecond is null");
        this.malePrefixes = requireNonNull(malePrefixes, "malePrefixes is null");
        this.femalePrefixes = requireNonNull(femalePrefixes, "femalePrefixes is null");
        this.prefixPercent = prefixPercent;
    }

    @Override
    public String name(boolean female, int birthOrder, SplittableRandom random) {
        String[] given = female ? femaleGiven : maleGiven;
        StringBuilder name = new StringBuilder(32);
        String[] prefixes = female ? femalePrefixes : malePrefixes;
        if (prefixes.length > 0 && random.nextInt(100) < prefixPercent) {
            name.append(prefixes[random.nextInt(prefixes.length)]).append(' ');
        }
        name.append(given[random.nextInt(given.length)]);
        if (random.nextInt(10) >= 3) {
            String[] second = female ? femaleSecond : maleSecond;
            name.append(' ').append(second[random.nextInt(second.length)]);
        }
        return name.toString();
    }

    /** Sundanese and Cirebon names (Jawa Barat, province 32) mixed with the national list. */
    static RegionalNames sundanese(NusantaraNames national) {
        return new RegionalNames(
                merge(
                        national.maleGiven(),
                        "ASEP",
                        "UJANG",
                        "DEDE",
                        "CECEP",
                        "DADANG",
                        "ENTIS",
                        "OTONG",
                        "AAN",
                        "UJU",
                        "ENDANG",
                        "DEDEN",
                        "YAYAN",
                        "KOSASIH",
                        "SUHERMAN",
                        "NANANG",
                        "ROHMAT"),
                merge(
                        national.femaleGiven(),
                        "NENG",
                        "IMAS",
                        "EUIS",
                        "TITIN",
                        "ENOK",
                        "YAYAH",
                        "CUCU",
                        "ENUNG",
                        "IIS",
                        "NENDEN",
                        "NURHAYATI",
                        "SITI",
                        "ROHAETI",
                        "AAH",
                        "EUTIK",
                        "KOKOM"),
                national.maleSecond(),
                national.femaleSecond(),
                new String[] {"MUHAMMAD", "MOH", "ABDUL", "AHMAD"},
                new String[] {"SITI", "NUR"},
                8);
    }

    /** Javanese names (Jawa Tengah, province 33, and the rest of Java) mixed with the national list. */
    static RegionalNames javanese(NusantaraNames national) {
        return new RegionalNames(
                merge(
                        national.maleGiven(),
                        "SLAMET",
                        "SUGENG",
                        "SUPRIYADI",
                        "SUTRISNO",
                        "BAMBANG",
                        "JOKO",
                        "WAHYU",
                        "SUKIRNO",
                        "PAIMIN",
                        "TARNO",
                        "WARSITO",
                        "DARMAJI",
                        "KASIMIN",
                        "SUTARJO",
                        "MULYONO"),
                merge(
                        national.femaleGiven(),
                        "SRI",
                        "SITI",
                        "SUMARNI",
                        "WATINI",
                        "PARTINI",
                        "SUPARMI",
                        "SUKINAH",
                        "TUMINAH",
                        "WARSIH",
                        "SARINAH",
                        "MUJIYATI",
                        "KASMIRAH",
                        "RUMIYATI",
                        "SUNARSIH"),
                national.maleSecond(),
                national.femaleSecond(),
                new String[] {"MUHAMMAD", "MOCHAMAD", "ACHMAD", "ABDUL"},
                new String[] {"SITI", "SRI"},
                8);
    }

    /** Bugis and Luwu names (Sulawesi Selatan, province 73: Palopo). */
    static RegionalNames bugis() {
        return new RegionalNames(
                new String[] {
                    "SYAMSUL",
                    "HASANUDDIN",
                    "BAHTIAR",
                    "ARIFIN",
                    "RUSLAN",
                    "JUSMAN",
                    "SUPARMAN",
                    "AMIRUDDIN",
                    "NURDIN",
                    "SAMSUDDIN",
                    "HAERUDDIN",
                    "ASRUL",
                    "ILHAM",
                    "FAJAR",
                    "RAHMAT",
                    "IRWAN",
                    "MUSTAFA",
                    "ZAINUDDIN",
                    "BURHANUDDIN",
                    "SUDIRMAN",
                    "ANSAR",
                    "BASRI",
                    "JUMADI",
                    "MARDAN"
                },
                new String[] {
                    "NURHAYATI",
                    "HASNAWATI",
                    "JUMRIATI",
                    "RAHMAWATI",
                    "ASMAWATI",
                    "HARTATI",
                    "MARLINA",
                    "NURHAEDA",
                    "SAHRIANI",
                    "MUSDALIFAH",
                    "HASNIAH",
                    "KARTINI",
                    "RAHMA",
                    "HASRIANI",
                    "SUHARNI",
                    "NURMALA",
                    "ERNAWATI",
                    "HADIJAH",
                    "SITTI AMINAH",
                    "JUHARNI"
                },
                new String[] {
                    "LATIF", "RAHMAN", "SALEH", "HAMZAH", "TAHIR", "KADIR", "MALIK", "BAKRI", "HALIM", "BASO", "MAPPA",
                    "TANG"
                },
                new String[] {"LATIF", "RAHMAN", "SALEH", "HAMZAH", "TAHIR", "KADIR", "MALIK", "BAKRI", "HALIM"},
                new String[] {"ANDI", "LA", "MUHAMMAD", "ABDUL"},
                new String[] {"ANDI", "WA", "ST."},
                20);
    }

    /** Malay names, the largest group of Kalimantan Barat (province 61). */
    static RegionalNames malay() {
        return new RegionalNames(
                new String[] {
                    "SYARIF", "ZULKIFLI", "HAMDAN", "RAMLI", "SUHAIMI", "ISMAIL", "JUNAIDI", "ROSLI", "ABANG",
                    "HUSIN", "YUSRAN", "MAHMUD", "IDRIS", "RAZALI", "SABRAN", "USMAN", "ZAINAL", "HAMZAH"
                },
                new String[] {
                    "NORMAH", "ROSNAH", "ZAINAB", "HALIMAH", "SALMAH", "FATIMAH", "RUSMINAH", "MASNAH",
                    "ROHANA", "MARIAM", "JULIANA", "NURAINI", "SITI AISYAH", "DAYANG", "UTIN", "SARIFAH"
                },
                new String[] {"BIN ABDULLAH", "BIN HASAN", "RAHMAN", "USMAN", "YUSUF", "IBRAHIM", "HAMID"},
                new String[] {"BINTI ABDULLAH", "BINTI HASAN", "RAHMAN", "YUSUF", "HAMID"},
                new String[] {"MUHAMMAD", "UTI", "ABANG"},
                new String[] {"SITI", "DAYANG"},
                15);
    }

    /** Dayak names of Kalimantan Barat, often with Christian given names. */
    static RegionalNames dayak() {
        return new RegionalNames(
                new String[] {
                    "YOHANES", "PETRUS", "PAULUS", "ANTONIUS", "MARKUS", "YAKOBUS", "AGUSTINUS", "STEFANUS",
                    "LIMBAI", "NYAGU", "BUJANG", "ATOK", "JOHAN", "DAMIANUS", "SIMON", "LUKAS"
                },
                new String[] {
                    "MARIA",
                    "ROSALIA",
                    "MAGDALENA",
                    "VERONIKA",
                    "SISILIA",
                    "KATARINA",
                    "ELISABET",
                    "AGNES",
                    "LIDIA",
                    "MONIKA",
                    "DAYANG",
                    "INDAI",
                    "MINAH",
                    "SUSANA"
                },
                new String[] {"ANYAU", "UJANG", "LANSAU", "ALOY", "NYAWAI", "JEMAIN", "SEMBAI", "KADIR", "LUIS"},
                new String[] {"ANYAU", "LANSAU", "NYAWAI", "SEMBAI", "JEMAIN"},
                new String[0],
                new String[0],
                0);
    }

    /** Chinese-Indonesian names of Kalimantan Barat (Pontianak, Singkawang): surnames in Dutch spelling. */
    static RegionalNames chinese() {
        return new RegionalNames(
                new String[] {
                    "HENDRA", "SUSANTO", "VINCENT", "KEVIN", "HERMAN", "ANTON", "BUDI", "WILLIAM", "HARTONO", "SUWANDI",
                    "AHIONG", "ACHIANG", "AKHIONG"
                },
                new String[] {"LIANA", "MELIANA", "LINDA", "SUSI", "LILIS", "MEILIN", "SIU LAN", "AFUK", "MEI HUA"},
                new String[] {"LIM", "TAN", "OEI", "LIE", "GO", "KWEE", "BONG", "TJHAI", "SALIM", "WIJAYA", "HALIM"},
                new String[] {"LIM", "TAN", "OEI", "LIE", "BONG", "TJHAI", "WIJAYA", "KUSUMA"},
                new String[0],
                new String[0],
                0);
    }

    private static String[] merge(String[] national, String... regional) {
        List<String> names = new ArrayList<>(Arrays.asList(regional));
        // the regional list weighs as much as the national one
        for (int i = 0; i < Math.max(1, national.length / Math.max(1, regional.length)); i++) {
            names.addAll(Arrays.asList(regional));
        }
        names.addAll(Arrays.asList(national));
        return names.toArray(String[]::new);
    }
}
