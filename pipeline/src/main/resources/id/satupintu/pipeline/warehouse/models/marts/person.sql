-- Grain: one row per person as the link step found them (stg_roster_row.person_id).
-- One pass over the staged rows. Every choice among rows is ordered the same way (latest month
-- first, then file name, then row), so a rebuild of the same lake gives the same persons.
SELECT
    person_id,
    CASE
        WHEN count(*) FILTER (WHERE sex = 'P') > count(*) FILTER (WHERE sex = 'L') THEN 'P'
        WHEN count(*) FILTER (WHERE sex = 'L') > count(*) FILTER (WHERE sex = 'P') THEN 'L'
        -- as many rosters say one as the other: the latest says
        ELSE first(sex ORDER BY period DESC, source_file, source_row) FILTER (WHERE sex IS NOT NULL)
    END AS sex,
    first(year(birth_date) ORDER BY period DESC, source_file, source_row) FILTER (WHERE birth_date IS NOT NULL)
        AS birth_year,
    first(kode_desa ORDER BY period DESC, source_file, source_row) AS kode_desa,
    min(period) AS first_period,
    max(period) AS last_period
FROM stg_roster_row
GROUP BY person_id
