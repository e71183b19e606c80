-- Grain: one row per program x funding source x kecamatan over the months of the year ($2) up to and
-- including the month ($1, YYYY-MM). Recipients are person-months (a person enrolled three months
-- counts three times).
SELECT program_code,
       funding_source,
       kode_kecamatan,
       nama_kecamatan,
       count(DISTINCT period) AS months,
       sum(recipients) AS person_months,
       sum(paid_rupiah) AS paid_rupiah,
       sum(entitled_rupiah) AS entitled_rupiah
FROM mart_spending_kecamatan
WHERE period <= $1 AND year = $2
GROUP BY program_code, funding_source, kode_kecamatan, nama_kecamatan
ORDER BY program_code, funding_source, kode_kecamatan
