package id.satupintu.pipeline.linkage;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What a linkage run produced. The pairs and clusters themselves stay in the connection as tables
 * {@value LinkageEngine#SCORED_PAIR} and {@value LinkageEngine#PERSON_CLUSTER}.
 *
 * @param lambda the prior probability that two records drawn at random are the same person
 * @param scoringSeconds wall time of computing comparison levels and match weights of all pairs
 * @param scoringCpuSeconds CPU time of the process (all threads) over the same work; on a machine
 *     other processes load, pairs per CPU second is the steadier figure
 */
public record LinkageResult(
        long records,
        List<BlockingCount> blocking,
        long candidatePairs,
        MatchParameters parameters,
        double lambda,
        long matchPairs,
        long reviewPairs,
        long clusters,
        double scoringSeconds,
        double scoringCpuSeconds,
        Optional<LinkageQuality> quality) {
    public LinkageResult {
        blocking = List.copyOf(blocking);
        requireNonNull(parameters, "parameters is null");
        requireNonNull(quality, "quality is null");
    }

    public double pairsPerSecond() {
        return scoringSeconds == 0 ? 0 : candidatePairs / scoringSeconds;
    }

    public double pairsPerCpuSecond() {
        return scoringCpuSeconds == 0 ? 0 : candidatePairs / scoringCpuSeconds;
    }
}
