package id.satupintu.pipeline.linkage;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Where the ground truth of a benchmark is: records with the same value of {@code column} (or of
 * the first group of {@code pattern} in it) are the same entity.
 */
public record Truth(String column, String pattern) {
    public Truth {
        LinkageSpec.checkIdentifier(column, "truth column");
        if (pattern != null) {
            try {
                if (Pattern.compile(pattern).matcher("").groupCount() < 1) {
                    throw new IllegalArgumentException("truth pattern needs a group: " + pattern);
                }
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("truth pattern is not a regular expression: " + pattern, e);
            }
        }
    }
}
