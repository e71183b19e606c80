package id.satupintu.pipeline.generate;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * How often each fault is injected. {@code none} writes clean rosters, {@code default} the rates
 * of {@link FaultKind#defaultRate()} (a roster as a careful office sends it: about 6% of rows carry
 * some fault), {@code heavy} four times those (capped at 1).
 */
public record FaultRates(String level, Map<FaultKind, Double> rates) {
    public static final double HEAVY_FACTOR = 4.0;

    public FaultRates {
        requireNonNull(level, "level is null");
        EnumMap<FaultKind, Double> copy = new EnumMap<>(FaultKind.class);
        for (FaultKind kind : FaultKind.values()) {
            double rate = requireNonNull(rates, "rates is null").getOrDefault(kind, 0.0);
            if (!(rate >= 0.0 && rate <= 1.0)) {
                throw new IllegalArgumentException("Fault rate of " + kind + " must be between 0 and 1: " + rate);
            }
            copy.put(kind, rate);
        }
        double nikTotal = copy.entrySet().stream()
                .filter(entry -> entry.getKey().group() == FaultKind.Group.NIK)
                .mapToDouble(Map.Entry::getValue)
                .sum();
        if (nikTotal > 1.0) {
            throw new IllegalArgumentException("NIK fault rates add up to more than 1: " + nikTotal);
        }
        rates = Map.copyOf(copy);
    }

    public static FaultRates none() {
        return new FaultRates("none", Map.of());
    }

    public static FaultRates defaults() {
        return scaled("default", 1.0);
    }

    public static FaultRates heavy() {
        return scaled("heavy", HEAVY_FACTOR);
    }

    /** {@code none}, {@code default} or {@code heavy}. */
    public static FaultRates of(String level) {
        return switch (requireNonNull(level, "level is null").toLowerCase(Locale.ROOT)) {
            case "none" -> none();
            case "default" -> defaults();
            case "heavy" -> heavy();
            default -> throw new IllegalArgumentException("Unknown fault level: " + level);
        };
    }

    private static FaultRates scaled(String level, double factor) {
        Map<FaultKind, Double> rates = new EnumMap<>(FaultKind.class);
        for (FaultKind kind : FaultKind.values()) {
            rates.put(kind, Math.min(1.0, kind.defaultRate() * factor));
        }
        return new FaultRates(level, rates);
    }

    public double rate(FaultKind kind) {
        return rates.get(kind);
    }

    /** Every rate zero. */
    public boolean isNone() {
        return rates.values().stream().allMatch(rate -> rate == 0.0);
    }
}
