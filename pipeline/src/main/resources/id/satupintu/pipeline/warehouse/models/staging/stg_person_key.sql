-- Grain: one row per NIK key the link step saw: the person its rows were linked to in the latest
-- linked period (where one NIK was carried by two people, the one with more rows of it).
-- Reference extracts (Dukcapil events, exclusion lists) reach persons through it.
SELECT person_key, person_id
FROM (
    SELECT
        person_key,
        person_id,
        row_number() OVER (PARTITION BY person_key ORDER BY period DESC, count(*) DESC, person_id) AS choice
    FROM lake_person_link
    GROUP BY person_key, person_id, period
)
WHERE choice = 1
