-- Grain: one row per household (stg_household.sql: a family across its KK numbers).
-- The desa is where most of its members were enrolled in its latest month (ties to the lowest code).
WITH span AS (
    SELECT household_id, min(period) AS first_period, max(period) AS last_period, count(DISTINCT person_id) AS persons
    FROM household_member
    GROUP BY household_id
),
latest_member AS (
    SELECT member.household_id, member.period, member.person_id
    FROM household_member AS member
    JOIN span ON span.household_id = member.household_id AND span.last_period = member.period
),
latest_desa AS (
    SELECT household_id, kode_desa
    FROM (
        SELECT latest_member.household_id, enrollment.kode_desa, count(DISTINCT latest_member.person_id) AS persons
        FROM latest_member
        JOIN enrollment USING (period, person_id)
        GROUP BY ALL
    )
    QUALIFY row_number() OVER (PARTITION BY household_id ORDER BY persons DESC, kode_desa) = 1
)
SELECT
    span.household_id,
    latest_desa.kode_desa,
    span.first_period,
    span.last_period,
    kk.kk_numbers,
    span.persons,
    members.latest_members
FROM span
JOIN latest_desa USING (household_id)
JOIN (SELECT household_id, count(*) AS kk_numbers FROM stg_household GROUP BY household_id) AS kk USING (household_id)
JOIN (SELECT household_id, count(*) AS latest_members FROM latest_member GROUP BY household_id) AS members
    USING (household_id)
