package id.satupintu.schemas.wilayah;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bridge between BPS region codes ({@code PPKKCCCDDD}: kecamatan 3 digits, desa 3 digits) and
 * Kemendagri codes ({@code PP.KK.CC.DDDD}) for the desa and kelurahan of one kabupaten/kota.
 *
 * <p>Kabupaten-level codes follow the official bridge where DOMAIN.md §2.2 records that they
 * differ (seven kabupaten of Kalimantan Barat); elsewhere BPS and Kemendagri agree at that level.
 * Below it the official bridge (sig.bps.go.id) carries no open license and is not copied here, so
 * this class derives a <b>synthetic stand-in</b> with the real shape: kecamatan {@code CC × 10}
 * (BPS numbers kecamatan 010, 020, …) and desa {@code 001, 002, …} in Kemendagri code order within
 * the kecamatan. The generator writes these codes into rosters that use the BPS system and ingest
 * maps them back; a deployment swaps in the official table for the same interface.
 */
public final class BpsBridge {
    /** Kemendagri kab/kota code to its BPS code where the two differ (Kalimantan Barat). */
    private static final Map<String, String> KABUPATEN_DIFFERENCES = Map.of(
            "61.07", "6102",
            "61.08", "6103",
            "61.02", "6104",
            "61.03", "6105",
            "61.04", "6106",
            "61.05", "6107",
            "61.06", "6108");

    private final Map<String, String> bpsByKemendagri = new HashMap<>();
    private final Map<String, String> kemendagriByBps = new HashMap<>();

    private BpsBridge(WilayahTable table, String kabupatenCode) {
        String bpsKabupaten = bpsKabupaten(kabupatenCode);
        for (Wilayah kecamatan : table.children(kabupatenCode)) {
            if (kecamatan.level() != WilayahLevel.KECAMATAN) {
                continue;
            }
            int kecamatanDigits = Integer.parseInt(kecamatan.code().substring(6, 8));
            String bpsKecamatan = bpsKabupaten + String.format("%03d", kecamatanDigits * 10);
            List<Wilayah> villages = table.villagesUnder(kecamatan.code());
            for (int i = 0; i < villages.size(); i++) {
                String bps = bpsKecamatan + String.format("%03d", i + 1);
                bpsByKemendagri.put(villages.get(i).code(), bps);
                kemendagriByBps.put(bps, villages.get(i).code());
            }
        }
    }

    /** The bridge for the desa/kelurahan of one kabupaten/kota ({@code 61.07}). */
    public static BpsBridge forKabupaten(WilayahTable table, String kabupatenCode) {
        requireNonNull(table, "table is null");
        requireNonNull(kabupatenCode, "kabupatenCode is null");
        if (!table.require(kabupatenCode).level().isRegency()) {
            throw new IllegalArgumentException("Not a kabupaten/kota: " + kabupatenCode);
        }
        return new BpsBridge(table, kabupatenCode);
    }

    /** The 4-digit BPS code of a Kemendagri kab/kota code ({@code 61.07} is {@code 6102}). */
    public static String bpsKabupaten(String kabupatenCode) {
        return KABUPATEN_DIFFERENCES.getOrDefault(kabupatenCode, kabupatenCode.replace(".", ""));
    }

    /** The 10-digit BPS code of a Kemendagri desa/kelurahan code of this kabupaten. */
    public Optional<String> bpsCode(String kemendagriVillageCode) {
        return Optional.ofNullable(bpsByKemendagri.get(kemendagriVillageCode));
    }

    /** The Kemendagri desa/kelurahan code of a 10-digit BPS code of this kabupaten. */
    public Optional<String> kemendagriCode(String bpsVillageCode) {
        return Optional.ofNullable(kemendagriByBps.get(bpsVillageCode));
    }

    public int size() {
        return bpsByKemendagri.size();
    }
}
