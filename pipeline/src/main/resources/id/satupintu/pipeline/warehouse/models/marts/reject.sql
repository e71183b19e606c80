-- Grain: one row per rejected roster row; the raw values stay in the restricted lake.
SELECT
    period,
    program_code,
    source_file,
    source_row,
    rule_id,
    message_id,
    message_en
FROM lake_rejected
