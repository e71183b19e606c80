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

    /** Balinese names in Bali (province 51), faker-list Javanese/Sundanese names elsewhere. */
    static NameStyle forProvince(String provinceCode) {
        return "51".equals(provinceCode) ? new BalineseNames() : NusantaraNames.fromReferenceList();
    }
}
