-- Grain: one row, the kabupaten/kota the warehouse holds (the parent of the kecamatans on its marts).
SELECT kabupaten.kode_wilayah, kabupaten.nama
FROM wilayah AS kabupaten
WHERE kabupaten.kode_wilayah IN (
    SELECT DISTINCT kecamatan.parent_kode
    FROM wilayah AS kecamatan
    JOIN (SELECT DISTINCT kode_kecamatan FROM mart_recipients_kecamatan) AS served
        ON served.kode_kecamatan = kecamatan.kode_wilayah
)
ORDER BY kabupaten.kode_wilayah
