-- Grain: one row per person as the link step found them: the pseudonymous part of the golden record.
CREATE TABLE person (
    person_id VARCHAR NOT NULL,
    sex VARCHAR,
    birth_year INTEGER,
    kode_desa VARCHAR NOT NULL,
    first_period VARCHAR NOT NULL,
    last_period VARCHAR NOT NULL,
    household_id VARCHAR,
    sex_source VARCHAR,
    birth_date_source VARCHAR,
    kode_desa_source VARCHAR NOT NULL,
    nik_count BIGINT NOT NULL
);
COMMENT ON TABLE person IS 'Persons on any roster, one row each, with the golden record''s pseudonymous fields and where each came from; no NIK, No. KK or name (the whole golden record stays in the restricted lake, lake/registry/golden_record.parquet).';
COMMENT ON COLUMN person.person_id IS 'The linked person (rows of one person across programs, misspellings and damaged NIKs share it), stable from month to month; pseudonymous, holds no NIK.';
COMMENT ON COLUMN person.sex IS 'L or P, from the most trusted row that gives it: survivorship by source tier (Dukcapil, then DTSEN/DTKS, then program rosters), then the latest month, then a row without flags.';
COMMENT ON COLUMN person.birth_year IS 'Year of the golden record''s birth date (same survivorship as sex).';
COMMENT ON COLUMN person.kode_desa IS 'Desa/kelurahan of the golden record''s address (same survivorship; desa, RT, RW and street always come from one row).';
COMMENT ON COLUMN person.first_period IS 'First month the person is on a roster.';
COMMENT ON COLUMN person.last_period IS 'Latest month the person is on a roster.';
COMMENT ON COLUMN person.household_id IS 'The household of the latest month in which a roster gave the person''s No. KK; null when none ever did.';
COMMENT ON COLUMN person.sex_source IS 'Provenance of sex: source (program or extract), month, file:row.';
COMMENT ON COLUMN person.birth_date_source IS 'Provenance of the birth date: source, month, file:row.';
COMMENT ON COLUMN person.kode_desa_source IS 'Provenance of the address: source, month, file:row.';
COMMENT ON COLUMN person.nik_count IS 'Distinct NIKs on the person''s roster rows over all months; more than 1 flags one person under several NIKs (a second registration, a typo, another person''s NIK) for Dinas Sosial to settle; the NIKs themselves stay in the restricted lake.';
