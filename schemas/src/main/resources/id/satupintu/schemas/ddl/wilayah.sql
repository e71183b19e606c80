-- Grain: one row per Kemendagri region (provinsi, kabupaten/kota, kecamatan, desa/kelurahan).
CREATE TABLE wilayah (
    kode_wilayah VARCHAR NOT NULL,
    nama VARCHAR NOT NULL,
    level VARCHAR NOT NULL,
    parent_kode VARCHAR,
    kode_provinsi VARCHAR NOT NULL,
    kode_kabupaten VARCHAR,
    kode_kecamatan VARCHAR,
    edition VARCHAR NOT NULL
);
COMMENT ON TABLE wilayah IS 'Kemendagri region codes with their hierarchy (national table).';
COMMENT ON COLUMN wilayah.kode_wilayah IS 'Dotted Kemendagri code as text: PP, PP.KK, PP.KK.CC or PP.KK.CC.DDDD.';
COMMENT ON COLUMN wilayah.nama IS 'Name as written in the decree data.';
COMMENT ON COLUMN wilayah.level IS 'provinsi, kabupaten, kota, kecamatan, desa or kelurahan.';
COMMENT ON COLUMN wilayah.parent_kode IS 'Code of the region one level up; null for a province.';
COMMENT ON COLUMN wilayah.kode_provinsi IS 'Province code (PP).';
COMMENT ON COLUMN wilayah.kode_kabupaten IS 'Kabupaten/kota code (PP.KK); null for a province.';
COMMENT ON COLUMN wilayah.kode_kecamatan IS 'Kecamatan code (PP.KK.CC); null above kecamatan level.';
COMMENT ON COLUMN wilayah.edition IS 'Decree the codes and names come from.';
