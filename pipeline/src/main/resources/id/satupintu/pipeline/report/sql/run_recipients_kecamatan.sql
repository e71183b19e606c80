-- Grain: one row per program x kecamatan of the month ($1, YYYY-MM) with recipients.
SELECT program_code, kode_kecamatan, nama_kecamatan, recipients
FROM mart_recipients_kecamatan
WHERE period = $1
ORDER BY program_code, kode_kecamatan
