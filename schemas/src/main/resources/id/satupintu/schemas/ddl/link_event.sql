-- Grain: one change of the person registry in a month: a merge, a split, or a NIK carried by two people.
CREATE TABLE link_event (
    period VARCHAR NOT NULL,
    event VARCHAR NOT NULL,
    person_id VARCHAR NOT NULL,
    other_person_id VARCHAR NOT NULL,
    roster_rows BIGINT NOT NULL,
    reference VARCHAR
);
COMMENT ON TABLE link_event IS 'What the link step changed in the person registry each month: persons merged (rows that carried two earlier ids are one person), split (rows of one earlier id are two people) NIK ganda (one NIK on rows of two people, kept apart), and the reviewers'' decisions applied (OVERRIDE_SAME, OVERRIDE_DIFFERENT from config/link-overrides.csv), for Dinas Sosial to verify.';
COMMENT ON COLUMN link_event.period IS 'Roster month the link step ran for, YYYY-MM.';
COMMENT ON COLUMN link_event.event IS 'MERGE, SPLIT, NIK_GANDA, OVERRIDE_SAME (a same-person decision joined the two sides) or OVERRIDE_DIFFERENT (a different-persons decision kept them apart).';
COMMENT ON COLUMN link_event.person_id IS 'The person that stays (MERGE, SPLIT), one of the two persons (NIK_GANDA), or the person of the decision''s left side (OVERRIDE_*); see person.person_id.';
COMMENT ON COLUMN link_event.other_person_id IS 'The earlier id merged in, the new person split off, the other person carrying the NIK, or the person of the decision''s right side (OVERRIDE_SAME: the same person).';
COMMENT ON COLUMN link_event.roster_rows IS 'Staged rows of the month behind the event (for NIK_GANDA: row pairs in conflict; for OVERRIDE_*: rows on both sides of the decision).';
COMMENT ON COLUMN link_event.reference IS 'OVERRIDE_*: the reference of the reviewer''s decision (berita acara number); null for other events.';
