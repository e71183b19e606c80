-- Grain: one row per person x version: a run of months in which the person's address desa and
-- household stay the same (SCD type 2 of person attributes, over the months the person is on a
-- roster). The desa of a month is that of the person's first roster row without flags, else the
-- first row (file, row order); the household is household_member's. valid_to is the month before the
-- next version begins, null for the current version; a month the person is on no roster belongs to
-- the version before it (as of that month the person was last known there).
WITH monthly AS (
    SELECT
        period,
        person_id,
        first(kode_desa ORDER BY flags IS NOT NULL, source_file, source_row) AS kode_desa
    FROM stg_roster_row
    GROUP BY period, person_id
),
attributed AS (
    SELECT monthly.*, member.household_id
    FROM monthly
    LEFT JOIN household_member AS member USING (period, person_id)
),
changed AS (
    SELECT
        *,
        CASE
            WHEN lag(kode_desa) OVER w IS NOT DISTINCT FROM kode_desa
                AND lag(household_id) OVER w IS NOT DISTINCT FROM household_id
                AND lag(period) OVER w IS NOT NULL
            THEN 0
            ELSE 1
        END AS starts
    FROM attributed
    WINDOW w AS (PARTITION BY person_id ORDER BY period)
),
versioned AS (
    SELECT *, sum(starts) OVER (PARTITION BY person_id ORDER BY period) AS version
    FROM changed
),
version AS (
    SELECT
        person_id,
        version,
        min(period) AS valid_from,
        max(period) AS last_seen,
        count(*) AS months,
        any_value(kode_desa) AS kode_desa,
        any_value(household_id) AS household_id
    FROM versioned
    GROUP BY person_id, version
)
SELECT
    person_id,
    CAST(version AS INTEGER) AS version,
    kode_desa,
    household_id,
    valid_from,
    strftime(
        CAST(lead(valid_from) OVER (PARTITION BY person_id ORDER BY version) || '-01' AS DATE) - INTERVAL 1 MONTH,
        '%Y-%m'
    ) AS valid_to,
    last_seen,
    months
FROM version
