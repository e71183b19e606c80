package id.satupintu.pipeline.linkage;

/**
 * How many record pairs share one combination of comparison levels (-1 where a value is
 * missing). EM works on these counts, never on the pairs themselves: a few thousand patterns
 * stand for millions of pairs.
 */
public record AgreementPattern(int[] levels, long pairs) {
    public AgreementPattern {
        levels = levels.clone();
        if (pairs < 0) {
            throw new IllegalArgumentException("pairs must not be negative: " + pairs);
        }
    }

    @Override
    public int[] levels() {
        return levels.clone();
    }

    int level(int comparison) {
        return levels[comparison];
    }
}
