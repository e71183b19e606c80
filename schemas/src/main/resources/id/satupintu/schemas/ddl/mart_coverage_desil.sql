-- Grain: one row per period x program x kecamatan x desil ('1' … '10', 'unknown').
CREATE TABLE mart_coverage_desil (
    period VARCHAR NOT NULL,
    program_code VARCHAR NOT NULL,
    kode_kecamatan VARCHAR NOT NULL,
    nama_kecamatan VARCHAR NOT NULL,
    desil VARCHAR NOT NULL,
    recipients BIGINT NOT NULL,
    households BIGINT NOT NULL,
    recipient_families BIGINT NOT NULL,
    dtsen_families BIGINT NOT NULL,
    dtsen_persons BIGINT NOT NULL,
    PRIMARY KEY (period, program_code, kode_kecamatan, desil)
);
COMMENT ON TABLE mart_coverage_desil IS 'Program coverage by DTSEN desil per kecamatan per month, for planners: recipients per desil beside the DTSEN population of that desil, so coverage = recipients / dtsen_persons (or recipient_families / dtsen_families). A row for every desil with DTSEN families in the kecamatan, for every program with a roster that month, and for every desil the program''s recipients fall in. Counts are exact, not suppressed: not for publication as they are.';
COMMENT ON COLUMN mart_coverage_desil.period IS 'Month, YYYY-MM.';
COMMENT ON COLUMN mart_coverage_desil.program_code IS 'Program code.';
COMMENT ON COLUMN mart_coverage_desil.kode_kecamatan IS 'Kemendagri kecamatan code: of the roster address for recipients, of the DTSEN address for the DTSEN population.';
COMMENT ON COLUMN mart_coverage_desil.nama_kecamatan IS 'Kecamatan name.';
COMMENT ON COLUMN mart_coverage_desil.desil IS 'Desil nasional 1 to 10 as text (''1'' … ''10''; order by TRY_CAST(desil AS INTEGER)), or ''unknown'' for recipients not on the DTSEN extract in force that month.';
COMMENT ON COLUMN mart_coverage_desil.recipients IS 'Distinct enrolled persons (for family programs the KPM pengurus) whose DTSEN family has this desil; summed over desil, the recipients of mart_recipients_kecamatan.';
COMMENT ON COLUMN mart_coverage_desil.households IS 'Distinct warehouse households (enrollment.household_id) of those recipients.';
COMMENT ON COLUMN mart_coverage_desil.recipient_families IS 'Distinct DTSEN families (dtsen_household.family_key) of those recipients; 0 for unknown.';
COMMENT ON COLUMN mart_coverage_desil.dtsen_families IS 'DTSEN families of this desil in the kecamatan this month (dtsen_household); 0 for unknown. The same on every program''s row.';
COMMENT ON COLUMN mart_coverage_desil.dtsen_persons IS 'Members of those families on the extract; 0 for unknown. The same on every program''s row.';
