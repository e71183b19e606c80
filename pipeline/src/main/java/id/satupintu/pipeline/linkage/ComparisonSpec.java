package id.satupintu.pipeline.linkage;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One comparison of a linkage spec: the column, how it is compared, the Jaro-Winkler thresholds
 * of its bands (the kind's defaults when empty), whether exact agreement on a common value
 * counts for less (term-frequency adjustment), for dates the format of the text, and whether the
 * comparison is required: a pair that disagrees on it outright (its lowest level) is a non-match
 * whatever else agrees, unless its exact ids are equal.
 */
public record ComparisonSpec(
        String column,
        ComparisonKind kind,
        List<Double> thresholds,
        boolean termFrequency,
        String dateFormat,
        boolean required) {
    public static final String DEFAULT_DATE_FORMAT = "%Y-%m-%d";

    public ComparisonSpec {
        LinkageSpec.checkIdentifier(column, "column");
        requireNonNull(kind, "kind is null");
        thresholds = List.copyOf(thresholds == null || thresholds.isEmpty() ? kind.defaultThresholds() : thresholds);
        if (thresholds.size() != kind.defaultThresholds().size()) {
            throw new IllegalArgumentException("comparison of " + column + " (" + kind.specName() + ") takes "
                    + kind.defaultThresholds().size() + " thresholds, not " + thresholds.size());
        }
        for (double threshold : thresholds) {
            if (!(threshold > 0 && threshold <= 1)) {
                throw new IllegalArgumentException(
                        "comparison of " + column + ": a threshold must be in (0, 1], not " + threshold);
            }
        }
        dateFormat = dateFormat == null ? DEFAULT_DATE_FORMAT : dateFormat;
    }

    public ComparisonSpec(
            String column, ComparisonKind kind, List<Double> thresholds, boolean termFrequency, String dateFormat) {
        this(column, kind, thresholds, termFrequency, dateFormat, false);
    }

    /** A comparison with the kind's default thresholds and term-frequency setting. */
    public static ComparisonSpec of(String column, ComparisonKind kind) {
        return new ComparisonSpec(column, kind, List.of(), kind.termFrequencyByDefault(), null);
    }

    /** The date comparison of a column written in {@code dateFormat} (strptime). */
    public static ComparisonSpec date(String column, String dateFormat) {
        return new ComparisonSpec(column, ComparisonKind.DATE, List.of(), false, dateFormat);
    }
}
