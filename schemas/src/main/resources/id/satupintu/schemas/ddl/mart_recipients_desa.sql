-- Grain: one row per period x program x desa x sex x age band with at least one recipient.
CREATE TABLE mart_recipients_desa (
    period VARCHAR NOT NULL,
    program_code VARCHAR NOT NULL,
    kode_kecamatan VARCHAR NOT NULL,
    nama_kecamatan VARCHAR NOT NULL,
    kode_desa VARCHAR NOT NULL,
    nama_desa VARCHAR NOT NULL,
    sex VARCHAR NOT NULL,
    age_band VARCHAR NOT NULL,
    recipients BIGINT NOT NULL,
    benefit_rupiah BIGINT,
    PRIMARY KEY (period, program_code, kode_desa, sex, age_band)
);
COMMENT ON TABLE mart_recipients_desa IS 'Recipients per program per desa per month by sex and age band, for planners. Counts are exact: no small cell is suppressed, so this table is not for publication as it is. No NIK, No. KK, name or birth date: only the age band.';
COMMENT ON COLUMN mart_recipients_desa.period IS 'Roster month, YYYY-MM.';
COMMENT ON COLUMN mart_recipients_desa.program_code IS 'Program code.';
COMMENT ON COLUMN mart_recipients_desa.kode_kecamatan IS 'Kemendagri kecamatan code (PP.KK.CC) of the desa.';
COMMENT ON COLUMN mart_recipients_desa.nama_kecamatan IS 'Kecamatan name.';
COMMENT ON COLUMN mart_recipients_desa.kode_desa IS 'Kemendagri desa/kelurahan code (PP.KK.CC.DDDD) of the roster address that month (enrollment.kode_desa).';
COMMENT ON COLUMN mart_recipients_desa.nama_desa IS 'Desa/kelurahan name.';
COMMENT ON COLUMN mart_recipients_desa.sex IS 'L or P as person.sex gives it (the value most rosters give); unknown when no roster states it.';
COMMENT ON COLUMN mart_recipients_desa.age_band IS 'Age in complete years on the last day of the month: 0-6, 7-17, 18-59, 60+, or unknown when no roster gives a birth date (or it is after the month). The birth date is the one person.birth_year comes from (the latest roster row that gives one).';
COMMENT ON COLUMN mart_recipients_desa.recipients IS 'Distinct persons enrolled (for family programs: the KPM pengurus).';
COMMENT ON COLUMN mart_recipients_desa.benefit_rupiah IS 'Sum of the benefit amounts on the rosters, rupiah; null when no roster row of the cell carries one.';
