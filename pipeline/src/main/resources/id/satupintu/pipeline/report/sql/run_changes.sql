-- Grain: one row per program x kecamatan of the month ($1, YYYY-MM) against the month before, with
-- whether the change is an outlier: more than $2 persons and more than $3 (a fraction) of the month
-- before. No comparison (previous_recipients null) is never an outlier.
SELECT program_code,
       kode_kecamatan,
       nama_kecamatan,
       previous_recipients,
       recipients,
       added,
       exited,
       moved_in,
       moved_out,
       recipients - previous_recipients AS change,
       coalesce(
           previous_recipients IS NOT NULL
               AND abs(recipients - previous_recipients) > $2
               AND abs(recipients - previous_recipients) > $3 * previous_recipients,
           false) AS is_outlier
FROM mart_changes_kecamatan
WHERE period = $1
ORDER BY program_code, kode_kecamatan
