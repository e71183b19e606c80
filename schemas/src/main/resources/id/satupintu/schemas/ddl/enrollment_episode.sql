-- Grain: one row per person x program x episode (a run of the program's months on its roster).
CREATE TABLE enrollment_episode (
    person_id VARCHAR NOT NULL,
    program_code VARCHAR NOT NULL,
    episode_no INTEGER NOT NULL,
    entry_kind VARCHAR NOT NULL,
    from_period VARCHAR NOT NULL,
    to_period VARCHAR NOT NULL,
    months BIGINT NOT NULL,
    exit_period VARCHAR,
    exit_reason VARCHAR,
    exit_basis VARCHAR,
    exit_reference VARCHAR,
    merged_into VARCHAR
);
COMMENT ON TABLE enrollment_episode IS 'Program enrollment as history (SCD type 2): each run of months a person is on a program''s roster, how it began and how and why it ended. Months the program has no roster at all do not break a run. As of a month M: the episodes with from_period <= M and (exit_period IS NULL OR exit_period > M).';
COMMENT ON COLUMN enrollment_episode.person_id IS 'The person (person.person_id).';
COMMENT ON COLUMN enrollment_episode.program_code IS 'Program code.';
COMMENT ON COLUMN enrollment_episode.episode_no IS '1 for the person''s first run on the program, 2 for the first re-entry, ...';
COMMENT ON COLUMN enrollment_episode.entry_kind IS 'AWAL (on the program''s first roster in the warehouse: may have begun earlier), BARU (new recipient), MASUK_KEMBALI (re-entry after an exit).';
COMMENT ON COLUMN enrollment_episode.from_period IS 'First month of the run, YYYY-MM.';
COMMENT ON COLUMN enrollment_episode.to_period IS 'Last month on the roster in this run, YYYY-MM.';
COMMENT ON COLUMN enrollment_episode.months IS 'Program months in the run (each one an enrollment row).';
COMMENT ON COLUMN enrollment_episode.exit_period IS 'The program''s first month with a roster the person is not on, YYYY-MM; null while still enrolled.';
COMMENT ON COLUMN enrollment_episode.exit_reason IS 'Why the run ended: DUPLIKAT (merged into another person by the link step), MENINGGAL (deceased), PINDAH (moved away), MAMPU (well-off), from the status in force in the exit month (person_status), else KELUAR_DARI_DAFTAR (dropped from the roster, no reason known); null while enrolled.';
COMMENT ON COLUMN enrollment_episode.exit_basis IS 'What the reason rests on: LINK (link_event MERGE), DUKCAPIL (a Dukcapil report), OVERRIDE (a reviewer''s or musyawarah desa decision), ROSTER (only the roster''s silence); null while enrolled.';
COMMENT ON COLUMN enrollment_episode.exit_reference IS 'OVERRIDE: the decision''s reference (berita acara number); null otherwise.';
COMMENT ON COLUMN enrollment_episode.merged_into IS 'DUPLIKAT: the person this one was merged into that month; null otherwise.';
