-- severity: warn
-- A kecamatan whose recipients of a program changed by more than 30% (and more than 20 persons)
-- from the month before: often a roster sent incomplete, sometimes a real change worth a look.
WITH monthly AS (
    SELECT
        period,
        program_code,
        kode_kecamatan,
        recipients,
        lag(recipients) OVER (PARTITION BY program_code, kode_kecamatan ORDER BY period) AS previous,
        lag(period) OVER (PARTITION BY program_code, kode_kecamatan ORDER BY period) AS previous_period
    FROM mart_recipients_kecamatan
)
SELECT period, program_code, kode_kecamatan, previous, recipients
FROM monthly
WHERE previous IS NOT NULL
  AND CAST(previous_period || '-01' AS DATE) + INTERVAL 1 MONTH = CAST(period || '-01' AS DATE)
  AND abs(recipients - previous) > 20
  AND abs(recipients - previous) > 0.3 * previous
