-- Grain: one row per person x program x period.
CREATE TABLE enrollment (
    period VARCHAR NOT NULL,
    program_code VARCHAR NOT NULL,
    person_id VARCHAR NOT NULL,
    kode_desa VARCHAR NOT NULL,
    benefit_rupiah BIGINT,
    roster_rows BIGINT NOT NULL,
    household_id VARCHAR
);
COMMENT ON TABLE enrollment IS 'Who is on which program roster in which month.';
COMMENT ON COLUMN enrollment.period IS 'Roster month, YYYY-MM.';
COMMENT ON COLUMN enrollment.program_code IS 'Program code.';
COMMENT ON COLUMN enrollment.person_id IS 'Pseudonymous person key (person.person_id).';
COMMENT ON COLUMN enrollment.kode_desa IS 'Desa/kelurahan of the roster address that month.';
COMMENT ON COLUMN enrollment.benefit_rupiah IS 'Sum of the benefit amounts on the roster rows, rupiah.';
COMMENT ON COLUMN enrollment.roster_rows IS 'Roster rows behind the enrollment; more than 1 means the roster lists the person twice.';
COMMENT ON COLUMN enrollment.household_id IS 'The household the person was in that month (household_member); null when no roster of the month gives their No. KK.';
