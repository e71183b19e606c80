-- Grain: the wilayah whose code is $1 (none when there is no such code).
SELECT kode_wilayah, nama, level, parent_kode
FROM wilayah
WHERE kode_wilayah = $1
