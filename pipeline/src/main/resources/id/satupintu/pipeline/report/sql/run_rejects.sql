-- Grain: one row per program x file x rule of the month ($1, YYYY-MM): rows rejected.
SELECT program_code, source_file, rule_id, count(*) AS rejected_rows
FROM reject
WHERE period = $1
GROUP BY program_code, source_file, rule_id
ORDER BY program_code, source_file, rule_id
