-- Grain: one row per program x desa of the month ($1, YYYY-MM) with at least one recipient: distinct
-- persons enrolled, summed over sex and age band (each person is in one cell of the mart).
SELECT mart.kode_kecamatan,
       mart.nama_kecamatan,
       mart.kode_desa,
       mart.nama_desa,
       mart.program_code,
       coalesce(program.nama, mart.program_code) AS program_nama,
       sum(mart.recipients) AS recipients
FROM mart_recipients_desa AS mart
LEFT JOIN program USING (program_code)
WHERE mart.period = $1
GROUP BY ALL
ORDER BY mart.kode_kecamatan, mart.kode_desa, mart.program_code
