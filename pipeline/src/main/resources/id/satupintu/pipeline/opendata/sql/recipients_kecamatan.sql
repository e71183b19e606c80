-- Grain: one row per program x kecamatan of the month ($1, YYYY-MM) with at least one recipient.
SELECT mart.kode_kecamatan,
       mart.nama_kecamatan,
       mart.program_code,
       coalesce(program.nama, mart.program_code) AS program_nama,
       mart.recipients
FROM mart_recipients_kecamatan AS mart
LEFT JOIN program USING (program_code)
WHERE mart.period = $1
ORDER BY mart.kode_kecamatan, mart.program_code
