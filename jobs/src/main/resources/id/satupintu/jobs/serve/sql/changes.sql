-- Grain: one row per kecamatan x program of the month ($1), programs in $2, the kecamatan $3 (empty: every
-- kecamatan): recipients against the calendar month before (null where the program had no roster then).
SELECT kode_kecamatan AS kode_wilayah,
       nama_kecamatan AS nama,
       program_code,
       previous_period,
       previous_recipients,
       added,
       exited,
       moved_in,
       moved_out,
       recipients
FROM mart_changes_kecamatan
WHERE period = $1
  AND ($2 = '' OR list_contains(string_split($2, ','), program_code))
  AND ($3 = '' OR kode_kecamatan = $3)
ORDER BY kode_wilayah, program_code
