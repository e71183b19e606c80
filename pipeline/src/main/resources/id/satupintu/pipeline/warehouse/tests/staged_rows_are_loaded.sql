-- severity: error
-- Every staged roster row of the lake is behind exactly one enrollment: nothing lost, nothing counted twice.
WITH staged AS (
    SELECT period, program_code, count(*) AS staged_rows FROM lake_staged GROUP BY period, program_code
),
loaded AS (
    SELECT period, program_code, sum(roster_rows) AS loaded_rows FROM enrollment GROUP BY period, program_code
)
SELECT period, program_code, staged.staged_rows, loaded.loaded_rows
FROM staged
FULL JOIN loaded USING (period, program_code)
WHERE staged.staged_rows IS DISTINCT FROM loaded.loaded_rows
