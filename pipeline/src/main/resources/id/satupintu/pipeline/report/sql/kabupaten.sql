-- Grain: one row per kabupaten/kota whose kecamatans have recipients in the warehouse.
WITH kecamatan_codes AS (
    SELECT DISTINCT kode_kecamatan
    FROM mart_recipients_kecamatan
)
SELECT DISTINCT kabupaten.kode_wilayah, kabupaten.nama
FROM kecamatan_codes
JOIN wilayah AS kecamatan ON kecamatan.kode_wilayah = kecamatan_codes.kode_kecamatan
JOIN wilayah AS kabupaten ON kabupaten.kode_wilayah = kecamatan.parent_kode
ORDER BY kabupaten.kode_wilayah
