-- Grain: one row per program x sex x age band of the desa $3 in the month ($1), programs in $2.
SELECT kode_desa AS kode_wilayah,
       nama_desa AS nama,
       program_code,
       sex,
       age_band,
       recipients,
       benefit_rupiah
FROM mart_recipients_desa
WHERE period = $1
  AND ($2 = '' OR list_contains(string_split($2, ','), program_code))
  AND kode_desa = $3
ORDER BY program_code, sex, age_band
