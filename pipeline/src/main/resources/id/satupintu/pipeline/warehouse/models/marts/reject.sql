-- Grain: one row per rejected roster row; the raw values stay in the restricted lake.
-- A row rejected for its NIK carries the person the link step found it probably is.
SELECT
    rejected.period,
    rejected.program_code,
    rejected.source_file,
    rejected.source_row,
    rejected.rule_id,
    rejected.message_id,
    rejected.message_en,
    link.person_id AS probable_person_id,
    link.match_probability,
    link.basis AS probable_basis
FROM lake_rejected AS rejected
LEFT JOIN lake_rejected_link AS link USING (period, source_file, source_row)
