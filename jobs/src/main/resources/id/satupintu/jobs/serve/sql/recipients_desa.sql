-- Grain: one row per desa x program of the kecamatan $3 in the month ($1), programs in $2 (comma-separated
-- codes; empty: all): recipients, women among them, age bands (age at the end of the month), benefit.
SELECT kode_desa AS kode_wilayah,
       nama_desa AS nama,
       program_code,
       sum(recipients)::BIGINT AS recipients,
       coalesce(sum(recipients) FILTER (WHERE sex = 'P'), 0)::BIGINT AS female,
       coalesce(sum(recipients) FILTER (WHERE age_band = '0-6'), 0)::BIGINT AS age_0_6,
       coalesce(sum(recipients) FILTER (WHERE age_band = '7-17'), 0)::BIGINT AS age_7_17,
       coalesce(sum(recipients) FILTER (WHERE age_band = '18-59'), 0)::BIGINT AS age_18_59,
       coalesce(sum(recipients) FILTER (WHERE age_band = '60+'), 0)::BIGINT AS age_60_plus,
       sum(benefit_rupiah)::BIGINT AS benefit_rupiah
FROM mart_recipients_desa
WHERE period = $1
  AND ($2 = '' OR list_contains(string_split($2, ','), program_code))
  AND kode_kecamatan = $3
GROUP BY kode_desa, nama_desa, program_code
ORDER BY kode_wilayah, program_code
