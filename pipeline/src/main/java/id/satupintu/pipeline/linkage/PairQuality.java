package id.satupintu.pipeline.linkage;

/**
 * Pairwise quality against ground truth: of {@code predicted} pairs, {@code correct} are true
 * matches; {@code truePairs} is every true pair, also those blocking never produced.
 */
public record PairQuality(long truePairs, long predicted, long correct) {
    public double precision() {
        return predicted == 0 ? 0 : (double) correct / predicted;
    }

    public double recall() {
        return truePairs == 0 ? 0 : (double) correct / truePairs;
    }

    public double f1() {
        double precision = precision();
        double recall = recall();
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
