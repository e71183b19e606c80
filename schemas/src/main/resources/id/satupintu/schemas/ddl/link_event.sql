-- Grain: one change of the person registry in a month: a merge, a split, or a NIK carried by two people.
CREATE TABLE link_event (
    period VARCHAR NOT NULL,
    event VARCHAR NOT NULL,
    person_id VARCHAR NOT NULL,
    other_person_id VARCHAR NOT NULL,
    roster_rows BIGINT NOT NULL
);
COMMENT ON TABLE link_event IS 'What the link step changed in the person registry each month: persons merged (rows that carried two earlier ids are one person), split (rows of one earlier id are two people) and NIK ganda (one NIK on rows of two people, kept apart), for Dinas Sosial to verify.';
COMMENT ON COLUMN link_event.period IS 'Roster month the link step ran for, YYYY-MM.';
COMMENT ON COLUMN link_event.event IS 'MERGE, SPLIT or NIK_GANDA.';
COMMENT ON COLUMN link_event.person_id IS 'The person that stays (MERGE, SPLIT), or one of the two persons (NIK_GANDA); see person.person_id.';
COMMENT ON COLUMN link_event.other_person_id IS 'The earlier id merged in, the new person split off, or the other person carrying the NIK.';
COMMENT ON COLUMN link_event.roster_rows IS 'Staged rows of the month behind the event (for NIK_GANDA: row pairs in conflict).';
