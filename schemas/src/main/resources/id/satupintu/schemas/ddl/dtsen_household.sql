-- Grain: one row per month x DTSEN family (a KK as the DTSEN extract in force that month gives it).
CREATE TABLE dtsen_household (
    period VARCHAR NOT NULL,
    edition_period VARCHAR NOT NULL,
    as_of_date DATE,
    family_key VARCHAR NOT NULL,
    household_id VARCHAR,
    desil INTEGER NOT NULL,
    kode_desa VARCHAR,
    kode_kecamatan VARCHAR,
    persons BIGINT NOT NULL,
    persons_in_registry BIGINT NOT NULL,
    enrolled_persons BIGINT NOT NULL,
    programs BIGINT NOT NULL
);
COMMENT ON TABLE dtsen_household IS 'DTSEN families with their desil nasional per month, as the Kemensos extract in force says (DTSEN ranks families, keluarga by KK, not persons), linked to the warehouse''s persons and households; pseudonymous: no NIK, No. KK or name. A family none of whose members is on a roster is here too.';
COMMENT ON COLUMN dtsen_household.period IS 'Month, YYYY-MM: every month the warehouse holds from the first DTSEN extract on.';
COMMENT ON COLUMN dtsen_household.edition_period IS 'Month of the DTSEN extract the row comes from: the latest delivered for the month or before it (DTSEN is updated four times a year; a month without an extract keeps the last one).';
COMMENT ON COLUMN dtsen_household.as_of_date IS 'Date of the DTSEN update the extract is as of (TANGGAL_PEMUTAKHIRAN); null when the extract does not give it.';
COMMENT ON COLUMN dtsen_household.family_key IS 'The family: keyed HMAC-SHA256 of its No. KK, made at ingest (the key stays outside the warehouse); the same while the family keeps its KK.';
COMMENT ON COLUMN dtsen_household.household_id IS 'The warehouse household (household.household_id) most of the family''s members are in this month (household_member); null when no member carries a KK on a roster this month.';
COMMENT ON COLUMN dtsen_household.desil IS 'Desil nasional of the family, 1 (poorest tenth) to 10: the one most of its members'' rows give, ties to the lower.';
COMMENT ON COLUMN dtsen_household.kode_desa IS 'Kemendagri desa/kelurahan code of the family''s DTSEN address (the one most members give); null when none is a known code.';
COMMENT ON COLUMN dtsen_household.kode_kecamatan IS 'Kemendagri kecamatan code of that desa.';
COMMENT ON COLUMN dtsen_household.persons IS 'Members on the extract (a person listed in two families counts in the first).';
COMMENT ON COLUMN dtsen_household.persons_in_registry IS 'Members who are persons of the warehouse: their NIK is on a roster of some month (person).';
COMMENT ON COLUMN dtsen_household.enrolled_persons IS 'Members enrolled in at least one program this month (enrollment).';
COMMENT ON COLUMN dtsen_household.programs IS 'Distinct programs its members are enrolled in this month; 0: the family is in no program.';
