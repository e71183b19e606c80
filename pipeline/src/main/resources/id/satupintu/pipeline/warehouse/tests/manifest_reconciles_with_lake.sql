-- severity: error
-- Every file's manifest counts equal the rows the lake holds for it (nothing lost, nothing added);
-- a refused, duplicate or superseded file holds none. Reference extracts stage into lake_reference.
WITH staged AS (
    SELECT period, source_file, count(*) AS rows_staged
    FROM (
        SELECT period, source_file FROM lake_staged
        UNION ALL
        SELECT period, source_file FROM lake_reference
    )
    GROUP BY ALL
),
rejected AS (
    SELECT period, source_file, count(*) AS rows_rejected FROM lake_rejected GROUP BY ALL
)
SELECT manifest.period, manifest.source_file
FROM lake_manifest AS manifest
LEFT JOIN staged USING (period, source_file)
LEFT JOIN rejected USING (period, source_file)
WHERE coalesce(staged.rows_staged, 0) <> manifest.rows_staged
    OR coalesce(rejected.rows_rejected, 0) <> manifest.rows_rejected
    OR manifest.rows_read <> manifest.rows_staged + manifest.rows_rejected
