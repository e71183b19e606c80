package id.satupintu.schemas.wilayah;

import java.util.Locale;

public enum WilayahLevel {
    PROVINSI,
    KABUPATEN,
    KOTA,
    KECAMATAN,
    DESA,
    KELURAHAN;

    public static WilayahLevel parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    public boolean isVillage() {
        return this == DESA || this == KELURAHAN;
    }

    public boolean isRegency() {
        return this == KABUPATEN || this == KOTA;
    }

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
