-- Grain: one row per program pair (program_a <= program_b) of the month ($1, YYYY-MM), kabupaten-wide
-- (each person counts in one kecamatan a month, so the sum over kecamatans is exact).
WITH kabupaten AS (
    SELECT program_a, program_b, sum(persons) AS persons
    FROM mart_program_overlap
    WHERE period = $1
    GROUP BY program_a, program_b
)
SELECT pair.program_a,
       pair.program_b,
       pair.persons,
       round(100.0 * pair.persons / own.persons, 1) AS pct_of_program_a
FROM kabupaten AS pair
JOIN kabupaten AS own ON own.program_a = pair.program_a AND own.program_b = pair.program_a
ORDER BY pair.program_a, pair.program_b
