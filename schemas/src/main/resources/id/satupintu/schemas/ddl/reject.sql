-- Grain: one row per rejected roster row (without its raw values, which stay in the restricted lake).
CREATE TABLE reject (
    period VARCHAR NOT NULL,
    program_code VARCHAR NOT NULL,
    source_file VARCHAR NOT NULL,
    source_row BIGINT NOT NULL,
    rule_id VARCHAR NOT NULL,
    message_id VARCHAR NOT NULL,
    message_en VARCHAR NOT NULL,
    probable_person_id VARCHAR,
    match_probability DOUBLE,
    probable_basis VARCHAR,
    PRIMARY KEY (period, source_file, source_row)
);
COMMENT ON TABLE reject IS 'Rejected roster rows with the rule they broke, for the operators who must fix the source.';
COMMENT ON COLUMN reject.period IS 'Roster month, YYYY-MM.';
COMMENT ON COLUMN reject.program_code IS 'Program code.';
COMMENT ON COLUMN reject.source_file IS 'File name as delivered.';
COMMENT ON COLUMN reject.source_row IS 'Row number as a spreadsheet shows it (header is row 1).';
COMMENT ON COLUMN reject.rule_id IS 'Validation rule id.';
COMMENT ON COLUMN reject.message_id IS 'Reason in Bahasa Indonesia.';
COMMENT ON COLUMN reject.message_en IS 'Reason in English.';
COMMENT ON COLUMN reject.probable_person_id IS 'A row rejected for its NIK: the person its name, birth date, desa, KK and address say it probably is (the link step''s best pair with a staged row), for fixing the NIK; null when none scored in the match or review band.';
COMMENT ON COLUMN reject.match_probability IS 'The probability behind probable_person_id: at least 0.9 is a match, 0.5 to 0.9 uncertain.';
COMMENT ON COLUMN reject.probable_basis IS 'What probable_person_id rests on: MODEL (the row''s name, birth date, desa, KK and address scored against the month''s rows) or RECORD_ID (the source''s own row id, IDARTBDT, NOKA_JKN or IDPEL, carried that person''s row the month before); null without a probable person.';
