-- Grain: one row per period x program x kecamatan with at least one recipient.
CREATE TABLE mart_targeting_kecamatan (
    period VARCHAR NOT NULL,
    program_code VARCHAR NOT NULL,
    kode_kecamatan VARCHAR NOT NULL,
    nama_kecamatan VARCHAR NOT NULL,
    recipients BIGINT NOT NULL,
    deceased_enrolled BIGINT NOT NULL,
    moved_enrolled BIGINT NOT NULL,
    civil_servant_enrolled BIGINT NOT NULL,
    car_owner_enrolled BIGINT NOT NULL,
    exclusive_programs_enrolled BIGINT NOT NULL,
    PRIMARY KEY (period, program_code, kode_kecamatan)
);
COMMENT ON TABLE mart_targeting_kecamatan IS 'Targeting indicators per program per kecamatan per month: recipients the reference lists say should be checked. For Dinas Sosial verification and planners; counts only.';
COMMENT ON COLUMN mart_targeting_kecamatan.period IS 'Roster month, YYYY-MM.';
COMMENT ON COLUMN mart_targeting_kecamatan.program_code IS 'Program code.';
COMMENT ON COLUMN mart_targeting_kecamatan.kode_kecamatan IS 'Kemendagri kecamatan code of the roster address.';
COMMENT ON COLUMN mart_targeting_kecamatan.nama_kecamatan IS 'Kecamatan name.';
COMMENT ON COLUMN mart_targeting_kecamatan.recipients IS 'Distinct enrolled persons (as in mart_recipients_kecamatan).';
COMMENT ON COLUMN mart_targeting_kecamatan.deceased_enrolled IS 'Recipients whose death Dukcapil reported before the month began.';
COMMENT ON COLUMN mart_targeting_kecamatan.moved_enrolled IS 'Recipients Dukcapil reported as moved out of the kabupaten before the month began.';
COMMENT ON COLUMN mart_targeting_kecamatan.civil_servant_enrolled IS 'Recipients on the civil-servant list of the month.';
COMMENT ON COLUMN mart_targeting_kecamatan.car_owner_enrolled IS 'Recipients on the car-owner list of the month.';
COMMENT ON COLUMN mart_targeting_kecamatan.exclusive_programs_enrolled IS 'BLT Dana Desa recipients also on PKH or BPNT in the same month (BLT Dana Desa is for families without them); 0 for other programs.';
