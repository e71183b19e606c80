package id.satupintu.pipeline.linkage;

/**
 * Match-probability bands: at or above {@code match} a pair is the same person, at or above
 * {@code review} it goes to a person for review, below it is two people. In clustering, two
 * groups of records are joined through one pair only when that pair reaches {@code strongLink};
 * weaker single links between groups are not followed (the chaining guard).
 */
public record Thresholds(double match, double review, double strongLink) {
    public static final Thresholds DEFAULT = new Thresholds(0.9, 0.5, 0.99);

    public Thresholds {
        if (!(review > 0 && review <= match && match <= strongLink && strongLink <= 1)) {
            throw new IllegalArgumentException(
                    "thresholds must satisfy 0 < review <= match <= strong_link <= 1: review " + review + ", match "
                            + match + ", strong_link " + strongLink);
        }
    }
}
