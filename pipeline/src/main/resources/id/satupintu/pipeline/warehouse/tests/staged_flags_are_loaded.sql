-- severity: error
-- Every flag of a staged lake row is one staged_flag row, and every flag names a known rule.
WITH lake AS (
    SELECT period, program_code, sum(len(string_split(flags, ','))) AS flags
    FROM lake_staged
    WHERE flags IS NOT NULL
    GROUP BY period, program_code
),
loaded AS (
    SELECT period, program_code, count(*) AS flags FROM staged_flag GROUP BY period, program_code
)
SELECT period, program_code, lake.flags AS lake_flags, loaded.flags AS loaded_flags, NULL AS unknown_rule
FROM lake
FULL JOIN loaded USING (period, program_code)
WHERE lake.flags IS DISTINCT FROM loaded.flags
UNION ALL
SELECT DISTINCT period, program_code, NULL, NULL, staged_flag.rule_id
FROM staged_flag
LEFT JOIN validation_rule USING (rule_id)
WHERE validation_rule.rule_id IS NULL
