-- Grain: one row per period x kecamatan with a DTSEN family of desil 1-4.
CREATE TABLE mart_unserved_kecamatan (
    period VARCHAR NOT NULL,
    kode_kecamatan VARCHAR NOT NULL,
    nama_kecamatan VARCHAR NOT NULL,
    families_desil_1_4 BIGINT NOT NULL,
    persons_desil_1_4 BIGINT NOT NULL,
    unserved_families_desil_1_4 BIGINT NOT NULL,
    unserved_persons_desil_1_4 BIGINT NOT NULL,
    unserved_families_desil_1 BIGINT NOT NULL,
    PRIMARY KEY (period, kode_kecamatan)
);
COMMENT ON TABLE mart_unserved_kecamatan IS 'Targeting indicator per kecamatan per month: DTSEN families of desil 1-4 (the poorest 40%, whom bansos targets) none of whose members is enrolled in any program, for Dinas Sosial and planners. Families are DTSEN''s (by KK, dtsen_household), in the kecamatan of their DTSEN address. Counts only.';
COMMENT ON COLUMN mart_unserved_kecamatan.period IS 'Month, YYYY-MM.';
COMMENT ON COLUMN mart_unserved_kecamatan.kode_kecamatan IS 'Kemendagri kecamatan code of the families'' DTSEN address.';
COMMENT ON COLUMN mart_unserved_kecamatan.nama_kecamatan IS 'Kecamatan name.';
COMMENT ON COLUMN mart_unserved_kecamatan.families_desil_1_4 IS 'DTSEN families of desil 1-4.';
COMMENT ON COLUMN mart_unserved_kecamatan.persons_desil_1_4 IS 'Members of those families on the extract.';
COMMENT ON COLUMN mart_unserved_kecamatan.unserved_families_desil_1_4 IS 'Of those families, the ones with no member enrolled in any program this month (dtsen_household.programs = 0).';
COMMENT ON COLUMN mart_unserved_kecamatan.unserved_persons_desil_1_4 IS 'Members of the families in no program.';
COMMENT ON COLUMN mart_unserved_kecamatan.unserved_families_desil_1 IS 'Families in no program of desil 1, the poorest tenth (extreme poverty).';
