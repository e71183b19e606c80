-- Grain: one row per program x kecamatan of the month ($1, YYYY-MM): recipients to check.
SELECT program_code,
       kode_kecamatan,
       nama_kecamatan,
       recipients,
       deceased_enrolled,
       moved_enrolled,
       well_off_enrolled,
       civil_servant_enrolled,
       car_owner_enrolled,
       exclusive_programs_enrolled
FROM mart_targeting_kecamatan
WHERE period = $1
ORDER BY program_code, kode_kecamatan
