package id.satupintu.pipeline.name;

import java.util.Map;
import java.util.Set;

/**
 * The token lists behind Indonesian name parsing (DOMAIN.md §7): titles written before and after
 * a name, spelling variants folded into one token, and tokens that say little about who a person
 * is. Titles and variants are compared after dots are removed ("S.PD" is "SPD").
 */
final class NameTokens {
    private NameTokens() {}

    /** Religious, academic and noble titles written before a name. */
    static final Set<String> FRONT_TITLES = Set.of(
            "H",
            "HJ",
            "HAJI",
            "HAJJAH",
            "KH",
            "KYAI",
            "USTADZ",
            "USTAD",
            "UST",
            "USTADZAH",
            "DRS",
            "DRA",
            "IR",
            "DR",
            "DRG",
            "PROF",
            "R",
            "RA",
            "RM",
            "RR",
            "NY",
            "NYONYA",
            "TGK",
            "TEUKU",
            "CUT",
            "DT",
            "DATUK",
            "TN",
            "SDR",
            "SDRI",
            "BPK",
            "BAPAK",
            "IBU");

    /** Academic degrees written after a name, usually after a comma. */
    static final Set<String> BACK_TITLES = Set.of(
            "SPD", "SPDI", "SE", "SH", "ST", "SKOM", "SSOS", "SAG", "SIP", "SKM", "SKEP", "SKED", "SSI", "SPSI", "SHI",
            "SSY", "STP", "SP", "SPT", "SKG", "SFARM", "SSTP", "SIKOM", "SHUT", "SPDSD", "AMD", "AMA", "AMK", "AMKEB",
            "AMKEP", "AMPD", "MPD", "MM", "MSI", "MAG", "MH", "MKES", "MT", "MKOM", "MSC", "MA", "MBA", "MPDI", "MHUM",
            "MAP", "PHD", "SPOG", "SPA", "SPB");

    /** The Muhammad family (DOMAIN.md §7.3): every spelling and abbreviation becomes one token. */
    static final String MUHAMMAD = "MUHAMAD";

    static final Set<String> MUHAMMAD_FAMILY = Set.of(
            "MUHAMMAD",
            "MUHAMAD",
            "MUHAMMED",
            "MUHAMED",
            "MOHAMMAD",
            "MOHAMAD",
            "MOHAMMED",
            "MOHAMED",
            "MOCHAMMAD",
            "MOCHAMAD",
            "MOCHAMED",
            "MOKHAMAD",
            "MOKHAMMAD",
            "MUHAMMAT",
            "MUHAMAT",
            "MUCHAMAD",
            "MUCHAMMAD",
            "MUKHAMAD",
            "MUKHAMMAD",
            "MOCH",
            "MOH",
            "MOHD",
            "MUH",
            "MUHD",
            "MHD",
            "MHMD",
            "MUHAM",
            "M");

    /** Whole-token variants the letter rules do not reach; applied before the letter rules. */
    static final Map<String, String> TOKEN_VARIANTS = Map.ofEntries(
            Map.entry("ABD", "ABDUL"),
            Map.entry("ABDOEL", "ABDUL"),
            Map.entry("NOOR", "NUR"),
            Map.entry("NURUL", "NUR"),
            Map.entry("TOPIK", "TAUFIK"),
            Map.entry("TOFIK", "TAUFIK"),
            Map.entry("ROMADHON", "RAMADAN"),
            Map.entry("ROMADON", "RAMADAN"),
            Map.entry("SITTI", "SITI"));

    /**
     * Tokens that tell little apart in Bali (DOMAIN.md §7.4): gender markers, birth-order names,
     * caste titles, and their common typed abbreviations. In a Balinese desa most people carry
     * several of them; the personal name at the end is what distinguishes.
     */
    static final Set<String> BALINESE_MARKERS = Set.of(
            "I",
            "NI",
            "LUH",
            "WAYAN",
            "WYN",
            "PUTU",
            "PT",
            "PTU",
            "GEDE",
            "GDE",
            "MADE",
            "MD",
            "KADEK",
            "KDK",
            "NENGAH",
            "NYOMAN",
            "NYM",
            "KOMANG",
            "KMG",
            "KETUT",
            "KT",
            "IDA",
            "BAGUS",
            "IB",
            "AYU",
            "IA",
            "GUSTI",
            "GST",
            "NGURAH",
            "ANAK",
            "AGUNG",
            "AA",
            "COKORDA",
            "TJOKORDA",
            "COK",
            "TJOK",
            "DEWA",
            "DESAK",
            "ISTRI",
            "PANDE",
            "JERO",
            "MAN",
            "MANG",
            "TUT");

    /** Words that join names rather than name anyone. */
    static final Set<String> CONNECTORS = Set.of("BIN", "BINTI", "BT", "BN", "ALIAS", "ALS");

    /** The weight of a Balinese marker token relative to a personal-name token (1). */
    static final double MARKER_WEIGHT = 0.1;

    /** The weight of the Muhammad family and other very common Muslim first tokens. */
    static final double COMMON_WEIGHT = 0.3;

    static final Set<String> COMMON_TOKENS = Set.of(MUHAMMAD, "AHMAD", "ABDUL", "SITI", "NUR");
}
