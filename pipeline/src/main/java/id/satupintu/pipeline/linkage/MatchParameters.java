package id.satupintu.pipeline.linkage;

/**
 * Fellegi–Sunter parameters: per comparison and level the probability of that level among true
 * matches (m) and among non-matches (u), and the share of matches among the pairs considered
 * (lambda).
 */
public record MatchParameters(double lambda, double[][] m, double[][] u) {
    /** No probability is ever exactly 0 or 1: log weights stay finite. */
    static final double FLOOR = 1e-6;

    public MatchParameters {
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("lambda must be in (0, 1): " + lambda);
        }
        m = deepCopy(m);
        u = deepCopy(u);
    }

    @Override
    public double[][] m() {
        return deepCopy(m);
    }

    @Override
    public double[][] u() {
        return deepCopy(u);
    }

    double m(int comparison, int level) {
        return m[comparison][level];
    }

    double u(int comparison, int level) {
        return u[comparison][level];
    }

    /**
     * log2(m/u) of one level; 0 for a missing value (level -1). Levels are ordered from
     * disagreement to the best agreement, so a level never weighs less than a worse level of the
     * same comparison: a level the estimation saw too rarely (an m near 0 on little data) cannot
     * make closer agreement count against a match.
     */
    public double weight(int comparison, int level) {
        if (level < 0) {
            return 0;
        }
        double weight = Double.NEGATIVE_INFINITY;
        for (int worse = 0; worse <= level; worse++) {
            weight = Math.max(weight, rawWeight(comparison, worse));
        }
        return weight;
    }

    /** log2(m/u) of one level as estimated. */
    public double rawWeight(int comparison, int level) {
        return log2(Math.max(m[comparison][level], FLOOR) / Math.max(u[comparison][level], FLOOR));
    }

    static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }

    static double[][] deepCopy(double[][] values) {
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        return copy;
    }
}
