-- Grain: one row per funding source x program: the month ($1, YYYY-MM), the quarter to date ($2,
-- YYYY-Qn) and the year to date ($3), paid and entitled.
SELECT funding_source,
       program_code,
       sum(paid_rupiah) FILTER (WHERE period = $1) AS paid_month,
       sum(entitled_rupiah) FILTER (WHERE period = $1) AS entitled_month,
       sum(paid_rupiah) FILTER (WHERE quarter = $2) AS paid_quarter,
       sum(entitled_rupiah) FILTER (WHERE quarter = $2) AS entitled_quarter,
       sum(paid_rupiah) AS paid_year,
       sum(entitled_rupiah) AS entitled_year
FROM mart_spending_kecamatan
WHERE period <= $1 AND year = $3
GROUP BY funding_source, program_code
ORDER BY funding_source, program_code
