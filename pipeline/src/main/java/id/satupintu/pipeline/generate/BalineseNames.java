package id.satupintu.pipeline.generate;

import java.util.SplittableRandom;

/**
 * Balinese names of the jaba (Sudra) majority: {@code I}/{@code NI}, a birth-order name, one or two
 * personal names (DOMAIN.md §7.4). The personal names are invented for synthetic data.
 */
final class BalineseNames implements NameStyle {
    private static final String[][] MALE_BIRTH_ORDER = {
        {"WAYAN", "PUTU", "GEDE"}, {"MADE", "KADEK", "NENGAH"}, {"NYOMAN", "KOMANG"}, {"KETUT"}
    };
    private static final String[][] FEMALE_BIRTH_ORDER = {
        {"WAYAN", "PUTU", "LUH"}, {"MADE", "KADEK", "NENGAH"}, {"NYOMAN", "KOMANG"}, {"KETUT"}
    };
    private static final String[] MALE_NAMES = {
        "ARTAWAN", "SUDIARTA", "SUARDANA", "ARIMBAWA", "WIRAWAN", "SUARTIKA", "ADNYANA", "MERTAYASA",
        "PARWATA", "SUTAMA", "SUDARMA", "WIDIANA", "ASTAWA", "KARIASA", "SUKADANA", "DARMAWAN",
        "SUJANA", "ARSANA", "SUARJANA", "SUMERTA", "PURNAMA", "SUWITRA", "YASA", "ARDANA",
        "SANTIKA", "MUDITA", "SEDANA", "WARDANA", "SURYAWAN", "ANTARA", "BUDIASA", "SUPARTA"
    };
    private static final String[] FEMALE_NAMES = {
        "ASTITI", "SRIANI", "SUARNI", "SUKERTI", "ARIANI", "WIDIASTUTI", "SUMARNI", "PUSPAWATI",
        "SUARTINI", "ARTINI", "SUDIARI", "SUASTINI", "WIDIANTARI", "MERTASARI", "DARMAYANTI", "KARIANI",
        "SUSANTI", "SETIAWATI", "SUPARMI", "PARWATI", "ASTUTI", "SUWENI", "SURYANI", "MURNIATI",
        "SRIYANTI", "ARIASIH", "ARSINI", "YASTINI", "SUKARMI", "DEWI", "RATNASARI", "WIDYANI"
    };
    private static final String[] MALE_SECOND_NAMES = {"ARI", "ADI", "EKA", "DWI", "TRI", "AGUS", "BAGUS"};
    private static final String[] FEMALE_SECOND_NAMES = {"ARI", "EKA", "DWI", "TRI", "AYU", "SRI", "DIAH"};

    @Override
    public String name(boolean female, int birthOrder, SplittableRandom random) {
        if (birthOrder < 1) {
            throw new IllegalArgumentException("birthOrder starts at 1: " + birthOrder);
        }
        String[] orderNames = (female ? FEMALE_BIRTH_ORDER : MALE_BIRTH_ORDER)[(birthOrder - 1) % 4];
        String[] personalNames = female ? FEMALE_NAMES : MALE_NAMES;
        StringBuilder name = new StringBuilder(32);
        name.append(female ? "NI " : "I ").append(orderNames[random.nextInt(orderNames.length)]);
        if (random.nextInt(5) == 0) {
            String[] secondNames = female ? FEMALE_SECOND_NAMES : MALE_SECOND_NAMES;
            name.append(' ').append(secondNames[random.nextInt(secondNames.length)]);
        }
        name.append(' ').append(personalNames[random.nextInt(personalNames.length)]);
        return name.toString();
    }

    /** The birth-order names a first, second, third or fourth child may carry. */
    static String[] birthOrderNames(boolean female, int birthOrder) {
        return (female ? FEMALE_BIRTH_ORDER : MALE_BIRTH_ORDER)[(birthOrder - 1) % 4].clone();
    }
}
