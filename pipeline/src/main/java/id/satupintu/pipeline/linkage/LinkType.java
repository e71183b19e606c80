package id.satupintu.pipeline.linkage;

/** Which record pairs are compared when several sources are given. */
public enum LinkType {
    /** Every pair of records, whatever their source. */
    DEDUPE,
    /** Only pairs of records from different sources. */
    LINK_ONLY;

    static LinkType fromSpecName(String name) {
        return switch (name) {
            case "dedupe", "link_and_dedupe" -> DEDUPE;
            case "link_only" -> LINK_ONLY;
            default ->
                throw new IllegalArgumentException(
                        "unknown link_type '" + name + "'; known: dedupe, link_and_dedupe, link_only");
        };
    }
}
