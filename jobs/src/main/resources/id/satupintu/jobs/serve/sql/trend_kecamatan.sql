-- Grain: one row per month x program, every month of the warehouse, programs in $1 (comma-separated codes;
-- empty: all), over the kecamatan $2 (empty: the kabupaten).
SELECT period,
       program_code,
       sum(recipients)::BIGINT AS recipients,
       sum(households)::BIGINT AS households
FROM mart_recipients_kecamatan
WHERE ($1 = '' OR list_contains(string_split($1, ','), program_code))
  AND ($2 = '' OR kode_kecamatan = $2)
GROUP BY period, program_code
ORDER BY period, program_code
