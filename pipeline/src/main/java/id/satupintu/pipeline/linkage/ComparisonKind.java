package id.satupintu.pipeline.linkage;

import java.util.Arrays;
import java.util.List;

/**
 * How two values of a column are compared: the levels of agreement, best last. Level -1 means a
 * value is missing on either side and weighs nothing; level 0 is disagreement. Each kind's SQL is
 * a model file {@code comparisons/<kind>.sql} over the left ({@code l}) and right ({@code r})
 * record.
 */
public enum ComparisonKind {
    /** Equal or not: desa, KK, sex, postcode. */
    EXACT("exact", List.of("different", "exact"), List.of(), 1, false),
    /** Free text such as an address or an e-mail: Jaro-Winkler bands. */
    STRING(
            "string",
            List.of("different", "jaro_winkler_low", "jaro_winkler_high", "exact"),
            List.of(0.88, 0.7),
            3,
            true),
    /** A name part in Latin script: exact, one edit, Jaro-Winkler bands. */
    NAME(
            "name",
            List.of("different", "jaro_winkler_low", "jaro_winkler_high", "one_edit", "exact"),
            List.of(0.92, 0.8),
            4,
            true),
    /** An Indonesian name parsed by {@code id.satupintu.pipeline.name.IndonesianName}. */
    INDONESIAN_NAME(
            "indonesian_name",
            List.of(
                    "different",
                    "distinctive_jaro_winkler",
                    "key_jaro_winkler",
                    "distinctive_exact",
                    "match_key_exact",
                    "personal_name_exact"),
            List.of(0.92, 0.9),
            3,
            true),
    /** A birth date: exact, one typo, day and month swapped, same year. */
    DATE("date", List.of("different", "same_year", "day_month_swapped", "one_typo", "exact"), List.of(), 4, false),
    /**
     * A NIK: exact, Excel-damaged (equal on 15 digits, one ends in 0), one digit off or transposed,
     * or another NIK with the same birth date and sex (digits 7-12: a second registration elsewhere).
     */
    NIK(
            "nik",
            List.of("different", "same_birth_date_and_sex", "one_digit_off_or_transposed", "excel_damaged", "exact"),
            List.of(),
            4,
            false),
    /** A number written as text (postcode, street number, card number): exact or one edit. */
    CODE("code", List.of("different", "one_edit", "exact"), List.of(), 2, false);

    private final String specName;
    private final List<String> levelNames;
    private final List<Double> defaultThresholds;
    private final int termFrequencyFromLevel;
    private final boolean termFrequencyByDefault;

    ComparisonKind(
            String specName,
            List<String> levelNames,
            List<Double> defaultThresholds,
            int termFrequencyFromLevel,
            boolean termFrequencyByDefault) {
        this.specName = specName;
        this.levelNames = levelNames;
        this.defaultThresholds = defaultThresholds;
        this.termFrequencyFromLevel = termFrequencyFromLevel;
        this.termFrequencyByDefault = termFrequencyByDefault;
    }

    /** The name a spec file uses. */
    public String specName() {
        return specName;
    }

    public static ComparisonKind fromSpecName(String name) {
        for (ComparisonKind kind : values()) {
            if (kind.specName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown comparison kind '" + name + "'; known: "
                + Arrays.stream(values()).map(ComparisonKind::specName).toList());
    }

    /** Level names from 0 (different) to the best agreement. */
    public List<String> levelNames() {
        return levelNames;
    }

    public int levelCount() {
        return levelNames.size();
    }

    public List<Double> defaultThresholds() {
        return defaultThresholds;
    }

    /**
     * The lowest level at which both records carry the same term-frequency value, so that a
     * common value can count for less there.
     */
    public int termFrequencyFromLevel() {
        return termFrequencyFromLevel;
    }

    public boolean termFrequencyByDefault() {
        return termFrequencyByDefault;
    }

    public String resource() {
        return "comparisons/" + specName + ".sql";
    }
}
