-- Grain: one row per period x program x kecamatan with a recipient that month or the month before.
CREATE TABLE mart_changes_kecamatan (
    period VARCHAR NOT NULL,
    program_code VARCHAR NOT NULL,
    kode_kecamatan VARCHAR NOT NULL,
    nama_kecamatan VARCHAR NOT NULL,
    previous_period VARCHAR NOT NULL,
    recipients BIGINT NOT NULL,
    previous_recipients BIGINT,
    added BIGINT,
    exited BIGINT,
    moved_in BIGINT,
    moved_out BIGINT,
    PRIMARY KEY (period, program_code, kode_kecamatan)
);
COMMENT ON TABLE mart_changes_kecamatan IS 'Month-over-month changes of each program per kecamatan, for planners: recipients, persons added, persons who exited, persons whose roster address moved between kecamatans. recipients = previous_recipients + added - exited + moved_in - moved_out. The month before is the calendar month before; when the program has no enrollment at all that month (the first month of the lake, a month missing from the lake, a roster refused whole) there is nothing to compare with: previous_recipients, added, exited, moved_in and moved_out are null. Counts are exact: no small cell is suppressed, so this table is not for publication as it is.';
COMMENT ON COLUMN mart_changes_kecamatan.period IS 'Roster month, YYYY-MM; a month in which the program has at least one enrollment.';
COMMENT ON COLUMN mart_changes_kecamatan.program_code IS 'Program code.';
COMMENT ON COLUMN mart_changes_kecamatan.kode_kecamatan IS 'Kemendagri kecamatan code of the roster address (that month for recipients, added and moved_in; the month before for exited and moved_out).';
COMMENT ON COLUMN mart_changes_kecamatan.nama_kecamatan IS 'Kecamatan name.';
COMMENT ON COLUMN mart_changes_kecamatan.previous_period IS 'The calendar month before, YYYY-MM, whether or not the lake holds it.';
COMMENT ON COLUMN mart_changes_kecamatan.recipients IS 'Distinct persons enrolled in the month (as in mart_recipients_kecamatan); 0 when all of the month before exited or moved.';
COMMENT ON COLUMN mart_changes_kecamatan.previous_recipients IS 'Distinct persons enrolled in the kecamatan the month before; null when the program has no enrollment that month.';
COMMENT ON COLUMN mart_changes_kecamatan.added IS 'Persons enrolled in the program this month (address here) and not enrolled in it anywhere the month before; null when the program has no enrollment the month before.';
COMMENT ON COLUMN mart_changes_kecamatan.exited IS 'Persons enrolled in the program the month before (address here then) and not enrolled in it anywhere this month; null when the program has no enrollment the month before.';
COMMENT ON COLUMN mart_changes_kecamatan.moved_in IS 'Persons enrolled both months whose address moved here from another kecamatan; null when the program has no enrollment the month before.';
COMMENT ON COLUMN mart_changes_kecamatan.moved_out IS 'Persons enrolled both months whose address moved from here to another kecamatan; null when the program has no enrollment the month before.';
