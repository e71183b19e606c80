-- Grain: one row per source file of the month ($1, YYYY-MM) as the manifest has it.
SELECT source_file, program_code, status, rows_read, rows_staged, rows_rejected
FROM file_manifest
WHERE period = $1
ORDER BY source_file
