-- Grain: one row per kecamatan x program of the month ($1, YYYY-MM), programs in $2 (comma-separated
-- codes; empty: all). Recipients are distinct persons, households distinct households.
SELECT kode_kecamatan AS kode_wilayah,
       nama_kecamatan AS nama,
       program_code,
       recipients,
       households,
       benefit_rupiah
FROM mart_recipients_kecamatan
WHERE period = $1
  AND ($2 = '' OR list_contains(string_split($2, ','), program_code))
ORDER BY kode_wilayah, program_code
