-- Grain: one pair of staged rows of a month the link step left for a person to decide.
CREATE TABLE review_pair (
    period VARCHAR NOT NULL,
    program_code_l VARCHAR NOT NULL,
    source_file_l VARCHAR NOT NULL,
    source_row_l BIGINT NOT NULL,
    person_id_l VARCHAR NOT NULL,
    program_code_r VARCHAR NOT NULL,
    source_file_r VARCHAR NOT NULL,
    source_row_r BIGINT NOT NULL,
    person_id_r VARCHAR NOT NULL,
    match_probability DOUBLE NOT NULL,
    band VARCHAR NOT NULL
);
COMMENT ON TABLE review_pair IS 'The review queue of the link step: pairs of roster rows it could not decide (an uncertain match, or one NIK on two people that share nothing else), for Dinas Sosial to decide and record with link-override; decided pairs leave the queue. The rows themselves stay in the restricted lake.';
COMMENT ON COLUMN review_pair.period IS 'Roster month, YYYY-MM.';
COMMENT ON COLUMN review_pair.program_code_l IS 'Program of the first row.';
COMMENT ON COLUMN review_pair.source_file_l IS 'File of the first row, as delivered.';
COMMENT ON COLUMN review_pair.source_row_l IS 'Row number of the first row as a spreadsheet shows it.';
COMMENT ON COLUMN review_pair.person_id_l IS 'Person the link gave the first row (person.person_id).';
COMMENT ON COLUMN review_pair.program_code_r IS 'Program of the second row.';
COMMENT ON COLUMN review_pair.source_file_r IS 'File of the second row, as delivered.';
COMMENT ON COLUMN review_pair.source_row_r IS 'Row number of the second row as a spreadsheet shows it.';
COMMENT ON COLUMN review_pair.person_id_r IS 'Person the link gave the second row (person.person_id).';
COMMENT ON COLUMN review_pair.match_probability IS 'The model''s probability that the two rows are one person.';
COMMENT ON COLUMN review_pair.band IS 'review (uncertain match) or conflict (one NIK on rows that share nothing else: NIK ganda).';
