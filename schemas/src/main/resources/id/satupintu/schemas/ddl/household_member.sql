-- Grain: one row per period x person whose No. KK a roster of that month gives.
CREATE TABLE household_member (
    period VARCHAR NOT NULL,
    household_id VARCHAR NOT NULL,
    person_id VARCHAR NOT NULL
);
COMMENT ON TABLE household_member IS 'Who was in which household each month: the person''s No. KK that month (the one most of their roster rows carry), and the household that KK belongs to.';
COMMENT ON COLUMN household_member.period IS 'Roster month, YYYY-MM.';
COMMENT ON COLUMN household_member.household_id IS 'The household (household.household_id).';
COMMENT ON COLUMN household_member.person_id IS 'The person (person.person_id).';
