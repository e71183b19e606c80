-- Grain: one row per person x status episode: a run of months in which one source gives the person's status.
CREATE TABLE person_status (
    person_id VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    from_period VARCHAR NOT NULL,
    to_period VARCHAR,
    event_date DATE,
    reported_period VARCHAR,
    source_line INTEGER,
    decided_by VARCHAR,
    decided_on DATE,
    reference VARCHAR,
    dukcapil_set_aside BOOLEAN NOT NULL,
    decided_for_person_id VARCHAR,
    PRIMARY KEY (person_id, from_period)
);
COMMENT ON TABLE person_status IS 'Whether a person is still eligible, month by month: deaths and moves Dukcapil reported, and the decisions of reviewers and musyawarah desa in config/status-overrides.csv (deceased, moved, well-off, eligible again). A person''s episodes never overlap; a month no episode covers has no known status. For the months a reviewer''s decision covers (from the person''s first decision on) the decision is the status and Dukcapil reports do not count. No NIK, no name, no free-text note.';
COMMENT ON COLUMN person_status.person_id IS 'The person (person.person_id); for a Dukcapil report of a NIK no roster carries, the keyed HMAC of the NIK (as in dukcapil_event).';
COMMENT ON COLUMN person_status.status IS 'MENINGGAL (deceased), PINDAH (moved away), MAMPU (well-off, no longer eligible) or AKTIF (eligible again: a reviewer revoked an earlier status or a wrong Dukcapil report).';
COMMENT ON COLUMN person_status.source IS 'OVERRIDE (a line of config/status-overrides.csv) or DUKCAPIL (dukcapil_event: KEMATIAN gives MENINGGAL, PINDAH_KELUAR gives PINDAH).';
COMMENT ON COLUMN person_status.from_period IS 'First month the status holds, YYYY-MM: the decision''s month (OVERRIDE); the first month that began after the event, or the month of the extract when the event has no readable date (DUKCAPIL).';
COMMENT ON COLUMN person_status.to_period IS 'Last month the status holds, YYYY-MM (the month before a later episode of the person begins); null while it still holds.';
COMMENT ON COLUMN person_status.event_date IS 'DUKCAPIL: date of the death or the move (the earliest report of that month); null for OVERRIDE.';
COMMENT ON COLUMN person_status.reported_period IS 'DUKCAPIL: month of the first extract that reported the event, YYYY-MM; null for OVERRIDE.';
COMMENT ON COLUMN person_status.source_line IS 'OVERRIDE: line number of the decision in config/status-overrides.csv; null for DUKCAPIL.';
COMMENT ON COLUMN person_status.decided_by IS 'OVERRIDE: who decided (a unit, a post or a musyawarah desa; never a resident); null for DUKCAPIL.';
COMMENT ON COLUMN person_status.decided_on IS 'OVERRIDE: date of the decision; null for DUKCAPIL.';
COMMENT ON COLUMN person_status.reference IS 'OVERRIDE: the decision''s reference (berita acara number); null for DUKCAPIL.';
COMMENT ON COLUMN person_status.dukcapil_set_aside IS 'OVERRIDE: true when Dukcapil reported a death or move of the person that would hold in some month of this episode without the decision (the decision wins); false otherwise and for DUKCAPIL.';
COMMENT ON COLUMN person_status.decided_for_person_id IS 'OVERRIDE: the person id the decision was recorded for; it differs from person_id when the link later merged that person into this one (the decision follows the person); null for DUKCAPIL.';
