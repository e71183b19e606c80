-- Grain: one row per period x household x event x other household.
CREATE TABLE household_event (
    period VARCHAR NOT NULL,
    household_id VARCHAR NOT NULL,
    event VARCHAR NOT NULL,
    other_household_id VARCHAR,
    persons BIGINT NOT NULL
);
COMMENT ON TABLE household_event IS 'Changes of a family since each member''s previous month on a roster: a new KK for the same household, or members leaving for another household.';
COMMENT ON COLUMN household_event.period IS 'Month the change was first seen, YYYY-MM.';
COMMENT ON COLUMN household_event.household_id IS 'The household the members were in before.';
COMMENT ON COLUMN household_event.event IS 'NEW_KK (members carry a new KK and stay in the household) or MEMBER_LEFT (members are now in other_household_id).';
COMMENT ON COLUMN household_event.other_household_id IS 'MEMBER_LEFT: the household the members are in now; null for NEW_KK.';
COMMENT ON COLUMN household_event.persons IS 'How many members the change concerns.';
