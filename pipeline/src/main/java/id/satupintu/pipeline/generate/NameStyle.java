package id.satupintu.pipeline.generate;

import java.util.SplittableRandom;

/** How the people of one region are named, as written on a KK: UPPERCASE. */
interface NameStyle {
    /**
     * A full name.
     *
     * @param birthOrder 1 for the first-born of their parents, 2 for the second, ...
     */
    String name(boolean female, int birthOrder, SplittableRandom random);

    /** The style of one family: in a region of several cultures a family keeps one of them. */
    default NameStyle forHousehold(SplittableRandom random) {
        return this;
    }

    /**
     * Balinese in Bali (51); Bugis/Luwu in Sulawesi Selatan (73); Malay, Dayak and
     * Chinese-Indonesian families in Kalimantan Barat (61); Sundanese in Jawa Barat (32); Javanese
     * elsewhere.
     */
    static NameStyle forProvince(String provinceCode) {
        return switch (provinceCode) {
            case "51" -> new BalineseNames();
            case "73" -> RegionalNames.bugis();
            case "61" ->
                new MixedNames(
                        new NameStyle[] {RegionalNames.malay(), RegionalNames.dayak(), RegionalNames.chinese()},
                        new int[] {55, 30, 15});
            case "32" -> RegionalNames.sundanese(NusantaraNames.fromReferenceList());
            default -> RegionalNames.javanese(NusantaraNames.fromReferenceList());
        };
    }

    /** Several cultures side by side; each family draws one by weight. */
    record MixedNames(NameStyle[] styles, int[] percent) implements NameStyle {
        @Override
        public String name(boolean female, int birthOrder, SplittableRandom random) {
            return forHousehold(random).name(female, birthOrder, random);
        }

        @Override
        public NameStyle forHousehold(SplittableRandom random) {
            int draw = random.nextInt(100);
            for (int i = 0; i < styles.length; i++) {
                draw -= percent[i];
                if (draw < 0) {
                    return styles[i];
                }
            }
            return styles[styles.length - 1];
        }
    }
}
