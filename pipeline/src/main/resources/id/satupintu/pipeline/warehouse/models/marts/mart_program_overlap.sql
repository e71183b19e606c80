-- Grain: one row per period x kecamatan x program pair (program_a <= program_b) with at least one
-- person; the diagonal (program_a = program_b) gives each program's own persons.
-- Each person counts in one kecamatan a month, so every kabupaten total is an exact sum: the
-- kecamatan most of their enrollments of the month sit in; on a tie, the one of the first program
-- in code order (each program has one enrollment per person and month, so there is no further tie).
WITH enrollment_kecamatan AS (
    SELECT
        enrollment.period,
        enrollment.program_code,
        enrollment.person_id,
        desa.kode_kecamatan
    FROM enrollment
    JOIN wilayah AS desa ON desa.kode_wilayah = enrollment.kode_desa
),
person_kecamatan AS (
    SELECT period, person_id, kode_kecamatan
    FROM (
        SELECT
            period,
            person_id,
            kode_kecamatan,
            row_number() OVER (
                PARTITION BY period, person_id ORDER BY count(*) DESC, min(program_code), kode_kecamatan
            ) AS choice
        FROM enrollment_kecamatan
        GROUP BY period, person_id, kode_kecamatan
    )
    WHERE choice = 1
)
SELECT
    a.period,
    person_kecamatan.kode_kecamatan,
    kecamatan.nama AS nama_kecamatan,
    a.program_code AS program_a,
    b.program_code AS program_b,
    count(*) AS persons
FROM enrollment AS a
JOIN enrollment AS b
    ON b.period = a.period
    AND b.person_id = a.person_id
    AND b.program_code >= a.program_code
JOIN person_kecamatan
    ON person_kecamatan.period = a.period
    AND person_kecamatan.person_id = a.person_id
JOIN wilayah AS kecamatan ON kecamatan.kode_wilayah = person_kecamatan.kode_kecamatan
GROUP BY a.period, person_kecamatan.kode_kecamatan, kecamatan.nama, a.program_code, b.program_code
