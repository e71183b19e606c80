-- Grain: one row per kecamatan x program pair (program_a <= program_b) of the month ($1, YYYY-MM),
-- with the share of program_a's own persons in the kecamatan that are also on program_b.
WITH month_overlap AS (
    SELECT *
    FROM mart_program_overlap
    WHERE period = $1
)
SELECT pair.kode_kecamatan,
       pair.nama_kecamatan,
       pair.program_a,
       pair.program_b,
       pair.persons,
       round(100.0 * pair.persons / own.persons, 1) AS pct_of_program_a
FROM month_overlap AS pair
JOIN month_overlap AS own
    ON own.kode_kecamatan = pair.kode_kecamatan
    AND own.program_a = pair.program_a
    AND own.program_b = pair.program_a
ORDER BY pair.kode_kecamatan, pair.program_a, pair.program_b
