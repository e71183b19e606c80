package id.satupintu.schemas.wilayah;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One Kemendagri region: a province, kabupaten/kota, kecamatan or desa/kelurahan.
 *
 * @param code the dotted Kemendagri code as text ({@code 51.08.01.2001}); never a number
 * @param parentCode the code of the region above, empty for a province
 */
public record Wilayah(String code, String name, WilayahLevel level, Optional<String> parentCode) {
    public Wilayah {
        requireNonNull(code, "code is null");
        requireNonNull(name, "name is null");
        requireNonNull(level, "level is null");
        requireNonNull(parentCode, "parentCode is null");
    }
}
