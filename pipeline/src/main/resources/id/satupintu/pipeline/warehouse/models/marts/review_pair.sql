-- Grain: one pair of staged rows of a month the link step left for a person to decide.
SELECT
    period,
    program_code_l,
    source_file_l,
    source_row_l,
    person_id_l,
    program_code_r,
    source_file_r,
    source_row_r,
    person_id_r,
    match_probability,
    band
FROM lake_review_pair
