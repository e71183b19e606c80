package id.satupintu.pipeline.generate;

import static java.util.Objects.requireNonNull;

import id.satupintu.schemas.wilayah.Wilayah;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * What the synthetic roster generator simulates.
 *
 * @param kabupatenCode the dotted Kemendagri code of a kabupaten or kota ({@code 51.08})
 * @param firstPeriod the first roster month
 * @param months how many consecutive months to write
 * @param persons residents to simulate
 * @param seed the seed of every random draw; the same settings give byte-identical files
 * @param faults how often each fault is put into roster rows
 */
public record GeneratorSettings(
        String kabupatenCode, YearMonth firstPeriod, int months, int persons, long seed, FaultRates faults) {
    public static final int DEFAULT_PERSONS = 100_000;
    public static final long DEFAULT_SEED = 20261123L;
    public static final int MAX_MONTHS = 120;
    /** Keeps household numbers below 10^7, the serial width of the synthetic PLN customer id. */
    public static final int MAX_PERSONS = 10_000_000;

    private static final Pattern KABUPATEN_CODE = Pattern.compile("\\d{2}\\.\\d{2}");

    public GeneratorSettings {
        requireNonNull(kabupatenCode, "kabupatenCode is null");
        requireNonNull(firstPeriod, "firstPeriod is null");
        if (!KABUPATEN_CODE.matcher(kabupatenCode).matches()) {
            throw new IllegalArgumentException(
                    "kabupatenCode must be a dotted Kemendagri kabupaten/kota code like 51.08: " + kabupatenCode);
        }
        Wilayah kabupaten = WilayahTable.national()
                .find(kabupatenCode)
                .orElseThrow(() -> new IllegalArgumentException("Unknown kabupaten/kota code: " + kabupatenCode));
        if (!kabupaten.level().isRegency()) {
            throw new IllegalArgumentException("Not a kabupaten/kota: " + kabupatenCode);
        }
        if (WilayahTable.national().villagesUnder(kabupatenCode).isEmpty()) {
            throw new IllegalArgumentException("No desa/kelurahan under " + kabupatenCode);
        }
        if (firstPeriod.getYear() < 2000 || firstPeriod.getYear() > 2099) {
            throw new IllegalArgumentException("firstPeriod must lie in 2000-2099: " + firstPeriod);
        }
        if (months < 1 || months > MAX_MONTHS) {
            throw new IllegalArgumentException("months must be between 1 and " + MAX_MONTHS + ": " + months);
        }
        if (persons < 1 || persons > MAX_PERSONS) {
            throw new IllegalArgumentException("persons must be between 1 and " + MAX_PERSONS + ": " + persons);
        }
        requireNonNull(faults, "faults is null");
    }

    /**
     * The kabupaten at full scale (its Dukcapil population where the reference data has it, else
     * {@value #DEFAULT_PERSONS}), one month, the default seed and the default fault rates.
     */
    public static GeneratorSettings defaults(String kabupatenCode, YearMonth firstPeriod) {
        requireNonNull(kabupatenCode, "kabupatenCode is null");
        long population = WilayahTable.national().population(kabupatenCode).orElse(DEFAULT_PERSONS);
        return new GeneratorSettings(
                kabupatenCode,
                firstPeriod,
                1,
                (int) Math.min(population, MAX_PERSONS),
                DEFAULT_SEED,
                FaultRates.defaults());
    }

    /** The last simulated month. */
    public YearMonth lastPeriod() {
        return firstPeriod.plusMonths(months - 1L);
    }

    public GeneratorSettings withMonths(int months) {
        return new GeneratorSettings(kabupatenCode, firstPeriod, months, persons, seed, faults);
    }

    public GeneratorSettings withPersons(int persons) {
        return new GeneratorSettings(kabupatenCode, firstPeriod, months, persons, seed, faults);
    }

    public GeneratorSettings withSeed(long seed) {
        return new GeneratorSettings(kabupatenCode, firstPeriod, months, persons, seed, faults);
    }

    public GeneratorSettings withFaults(FaultRates faults) {
        return new GeneratorSettings(kabupatenCode, firstPeriod, months, persons, seed, faults);
    }
}
