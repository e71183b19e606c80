package id.satupintu.pipeline.linkage;

import static java.util.Objects.requireNonNull;

/**
 * How a run did against ground truth: the pairs scored as matches, the pairs implied by the
 * clusters (every two records in one cluster), and the share of true pairs blocking produced.
 */
public record LinkageQuality(PairQuality matchedPairs, PairQuality clusterPairs, PairQuality blocking) {
    public LinkageQuality {
        requireNonNull(matchedPairs, "matchedPairs is null");
        requireNonNull(clusterPairs, "clusterPairs is null");
        requireNonNull(blocking, "blocking is null");
    }
}
