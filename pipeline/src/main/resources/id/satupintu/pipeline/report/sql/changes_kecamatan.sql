-- Grain: one row per program x kecamatan of the month ($1, YYYY-MM) with a recipient that month or the
-- month before: recipients = previous_recipients + added - exited + moved_in - moved_out.
SELECT program_code,
       kode_kecamatan,
       nama_kecamatan,
       previous_period,
       previous_recipients,
       added,
       exited,
       moved_in,
       moved_out,
       recipients
FROM mart_changes_kecamatan
WHERE period = $1
ORDER BY program_code, kode_kecamatan
