-- Grain: one row per pair of programs (program_a <= program_b; the diagonal is a program's own persons) in
-- the month ($1), both programs in $2 (comma-separated; empty: all), over the kecamatan $3 (empty: the
-- kabupaten, each person in one kecamatan a month so the kecamatans add up).
SELECT program_a,
       program_b,
       sum(persons)::BIGINT AS persons
FROM mart_program_overlap
WHERE period = $1
  AND ($2 = '' OR (list_contains(string_split($2, ','), program_a) AND list_contains(string_split($2, ','), program_b)))
  AND ($3 = '' OR kode_kecamatan = $3)
GROUP BY program_a, program_b
ORDER BY program_a, program_b
