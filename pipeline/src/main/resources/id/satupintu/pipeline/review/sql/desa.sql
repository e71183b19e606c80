-- Grain: one desa/kelurahan ($1, its Kemendagri code) with its kecamatan.
SELECT desa.kode_wilayah AS kode_desa, desa.nama AS nama_desa, kecamatan.kode_wilayah AS kode_kecamatan,
       kecamatan.nama AS nama_kecamatan
FROM wilayah AS desa
JOIN wilayah AS kecamatan ON kecamatan.kode_wilayah = desa.kode_kecamatan
WHERE desa.kode_wilayah = $1
