package id.satupintu.pipeline.name;

import static java.util.Objects.requireNonNull;

/**
 * One word of a personal name: as written (uppercase), its match key (spelling variants folded),
 * and how much it says about who the person is (1 for a personal name, less for markers shared
 * by many people).
 */
public record NameToken(String text, String key, double weight) {
    public NameToken {
        requireNonNull(text, "text is null");
        requireNonNull(key, "key is null");
        if (weight < 0 || weight > 1) {
            throw new IllegalArgumentException("weight must be between 0 and 1: " + weight);
        }
    }
}
