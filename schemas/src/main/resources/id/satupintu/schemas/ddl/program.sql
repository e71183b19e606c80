-- Grain: one row per social-assistance program.
CREATE TABLE program (
    program_code VARCHAR PRIMARY KEY,
    nama VARCHAR NOT NULL,
    name_en VARCHAR NOT NULL,
    benefit_unit VARCHAR NOT NULL,
    funding_source VARCHAR NOT NULL
);
COMMENT ON TABLE program IS 'Social-assistance programs whose rosters SatuPintu reads.';
COMMENT ON COLUMN program.program_code IS 'Program code used in the lake path and every table, e.g. PKH.';
COMMENT ON COLUMN program.nama IS 'Program name in Bahasa Indonesia.';
COMMENT ON COLUMN program.name_en IS 'Program name in English.';
COMMENT ON COLUMN program.benefit_unit IS 'Who one roster row stands for: FAMILY, PERSON or CUSTOMER.';
COMMENT ON COLUMN program.funding_source IS 'APBN, APBD or DANA_DESA.';
