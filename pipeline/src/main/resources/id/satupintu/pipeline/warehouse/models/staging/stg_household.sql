-- Grain: one row per No. KK seen on a roster: the household it belongs to.
-- A household is a family across its KK numbers: Dukcapil issues a new KK when the head dies or a
-- card is renewed, and the family carries on under it. KK B continues KK A when more than half of
-- A's members who are on a roster again at their next month carry B then, and they are more than
-- half of B's members who were on a roster before. So a grown child who marries out under a new KK
-- (pecah KK) takes neither the family along nor, into it, the spouse's family; one person with a
-- mistyped KK cannot chain two families. A KK of which one member is seen continues wherever that
-- member goes, unless others seen before join them there.
-- The KKs joined this way form one household, named after its founding KK: the one seen first
-- (earliest month, then lowest person id among its members that month). The id is a hash of that
-- month and person id: it holds no KK number, and it is the same in every build of a lake that
-- keeps its months (backfilling a month before the founding month can change it).
-- Materialized as a temporary table: it holds No. KK.
WITH RECURSIVE
observed AS (
    SELECT
        period,
        no_kk,
        lead(period) OVER (PARTITION BY person_id ORDER BY period) AS next_period,
        lead(no_kk) OVER (PARTITION BY person_id ORDER BY period) AS next_kk
    FROM stg_person_kk
),
transition AS (
    SELECT period, next_period, no_kk AS kk_from, next_kk AS kk_to, count(*) AS persons
    FROM observed
    WHERE next_kk IS NOT NULL
    GROUP BY ALL
),
continuation AS (
    SELECT DISTINCT transition.kk_from, transition.kk_to
    FROM transition
    JOIN (
        SELECT period, kk_from, sum(persons) AS seen_again FROM transition GROUP BY ALL
    ) AS leaving USING (period, kk_from)
    JOIN (
        SELECT next_period, kk_to, sum(persons) AS seen_before FROM transition GROUP BY ALL
    ) AS arriving USING (next_period, kk_to)
    WHERE transition.kk_to <> transition.kk_from
        AND 2 * transition.persons > leaving.seen_again
        AND 2 * transition.persons > arriving.seen_before
),
edge AS (
    SELECT kk_from AS kk, kk_to AS other FROM continuation
    UNION
    SELECT kk_to, kk_from FROM continuation
),
-- every KK joined to an edge's KK, by any number of continuations (UNION: each pair once, so the
-- recursion ends)
reach(kk, joined) AS (
    SELECT DISTINCT kk, kk FROM edge
    UNION
    SELECT edge.other, reach.joined FROM reach JOIN edge ON edge.kk = reach.kk
),
kk AS (
    SELECT no_kk, period || ':' || min(person_id) AS founding_key
    FROM stg_person_kk
    GROUP BY no_kk, period
    QUALIFY row_number() OVER (PARTITION BY no_kk ORDER BY period) = 1
),
household AS (
    SELECT reach.kk AS no_kk, min(kk.founding_key) AS founding_key
    FROM reach
    JOIN kk ON kk.no_kk = reach.joined
    GROUP BY reach.kk
)
SELECT
    kk.no_kk,
    'H' || substr(sha256(coalesce(household.founding_key, kk.founding_key)), 1, 19) AS household_id
FROM kk
LEFT JOIN household USING (no_kk)
