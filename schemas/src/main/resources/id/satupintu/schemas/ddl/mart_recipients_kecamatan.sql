-- Grain: one row per period x program x kecamatan with at least one recipient.
CREATE TABLE mart_recipients_kecamatan (
    period VARCHAR NOT NULL,
    program_code VARCHAR NOT NULL,
    kode_kecamatan VARCHAR NOT NULL,
    nama_kecamatan VARCHAR NOT NULL,
    recipients BIGINT NOT NULL,
    households BIGINT NOT NULL,
    benefit_rupiah BIGINT,
    PRIMARY KEY (period, program_code, kode_kecamatan)
);
COMMENT ON TABLE mart_recipients_kecamatan IS 'Recipients per program per kecamatan per month, for planners.';
COMMENT ON COLUMN mart_recipients_kecamatan.period IS 'Roster month, YYYY-MM.';
COMMENT ON COLUMN mart_recipients_kecamatan.program_code IS 'Program code.';
COMMENT ON COLUMN mart_recipients_kecamatan.kode_kecamatan IS 'Kemendagri kecamatan code (PP.KK.CC) of the roster address.';
COMMENT ON COLUMN mart_recipients_kecamatan.nama_kecamatan IS 'Kecamatan name.';
COMMENT ON COLUMN mart_recipients_kecamatan.recipients IS 'Distinct persons enrolled (for family programs: the KPM pengurus).';
COMMENT ON COLUMN mart_recipients_kecamatan.households IS 'Distinct households (household.household_id) with a recipient here; recipients whose rosters carry no No. KK that month are in none.';
COMMENT ON COLUMN mart_recipients_kecamatan.benefit_rupiah IS 'Sum of the benefit amounts on the rosters, rupiah.';
