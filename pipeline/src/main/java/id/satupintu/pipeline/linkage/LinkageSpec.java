package id.satupintu.pipeline.linkage;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to link and how: the record id column, the comparisons with their levels, the blocking
 * rules in order (each leaving out pairs an earlier rule found), the probability bands, and the
 * limits that keep a run from exploding.
 *
 * @param uniqueId column that identifies a record in its source; shown in the output pairs
 * @param exactId column whose equal valid NIKs make a match before any probability is computed;
 *     null when the records carry none
 * @param maxCandidatePairs the run stops before comparing when blocking would produce more pairs
 * @param randomPairs how many random record pairs estimate the u probabilities
 * @param truth ground truth of a benchmark; null in production
 */
public record LinkageSpec(
        String uniqueId,
        LinkType linkType,
        String exactId,
        List<ComparisonSpec> comparisons,
        List<BlockingRule> blocking,
        Thresholds thresholds,
        long maxCandidatePairs,
        long randomPairs,
        Truth truth) {
    public static final long DEFAULT_MAX_CANDIDATE_PAIRS = 50_000_000L;
    public static final long DEFAULT_RANDOM_PAIRS = 1_000_000L;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public LinkageSpec {
        checkIdentifier(uniqueId, "unique_id");
        requireNonNull(linkType, "linkType is null");
        if (exactId != null) {
            checkIdentifier(exactId, "exact_id");
        }
        comparisons = List.copyOf(requireNonNull(comparisons, "comparisons is null"));
        blocking = List.copyOf(requireNonNull(blocking, "blocking is null"));
        requireNonNull(thresholds, "thresholds is null");
        if (comparisons.isEmpty()) {
            throw new IllegalArgumentException("a linkage spec needs at least one comparison");
        }
        if (blocking.isEmpty()) {
            throw new IllegalArgumentException("a linkage spec needs at least one blocking rule");
        }
        Set<String> compared = new LinkedHashSet<>();
        for (ComparisonSpec comparison : comparisons) {
            if (!compared.add(comparison.column())) {
                throw new IllegalArgumentException("column " + comparison.column() + " is compared twice");
            }
        }
        for (BlockingRule rule : blocking) {
            for (String key : rule.keys()) {
                if (key.strip().startsWith("name_key(")
                        && comparisons.stream()
                                .noneMatch(comparison -> comparison.kind() == ComparisonKind.INDONESIAN_NAME
                                        && comparison.column().equals(BlockingRule.column(key)))) {
                    throw new IllegalArgumentException(
                            "blocking key " + key + " needs an indonesian_name comparison of that column");
                }
            }
        }
        if (maxCandidatePairs < 1) {
            throw new IllegalArgumentException("max_candidate_pairs must be positive: " + maxCandidatePairs);
        }
        if (randomPairs < 1000) {
            throw new IllegalArgumentException("random_pairs must be at least 1000: " + randomPairs);
        }
    }

    public Optional<Truth> truthIfAny() {
        return Optional.ofNullable(truth);
    }

    /** Every column the linkage reads, each once: id, exact id, compared, blocked on, truth. */
    public List<String> columns() {
        Set<String> columns = new LinkedHashSet<>();
        columns.add(uniqueId);
        if (exactId != null) {
            columns.add(exactId);
        }
        comparisons.forEach(comparison -> columns.add(comparison.column()));
        blocking.forEach(rule -> columns.addAll(rule.columns()));
        if (truth != null) {
            columns.add(truth.column());
        }
        return List.copyOf(columns);
    }

    static void checkIdentifier(String name, String what) {
        requireNonNull(name, what + " is null");
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    what + " '" + name + "' must be a column name of letters, digits and underscores");
        }
    }
}
