package id.satupintu.pipeline.linkage;

import static java.util.Objects.requireNonNull;

/**
 * What one blocking rule did: its bound counted before any pair was made (pairs equal on the
 * keys, earlier rules not yet taken out) and the candidate pairs it added.
 */
public record BlockingCount(String rule, long upperBound, long pairs) {
    public BlockingCount {
        requireNonNull(rule, "rule is null");
    }
}
