-- Grain: one row per month x program, every month of the warehouse, programs in $1 (comma-separated codes;
-- empty: all), in the desa $2.
SELECT period,
       program_code,
       sum(recipients)::BIGINT AS recipients
FROM mart_recipients_desa
WHERE ($1 = '' OR list_contains(string_split($1, ','), program_code))
  AND kode_desa = $2
GROUP BY period, program_code
ORDER BY period, program_code
