-- Grain: one row per staged roster row and flag rule it raised (the lake keeps them comma-joined).
SELECT
    period,
    program_code,
    source_file,
    source_row,
    person_id,
    unnest(string_split(flags, ',')) AS rule_id
FROM stg_roster_row
WHERE flags IS NOT NULL
