-- severity: error
-- Every household a person, a membership or an enrollment names exists, and an enrollment's
-- household is the person's household of that month.
SELECT 'person' AS table_name, person_id AS key_value
FROM person
WHERE household_id IS NOT NULL AND household_id NOT IN (SELECT household_id FROM household)
UNION ALL
SELECT 'household_member', period || ' ' || person_id
FROM household_member
WHERE household_id NOT IN (SELECT household_id FROM household) OR person_id NOT IN (SELECT person_id FROM person)
UNION ALL
SELECT 'enrollment', enrollment.period || ' ' || enrollment.program_code || ' ' || enrollment.person_id
FROM enrollment
LEFT JOIN household_member AS member USING (period, person_id)
WHERE enrollment.household_id IS DISTINCT FROM member.household_id
