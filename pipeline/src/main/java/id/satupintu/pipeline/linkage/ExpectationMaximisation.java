package id.satupintu.pipeline.linkage;

import java.util.List;

/**
 * Estimates m probabilities and the match share lambda from unlabelled agreement patterns by
 * expectation–maximisation, with the u probabilities held fixed (they come from random pairs,
 * which are almost all non-matches). Comparisons marked inactive (those a blocking rule made
 * agree) are left out of the likelihood and keep their m.
 */
public final class ExpectationMaximisation {
    public static final int MAX_ITERATIONS = 200;
    public static final double CONVERGENCE = 1e-7;

    /**
     * The starting m counts as this many pairs of evidence (a Dirichlet prior): with millions of
     * pairs it vanishes, with a handful it keeps a level never seen among them from an m of 0.
     */
    public static final double PRIOR_PAIRS = 1.0;

    private ExpectationMaximisation() {}

    /** The result and how many iterations it took. */
    public record Estimate(MatchParameters parameters, int iterations) {}

    public static Estimate estimate(List<AgreementPattern> patterns, MatchParameters start, boolean[] active) {
        double lambda = start.lambda();
        double[][] m = start.m();
        double[][] prior = start.m();
        double[][] u = start.u();
        int iterations = 0;
        while (iterations < MAX_ITERATIONS) {
            iterations++;
            double matchMass = 0;
            double totalMass = 0;
            double[][] levelMass = new double[m.length][];
            double[] comparisonMass = new double[m.length];
            for (int c = 0; c < m.length; c++) {
                levelMass[c] = new double[m[c].length];
            }
            for (AgreementPattern pattern : patterns) {
                double match = lambda;
                double nonMatch = 1 - lambda;
                for (int c = 0; c < m.length; c++) {
                    int level = pattern.level(c);
                    if (active[c] && level >= 0) {
                        match *= Math.max(m[c][level], MatchParameters.FLOOR);
                        nonMatch *= Math.max(u[c][level], MatchParameters.FLOOR);
                    }
                }
                double posterior = match / (match + nonMatch);
                double mass = posterior * pattern.pairs();
                matchMass += mass;
                totalMass += pattern.pairs();
                for (int c = 0; c < m.length; c++) {
                    int level = pattern.level(c);
                    if (level >= 0) {
                        levelMass[c][level] += mass;
                        comparisonMass[c] += mass;
                    }
                }
            }
            if (totalMass == 0) {
                break;
            }
            double change = 0;
            double nextLambda = clamp(matchMass / totalMass);
            change = Math.max(change, Math.abs(nextLambda - lambda));
            lambda = nextLambda;
            for (int c = 0; c < m.length; c++) {
                if (!active[c] || comparisonMass[c] == 0) {
                    continue;
                }
                for (int level = 0; level < m[c].length; level++) {
                    double next = clamp(
                            (levelMass[c][level] + PRIOR_PAIRS * prior[c][level]) / (comparisonMass[c] + PRIOR_PAIRS));
                    change = Math.max(change, Math.abs(next - m[c][level]));
                    m[c][level] = next;
                }
            }
            if (change < CONVERGENCE) {
                break;
            }
        }
        return new Estimate(new MatchParameters(lambda, m, u), iterations);
    }

    private static double clamp(double probability) {
        return Math.min(1 - MatchParameters.FLOOR, Math.max(MatchParameters.FLOOR, probability));
    }
}
