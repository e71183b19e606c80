-- Grain: one row per staged roster row and flag rule it raised; rows without flags are absent.
CREATE TABLE staged_flag (
    period VARCHAR NOT NULL,
    program_code VARCHAR NOT NULL,
    source_file VARCHAR NOT NULL,
    source_row BIGINT NOT NULL,
    person_id VARCHAR NOT NULL,
    rule_id VARCHAR NOT NULL
);
COMMENT ON TABLE staged_flag IS 'Findings on roster rows that were staged all the same (a NIK repeated in the file, a sex that contradicts the NIK, an outdated desa name), for Dinas Sosial to check; the row values stay in the restricted lake.';
COMMENT ON COLUMN staged_flag.period IS 'Roster month, YYYY-MM.';
COMMENT ON COLUMN staged_flag.program_code IS 'Program code.';
COMMENT ON COLUMN staged_flag.source_file IS 'File name as delivered.';
COMMENT ON COLUMN staged_flag.source_row IS 'Row number as a spreadsheet shows it (header is row 1).';
COMMENT ON COLUMN staged_flag.person_id IS 'The linked person of the row, as in enrollment.';
COMMENT ON COLUMN staged_flag.rule_id IS 'The flag rule raised; see validation_rule.';
