-- severity: error
-- The kecamatan mart counts every enrollment exactly once.
WITH mart AS (
    SELECT period, program_code, sum(recipients) AS recipients FROM mart_recipients_kecamatan GROUP BY ALL
),
enrolled AS (
    SELECT period, program_code, count(*) AS recipients FROM enrollment GROUP BY ALL
)
SELECT period, program_code
FROM enrolled
FULL JOIN mart USING (period, program_code)
WHERE enrolled.recipients IS DISTINCT FROM mart.recipients
