-- Grain: one row per person x version (a run of months with the same desa and household).
CREATE TABLE person_version (
    person_id VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    kode_desa VARCHAR NOT NULL,
    household_id VARCHAR,
    valid_from VARCHAR NOT NULL,
    valid_to VARCHAR,
    last_seen VARCHAR NOT NULL,
    months BIGINT NOT NULL
);
COMMENT ON TABLE person_version IS 'A person''s address desa and household as history (SCD type 2). As of a month M: the version with valid_from <= M and (valid_to IS NULL OR valid_to >= M). No NIK, name or birth date.';
COMMENT ON COLUMN person_version.person_id IS 'The person (person.person_id).';
COMMENT ON COLUMN person_version.version IS '1, 2, ... in time order.';
COMMENT ON COLUMN person_version.kode_desa IS 'Desa/kelurahan of the month''s roster address (the first row without flags, else the first row).';
COMMENT ON COLUMN person_version.household_id IS 'The household of the months (household_member); null when no roster gave the person''s No. KK.';
COMMENT ON COLUMN person_version.valid_from IS 'First month of the version, YYYY-MM.';
COMMENT ON COLUMN person_version.valid_to IS 'The month before the next version begins, YYYY-MM; null for the current version.';
COMMENT ON COLUMN person_version.last_seen IS 'Last month of the version in which the person was on a roster.';
COMMENT ON COLUMN person_version.months IS 'Months of the version in which the person was on a roster.';
