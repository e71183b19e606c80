-- Grain: one row per person, deduplicated by exact valid NIK across programs and months.
CREATE TABLE person (
    person_id VARCHAR NOT NULL,
    sex VARCHAR,
    birth_year INTEGER,
    kode_desa VARCHAR NOT NULL,
    first_period VARCHAR NOT NULL,
    last_period VARCHAR NOT NULL
);
COMMENT ON TABLE person IS 'Persons on any roster, one row each; no NIK, No. KK or name (those stay in the restricted lake).';
COMMENT ON COLUMN person.person_id IS 'The linked person (rows of one person across programs, misspellings and damaged NIKs share it), stable from month to month; pseudonymous, holds no NIK.';
COMMENT ON COLUMN person.sex IS 'L or P, the value most rosters give.';
COMMENT ON COLUMN person.birth_year IS 'Birth year from the latest roster row that gives a birth date.';
COMMENT ON COLUMN person.kode_desa IS 'Desa/kelurahan of the latest roster address.';
COMMENT ON COLUMN person.first_period IS 'First month the person is on a roster.';
COMMENT ON COLUMN person.last_period IS 'Latest month the person is on a roster.';
