-- Grain: one row per program x funding source x kecamatan of the month ($1, YYYY-MM).
SELECT program_code,
       funding_source,
       kode_kecamatan,
       nama_kecamatan,
       recipients,
       paid_rupiah,
       entitled_rupiah
FROM mart_spending_kecamatan
WHERE period = $1
ORDER BY program_code, funding_source, kode_kecamatan
