package id.satupintu.pipeline.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectationMaximisationTest {
    private static final double[][] TRUE_M = {{0.05, 0.15, 0.8}, {0.1, 0.9}, {0.2, 0.1, 0.7}};
    private static final double[][] TRUE_U = {{0.9, 0.08, 0.02}, {0.7, 0.3}, {0.95, 0.04, 0.01}};
    private static final double TRUE_LAMBDA = 0.2;

    /** Every agreement pattern with exactly the count the model expects among a million pairs. */
    private static List<AgreementPattern> expectedPatterns(long pairs) {
        List<AgreementPattern> patterns = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 2; b++) {
                for (int c = 0; c < 3; c++) {
                    double match = TRUE_LAMBDA * TRUE_M[0][a] * TRUE_M[1][b] * TRUE_M[2][c];
                    double nonMatch = (1 - TRUE_LAMBDA) * TRUE_U[0][a] * TRUE_U[1][b] * TRUE_U[2][c];
                    patterns.add(new AgreementPattern(new int[] {a, b, c}, Math.round(pairs * (match + nonMatch))));
                }
            }
        }
        return patterns;
    }

    @Test
    void recoversKnownMAndLambdaFromUnlabelledPatternCounts() {
        double[][] start = {LinkageEngine.startingM(3), LinkageEngine.startingM(2), LinkageEngine.startingM(3)};

        ExpectationMaximisation.Estimate estimate = ExpectationMaximisation.estimate(
                expectedPatterns(1_000_000), new MatchParameters(0.3, start, TRUE_U), new boolean[] {true, true, true});

        // tolerance: 0.002 on every probability (counts are rounded to whole pairs)
        assertThat(estimate.parameters().lambda()).isCloseTo(TRUE_LAMBDA, within(0.002));
        for (int c = 0; c < TRUE_M.length; c++) {
            for (int level = 0; level < TRUE_M[c].length; level++) {
                assertThat(estimate.parameters().m(c, level))
                        .as("m of comparison %d level %d", c, level)
                        .isCloseTo(TRUE_M[c][level], within(0.002));
            }
        }
        assertThat(estimate.iterations()).isLessThan(ExpectationMaximisation.MAX_ITERATIONS);
    }

    @Test
    void leavesTheMOfAnInactiveComparisonAsItStarted() {
        double[][] start = {LinkageEngine.startingM(3), LinkageEngine.startingM(2), LinkageEngine.startingM(3)};

        ExpectationMaximisation.Estimate estimate = ExpectationMaximisation.estimate(
                expectedPatterns(1_000_000), new MatchParameters(0.3, start, TRUE_U), new boolean[] {true, false, true
                });

        assertThat(estimate.parameters().m()[1]).containsExactly(0.2, 0.8);
        assertThat(estimate.parameters().u()).isDeepEqualTo(TRUE_U);
    }

    @Test
    void givesAMissingValueNoWeight() {
        MatchParameters parameters = new MatchParameters(0.5, TRUE_M, TRUE_U);

        assertThat(parameters.weight(1, -1)).isEqualTo(0.0);
        assertThat(parameters.weight(1, 1)).isCloseTo(1.584963, within(1e-6));
    }

    @Test
    void startsWithMostMatchesAtTheBestLevel() {
        assertThat(LinkageEngine.startingM(2)).containsExactly(0.2, 0.8);
        assertThat(LinkageEngine.startingM(3)).containsExactly(1 / 21.0, 4 / 21.0, 16 / 21.0);
    }
}
