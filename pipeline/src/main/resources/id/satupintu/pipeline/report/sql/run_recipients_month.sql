-- Grain: one row per month x program with recipients: the kecamatans' recipients summed (each
-- recipient of a program is in one kecamatan a month, data test mart_recipients_match_enrollment).
SELECT period, program_code, sum(recipients) AS recipients
FROM mart_recipients_kecamatan
GROUP BY period, program_code
ORDER BY period, program_code
