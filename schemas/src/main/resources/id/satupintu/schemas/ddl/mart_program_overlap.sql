-- Grain: one row per period x kecamatan x program pair (program_a <= program_b) with at least one person.
CREATE TABLE mart_program_overlap (
    period VARCHAR NOT NULL,
    kode_kecamatan VARCHAR NOT NULL,
    nama_kecamatan VARCHAR NOT NULL,
    program_a VARCHAR NOT NULL,
    program_b VARCHAR NOT NULL,
    persons BIGINT NOT NULL,
    PRIMARY KEY (period, kode_kecamatan, program_a, program_b)
);
COMMENT ON TABLE mart_program_overlap IS 'Program overlap matrix per kecamatan per month, for planners: persons enrolled in both programs of a pair. The upper triangle and its diagonal: program_a < program_b for pairs, program_a = program_b for the persons of one program. A pair with no person has no row. Each person counts in one kecamatan a month (see kode_kecamatan), so kabupaten totals are exact sums. Counts are exact: no small cell is suppressed, so this table is not for publication as it is.';
COMMENT ON COLUMN mart_program_overlap.period IS 'Roster month, YYYY-MM.';
COMMENT ON COLUMN mart_program_overlap.kode_kecamatan IS 'Kemendagri kecamatan code of the person that month: the kecamatan most of their enrollments of the month sit in; on a tie, the one of the first program in code order. For a person whose rosters give addresses in two kecamatans this can differ from the kecamatan of one enrollment, so the diagonal per kecamatan can differ slightly from mart_recipients_kecamatan; per kabupaten it is equal.';
COMMENT ON COLUMN mart_program_overlap.nama_kecamatan IS 'Kecamatan name.';
COMMENT ON COLUMN mart_program_overlap.program_a IS 'Program code, the first of the pair in code order.';
COMMENT ON COLUMN mart_program_overlap.program_b IS 'Program code, the second of the pair; equal to program_a on the diagonal.';
COMMENT ON COLUMN mart_program_overlap.persons IS 'Distinct persons enrolled in both programs in the month (on the diagonal: enrolled in the program).';
