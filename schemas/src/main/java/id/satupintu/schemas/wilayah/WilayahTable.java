package id.satupintu.schemas.wilayah;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The national Kemendagri region table (Kepmendagri 300.2.2-2138/2025), with the Dukcapil
 * population of the regions that have it. Loaded from the reference data in this module; see
 * {@code reference/wilayah/SOURCE.md} for provenance and license.
 */
public final class WilayahTable {
    public static final String NATIONAL_RESOURCE = "/id/satupintu/schemas/reference/wilayah/wilayah_nasional.csv";
    public static final String POPULATION_RESOURCE = "/id/satupintu/schemas/reference/wilayah/penduduk_2024s2.csv";
    public static final String EDITION = "Kepmendagri 300.2.2-2138/2025";

    private static volatile WilayahTable national;

    private final Map<String, Wilayah> byCode;
    private final Map<String, List<Wilayah>> childrenByParent;
    private final Map<String, Long> populationByCode;

    private WilayahTable(List<Wilayah> regions, Map<String, Long> populationByCode) {
        Map<String, Wilayah> codes = new LinkedHashMap<>();
        Map<String, List<Wilayah>> children = new HashMap<>();
        for (Wilayah wilayah : regions) {
            codes.put(wilayah.code(), wilayah);
            wilayah.parentCode()
                    .ifPresent(parent -> children.computeIfAbsent(parent, key -> new ArrayList<>())
                            .add(wilayah));
        }
        this.byCode = Collections.unmodifiableMap(codes);
        this.childrenByParent = children;
        this.populationByCode = Map.copyOf(populationByCode);
    }

    /** The national table, read once per JVM. */
    public static WilayahTable national() {
        WilayahTable table = national;
        if (table == null) {
            synchronized (WilayahTable.class) {
                table = national;
                if (table == null) {
                    table = new WilayahTable(readRegions(NATIONAL_RESOURCE), readPopulation(POPULATION_RESOURCE));
                    national = table;
                }
            }
        }
        return table;
    }

    public Optional<Wilayah> find(String code) {
        return Optional.ofNullable(byCode.get(requireNonNull(code, "code is null")));
    }

    public Wilayah require(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("Unknown Kemendagri region code: " + code));
    }

    public boolean contains(String code) {
        return byCode.containsKey(code);
    }

    public List<Wilayah> children(String code) {
        return List.copyOf(childrenByParent.getOrDefault(code, List.of()));
    }

    /** All desa and kelurahan below a region, in code order. */
    public List<Wilayah> villagesUnder(String code) {
        List<Wilayah> villages = new ArrayList<>();
        collectVillages(code, villages);
        villages.sort((left, right) -> left.code().compareTo(right.code()));
        return villages;
    }

    private void collectVillages(String code, List<Wilayah> villages) {
        for (Wilayah child : childrenByParent.getOrDefault(code, List.of())) {
            if (child.level().isVillage()) {
                villages.add(child);
            } else {
                collectVillages(child.code(), villages);
            }
        }
    }

    /** Dukcapil population (semester II 2024) where the reference data has it. */
    public OptionalLong population(String code) {
        Long population = populationByCode.get(code);
        return population == null ? OptionalLong.empty() : OptionalLong.of(population);
    }

    public int size() {
        return byCode.size();
    }

    public Iterable<Wilayah> all() {
        return byCode.values();
    }

    private static List<Wilayah> readRegions(String resource) {
        List<Wilayah> regions = new ArrayList<>(92_000);
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(open(resource))) {
            for (NamedCsvRecord row : reader) {
                String parent = row.getField("parent_code");
                regions.add(new Wilayah(
                        row.getField("code"),
                        row.getField("name"),
                        WilayahLevel.parse(row.getField("level")),
                        parent.isEmpty() ? Optional.empty() : Optional.of(parent)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference data " + resource, e);
        }
        return regions;
    }

    private static Map<String, Long> readPopulation(String resource) {
        Map<String, Long> population = new HashMap<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(open(resource))) {
            for (NamedCsvRecord row : reader) {
                population.put(row.getField("code"), Long.parseLong(row.getField("total")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference data " + resource, e);
        }
        return population;
    }

    private static InputStreamReader open(String resource) {
        InputStream stream = WilayahTable.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("Reference data missing from the classpath: " + resource);
        }
        return new InputStreamReader(stream, StandardCharsets.UTF_8);
    }
}
