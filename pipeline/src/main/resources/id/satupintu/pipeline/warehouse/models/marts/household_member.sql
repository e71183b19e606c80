-- Grain: one row per period x person with a No. KK on a roster that month: the household the
-- person was in (stg_person_kk: the KK most of their rows carry; stg_household: the family of KKs).
SELECT person_kk.period, household.household_id, person_kk.person_id
FROM stg_person_kk AS person_kk
JOIN stg_household AS household USING (no_kk)
