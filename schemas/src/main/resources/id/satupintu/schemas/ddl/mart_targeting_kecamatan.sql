-- Grain: one row per period x program x kecamatan with at least one recipient.
CREATE TABLE mart_targeting_kecamatan (
    period VARCHAR NOT NULL,
    program_code VARCHAR NOT NULL,
    kode_kecamatan VARCHAR NOT NULL,
    nama_kecamatan VARCHAR NOT NULL,
    recipients BIGINT NOT NULL,
    deceased_enrolled BIGINT NOT NULL,
    moved_enrolled BIGINT NOT NULL,
    well_off_enrolled BIGINT NOT NULL,
    civil_servant_enrolled BIGINT NOT NULL,
    car_owner_enrolled BIGINT NOT NULL,
    exclusive_programs_enrolled BIGINT NOT NULL,
    PRIMARY KEY (period, program_code, kode_kecamatan)
);
COMMENT ON TABLE mart_targeting_kecamatan IS 'Targeting indicators per program per kecamatan per month: recipients the reference lists or the reviewers'' status decisions (person_status) say should be checked. For Dinas Sosial verification and planners; counts only.';
COMMENT ON COLUMN mart_targeting_kecamatan.period IS 'Roster month, YYYY-MM.';
COMMENT ON COLUMN mart_targeting_kecamatan.program_code IS 'Program code.';
COMMENT ON COLUMN mart_targeting_kecamatan.kode_kecamatan IS 'Kemendagri kecamatan code of the roster address.';
COMMENT ON COLUMN mart_targeting_kecamatan.nama_kecamatan IS 'Kecamatan name.';
COMMENT ON COLUMN mart_targeting_kecamatan.recipients IS 'Distinct enrolled persons (as in mart_recipients_kecamatan).';
COMMENT ON COLUMN mart_targeting_kecamatan.deceased_enrolled IS 'Recipients deceased in the month by person_status: a death Dukcapil reported before the month began, or a reviewer''s decision (MENINGGAL) from the month or earlier. A reviewer''s decision wins: a person declared AKTIF after a wrong Dukcapil report is not counted.';
COMMENT ON COLUMN mart_targeting_kecamatan.moved_enrolled IS 'Recipients moved away in the month by person_status: a move out of the kabupaten Dukcapil reported before the month began, or a reviewer''s decision (PINDAH) from the month or earlier.';
COMMENT ON COLUMN mart_targeting_kecamatan.well_off_enrolled IS 'Recipients a reviewer or musyawarah desa declared well-off, no longer eligible (person_status MAMPU), from the month or earlier.';
COMMENT ON COLUMN mart_targeting_kecamatan.civil_servant_enrolled IS 'Recipients on the civil-servant list of the month.';
COMMENT ON COLUMN mart_targeting_kecamatan.car_owner_enrolled IS 'Recipients on the car-owner list of the month.';
COMMENT ON COLUMN mart_targeting_kecamatan.exclusive_programs_enrolled IS 'BLT Dana Desa recipients also on PKH or BPNT in the same month (BLT Dana Desa is for families without them); 0 for other programs.';
