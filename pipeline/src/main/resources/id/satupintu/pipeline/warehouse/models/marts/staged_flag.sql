-- Grain: one row per staged roster row and flag rule it raised (the lake keeps them comma-joined).
SELECT
    period,
    program_code,
    source_file,
    source_row,
    person_key AS person_id,
    unnest(string_split(flags, ',')) AS rule_id
FROM lake_staged
WHERE flags IS NOT NULL
