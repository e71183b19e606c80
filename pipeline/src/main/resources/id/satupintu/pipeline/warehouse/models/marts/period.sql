-- Grain: one row per roster month present in the lake manifests.
SELECT
    period,
    CAST(period || '-01' AS DATE) AS period_start,
    count(*) FILTER (WHERE status = 'INGESTED') AS files_ingested,
    count(*) FILTER (WHERE status = 'REFUSED') AS files_refused
FROM lake_manifest
GROUP BY period
