-- severity: error
-- The overlap mart, summed over kecamatans, gives for every program pair of a month the persons
-- enrolled in both, and on the diagonal the persons of each program: each person counted once.
WITH pairs AS (
    SELECT a.period, a.program_code AS program_a, b.program_code AS program_b, count(*) AS persons
    FROM enrollment AS a
    JOIN enrollment AS b
        ON b.period = a.period
        AND b.person_id = a.person_id
        AND b.program_code >= a.program_code
    GROUP BY a.period, a.program_code, b.program_code
),
mart AS (
    SELECT period, program_a, program_b, sum(persons) AS persons
    FROM mart_program_overlap
    GROUP BY period, program_a, program_b
)
SELECT period, program_a, program_b, pairs.persons AS enrolled, mart.persons AS in_mart
FROM pairs
FULL JOIN mart USING (period, program_a, program_b)
WHERE pairs.persons IS DISTINCT FROM mart.persons
