-- severity: error
-- The desa mart counts every enrollment and every rupiah once, in the desa of its roster address:
-- per program, month and desa, its persons over all sexes and age bands are the enrollments.
WITH mart AS (
    SELECT period, program_code, kode_desa, sum(recipients) AS recipients, sum(benefit_rupiah) AS benefit_rupiah
    FROM mart_recipients_desa
    GROUP BY period, program_code, kode_desa
),
enrolled AS (
    SELECT period, program_code, kode_desa, count(*) AS recipients, sum(benefit_rupiah) AS benefit_rupiah
    FROM enrollment
    GROUP BY period, program_code, kode_desa
)
SELECT period, program_code, kode_desa, enrolled.recipients AS enrolled, mart.recipients AS in_mart
FROM enrolled
FULL JOIN mart USING (period, program_code, kode_desa)
WHERE enrolled.recipients IS DISTINCT FROM mart.recipients
    OR enrolled.benefit_rupiah IS DISTINCT FROM mart.benefit_rupiah
