-- Grain: one row per program x desa of the month ($1, YYYY-MM): recipients by sex and age band, benefit.
WITH desa_cells AS (
    SELECT *
    FROM mart_recipients_desa
    WHERE period = $1
)
SELECT program_code,
       kode_kecamatan,
       nama_kecamatan,
       kode_desa,
       nama_desa,
       sum(recipients) AS recipients,
       coalesce(sum(recipients) FILTER (WHERE sex = 'L'), 0) AS laki_laki,
       coalesce(sum(recipients) FILTER (WHERE sex = 'P'), 0) AS perempuan,
       coalesce(sum(recipients) FILTER (WHERE sex NOT IN ('L', 'P')), 0) AS sex_unknown,
       coalesce(sum(recipients) FILTER (WHERE age_band = '0-6'), 0) AS age_0_6,
       coalesce(sum(recipients) FILTER (WHERE age_band = '7-17'), 0) AS age_7_17,
       coalesce(sum(recipients) FILTER (WHERE age_band = '18-59'), 0) AS age_18_59,
       coalesce(sum(recipients) FILTER (WHERE age_band = '60+'), 0) AS age_60_plus,
       coalesce(sum(recipients) FILTER (WHERE age_band NOT IN ('0-6', '7-17', '18-59', '60+')), 0) AS age_unknown,
       sum(benefit_rupiah) AS benefit_rupiah
FROM desa_cells
GROUP BY program_code, kode_kecamatan, nama_kecamatan, kode_desa, nama_desa
ORDER BY program_code, kode_desa
