-- Grain: one row per program x kecamatan of the month ($1, YYYY-MM): recipients, households, benefit.
SELECT mart.program_code,
       coalesce(program.nama, mart.program_code) AS program_nama,
       coalesce(program.name_en, mart.program_code) AS program_name_en,
       mart.kode_kecamatan,
       mart.nama_kecamatan,
       mart.recipients,
       mart.households,
       mart.benefit_rupiah
FROM mart_recipients_kecamatan AS mart
LEFT JOIN program USING (program_code)
WHERE mart.period = $1
ORDER BY mart.program_code, mart.kode_kecamatan
