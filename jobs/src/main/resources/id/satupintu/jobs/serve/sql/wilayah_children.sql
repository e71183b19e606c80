-- Grain: one row per wilayah directly under $1 (the kecamatans of a kabupaten, the desa/kelurahan of a kecamatan).
SELECT kode_wilayah, nama, level
FROM wilayah
WHERE parent_kode = $1
ORDER BY kode_wilayah
