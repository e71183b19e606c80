-- Grain: one row per period x household x event x other household: what changed in a family since
-- each member's previous month on a roster.
--   NEW_KK: members carry a KK the household did not carry for them before, and stay in the
--           household (a new card after the head died, a renewed card);
--   MEMBER_LEFT: members are now in another household (a child married out under a new KK, or
--           a move into a relative's KK); other_household_id is where they went.
WITH step AS (
    SELECT
        person_kk.period,
        person_kk.person_id,
        person_kk.no_kk,
        household.household_id,
        lag(person_kk.no_kk) OVER (PARTITION BY person_kk.person_id ORDER BY person_kk.period) AS previous_kk,
        lag(household.household_id) OVER (
            PARTITION BY person_kk.person_id ORDER BY person_kk.period
        ) AS previous_household_id
    FROM stg_person_kk AS person_kk
    JOIN stg_household AS household USING (no_kk)
)
SELECT
    period,
    previous_household_id AS household_id,
    CASE WHEN household_id = previous_household_id THEN 'NEW_KK' ELSE 'MEMBER_LEFT' END AS event,
    CASE WHEN household_id <> previous_household_id THEN household_id END AS other_household_id,
    count(*) AS persons
FROM step
WHERE previous_kk IS NOT NULL AND no_kk <> previous_kk
GROUP BY ALL
