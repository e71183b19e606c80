-- Grain: one row per person (exact valid NIK, as its pseudonymous key).
WITH rows_by_recency AS (
    SELECT
        person_id,
        sex,
        birth_date,
        kode_desa,
        period,
        -- latest month first; within a month a stable order by file and row
        row_number() OVER (PARTITION BY person_id ORDER BY period DESC, source_file, source_row) AS recency
    FROM stg_roster_row
),
sex_votes AS (
    SELECT person_id, mode(sex) AS sex
    FROM stg_roster_row
    WHERE sex IS NOT NULL
    GROUP BY person_id
),
latest_birth_year AS (
    SELECT person_id, arg_max(year(birth_date), period) AS birth_year
    FROM stg_roster_row
    WHERE birth_date IS NOT NULL
    GROUP BY person_id
),
span AS (
    SELECT person_id, min(period) AS first_period, max(period) AS last_period
    FROM stg_roster_row
    GROUP BY person_id
)
SELECT
    latest.person_id,
    sex_votes.sex,
    latest_birth_year.birth_year,
    latest.kode_desa,
    span.first_period,
    span.last_period
FROM rows_by_recency AS latest
JOIN span USING (person_id)
LEFT JOIN sex_votes USING (person_id)
LEFT JOIN latest_birth_year USING (person_id)
WHERE latest.recency = 1
