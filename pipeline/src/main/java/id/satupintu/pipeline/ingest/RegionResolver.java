package id.satupintu.pipeline.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import id.satupintu.schemas.wilayah.BpsBridge;
import id.satupintu.schemas.wilayah.Wilayah;
import id.satupintu.schemas.wilayah.WilayahLevel;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds the Kemendagri desa/kelurahan code of a roster row however the roster writes the region: a
 * Kemendagri code (dotted or ten bare digits), four BPS code columns (bridged through
 * {@link BpsBridge}, lost leading zeros padded back), or desa and kecamatan names (matched on a
 * normalized key within the kecamatan, also under the 2022 decree's spellings).
 */
final class RegionResolver {
    static final String NAME_VARIANTS_RESOURCE =
            "/id/satupintu/schemas/reference/wilayah/name_variants_2022_vs_2025.csv";
    private static final Pattern NOT_KEY = Pattern.compile("[\\s\\-'`’.]");

    private final WilayahTable wilayah;
    private final Map<String, String> kemendagriKabupatenByBps = new HashMap<>();
    private final boolean[] knownKabupaten = new boolean[10_000];
    private final Map<String, BpsBridge> bridges = new ConcurrentHashMap<>();
    /** kabupaten code → kecamatan name key → kecamatan codes (current and 2022 spellings). */
    private final Map<String, Map<String, List<String>>> kecamatanByName = new HashMap<>();
    /** kecamatan name key → kecamatan codes, nationwide, for files that do not say their kabupaten. */
    private final Map<String, List<String>> kecamatanNationwide = new HashMap<>();
    /** kecamatan code → desa name key → match. */
    private final Map<String, Map<String, NameMatch>> desaByName = new HashMap<>();

    RegionResolver(WilayahTable wilayah) {
        this.wilayah = requireNonNull(wilayah, "wilayah is null");
        Map<String, String> outdatedNames = outdatedNames();
        for (Wilayah region : wilayah.all()) {
            if (region.level().isRegency()) {
                knownKabupaten[Integer.parseInt(region.code().replace(".", ""))] = true;
                kemendagriKabupatenByBps.put(BpsBridge.bpsKabupaten(region.code()), region.code());
            } else if (region.level() == WilayahLevel.KECAMATAN) {
                String kabupaten = region.parentCode().orElseThrow();
                for (String name : names(region, outdatedNames)) {
                    kecamatanByName
                            .computeIfAbsent(kabupaten, key -> new HashMap<>())
                            .computeIfAbsent(nameKey(name), key -> new ArrayList<>(1))
                            .add(region.code());
                    kecamatanNationwide
                            .computeIfAbsent(nameKey(name), key -> new ArrayList<>(1))
                            .add(region.code());
                }
            } else if (region.level().isVillage()) {
                Map<String, NameMatch> villages =
                        desaByName.computeIfAbsent(region.parentCode().orElseThrow(), key -> new HashMap<>());
                villages.putIfAbsent(nameKey(region.name()), new NameMatch(region.code(), false));
                String outdated = outdatedNames.get(region.code());
                if (outdated != null) {
                    villages.putIfAbsent(nameKey(outdated), new NameMatch(region.code(), true));
                }
            }
        }
    }

    /** A desa code found by name, and whether the name was an outdated (2022) spelling. */
    record NameMatch(String code, boolean outdated) {}

    /** The code when the text is a known desa/kelurahan code, dotted or as ten digits. */
    Optional<String> kemendagri(String text) {
        String code = RosterValues.kodeDesa(text);
        if (code == null) {
            return Optional.empty();
        }
        return wilayah.find(code).filter(region -> region.level().isVillage()).map(Wilayah::code);
    }

    /** The Kemendagri code of a desa written as four BPS code columns, padded to 2, 2, 3 and 3 digits. */
    Optional<String> bps(String provinsi, String kabupaten, String kecamatan, String desa) {
        String bpsKabupaten = pad(provinsi, 2) + pad(kabupaten, 2);
        String bpsDesa = bpsKabupaten + pad(kecamatan, 3) + pad(desa, 3);
        if (!bpsDesa.chars().allMatch(Character::isDigit) || bpsDesa.length() != 10) {
            return Optional.empty();
        }
        String kemendagriKabupaten = kemendagriKabupatenByBps.get(bpsKabupaten);
        if (kemendagriKabupaten == null) {
            return Optional.empty();
        }
        return bridges.computeIfAbsent(kemendagriKabupaten, code -> BpsBridge.forKabupaten(wilayah, code))
                .kemendagriCode(bpsDesa);
    }

    /**
     * The desa code of a desa and kecamatan written as names, within the kabupaten when the file
     * says which (else the kecamatan name must be unique nationwide).
     */
    Optional<NameMatch> byNames(String desaName, String kecamatanName, String kabupatenCode) {
        if (desaName == null || kecamatanName == null) {
            return Optional.empty();
        }
        List<String> kecamatan = kabupatenCode == null
                ? kecamatanNationwide.getOrDefault(nameKey(kecamatanName), List.of())
                : kecamatanByName.getOrDefault(kabupatenCode, Map.of()).getOrDefault(nameKey(kecamatanName), List.of());
        if (kecamatan.size() != 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                desaByName.getOrDefault(kecamatan.get(0), Map.of()).get(nameKey(desaName)));
    }

    /**
     * The desa code of a desa written by name alone, when one desa of the kabupaten has that name
     * (also under its 2022 spelling); empty when none or several do.
     */
    Optional<NameMatch> byDesaName(String desaName, String kabupatenCode) {
        if (desaName == null || kabupatenCode == null) {
            return Optional.empty();
        }
        String key = nameKey(desaName);
        java.util.Set<NameMatch> found = new java.util.HashSet<>();
        kecamatanByName.getOrDefault(kabupatenCode, Map.of()).values().stream()
                .flatMap(List::stream)
                .distinct()
                .map(kecamatan -> desaByName.getOrDefault(kecamatan, Map.of()).get(key))
                .filter(java.util.Objects::nonNull)
                .forEach(found::add);
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    /** Whether the first four digits of a (16-digit) NIK name a kab/kota the national table knows. */
    boolean isKnownKabupaten(String nik) {
        return knownKabupaten[Integer.parseInt(nik, 0, 4, 10)];
    }

    /** The match key of a region name: upper case without spaces, hyphens, apostrophes and dots. */
    static String nameKey(String name) {
        return NOT_KEY.matcher(name.strip().toUpperCase(Locale.ROOT)).replaceAll("");
    }

    private static List<String> names(Wilayah region, Map<String, String> outdatedNames) {
        String outdated = outdatedNames.get(region.code());
        return outdated == null ? List.of(region.name()) : List.of(region.name(), outdated);
    }

    private static String pad(String value, int width) {
        String text = value == null ? "" : value.strip();
        return text.length() >= width ? text : "0".repeat(width - text.length()) + text;
    }

    private static Map<String, String> outdatedNames() {
        Map<String, String> names = new HashMap<>();
        try (InputStream stream = RegionResolver.class.getResourceAsStream(NAME_VARIANTS_RESOURCE)) {
            if (stream == null) {
                throw new IllegalStateException("Missing " + NAME_VARIANTS_RESOURCE);
            }
            try (CsvReader<NamedCsvRecord> reader =
                    CsvReader.builder().ofNamedCsvRecord(new InputStreamReader(stream, UTF_8))) {
                for (NamedCsvRecord row : reader) {
                    names.put(row.getField("code"), row.getField("name_kepmendagri_2022"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
