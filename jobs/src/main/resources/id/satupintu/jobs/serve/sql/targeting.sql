-- Grain: one row per kecamatan x program of the month ($1), programs in $2, the kecamatan $3 (empty: every
-- kecamatan): recipients, and those of them deceased or moved away before the month or declared well-off,
-- on an exclusion list (civil servants, car owners), or on BLT Dana Desa beside PKH/BPNT.
SELECT kode_kecamatan AS kode_wilayah,
       nama_kecamatan AS nama,
       program_code,
       recipients,
       deceased_enrolled,
       moved_enrolled,
       well_off_enrolled,
       civil_servant_enrolled,
       car_owner_enrolled,
       exclusive_programs_enrolled
FROM mart_targeting_kecamatan
WHERE period = $1
  AND ($2 = '' OR list_contains(string_split($2, ','), program_code))
  AND ($3 = '' OR kode_kecamatan = $3)
ORDER BY kode_wilayah, program_code
