-- severity: error
-- The histories account for every month: a person's enrollment episodes on a program cover exactly
-- their enrollment rows, every ended episode has a reason, and a person's versions cover exactly
-- the months they are on a roster.
WITH episodes AS (
    SELECT person_id, program_code, sum(months) AS months,
        count(*) FILTER (WHERE (exit_period IS NULL) <> (exit_reason IS NULL)) AS unexplained
    FROM enrollment_episode GROUP BY ALL
),
enrolled AS (
    SELECT person_id, program_code, count(*) AS months FROM enrollment GROUP BY ALL
),
versions AS (
    SELECT person_id, sum(months) AS months FROM person_version GROUP BY ALL
),
on_roster AS (
    -- distinct months by grouping first, which spills (count(DISTINCT) per person ran out of memory
    -- over 16 M persons)
    SELECT person_id, count(*) AS months FROM (SELECT DISTINCT person_id, period FROM enrollment) GROUP BY ALL
)
SELECT 'enrollment_episode' AS table_name, person_id, program_code
FROM episodes
FULL JOIN enrolled USING (person_id, program_code)
WHERE episodes.months IS DISTINCT FROM enrolled.months OR episodes.unexplained > 0
UNION ALL
SELECT 'person_version', person_id, NULL
FROM versions
FULL JOIN on_roster USING (person_id)
WHERE versions.months IS DISTINCT FROM on_roster.months
