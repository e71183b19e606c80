-- Grain: one row per period x program x kecamatan with a recipient that month or the month before,
-- for the months in which the program has an enrollment.
-- The month before is the calendar month before. When the program has no enrollment at all that
-- month (the first month of the lake, a month the lake lacks, a roster refused whole), there is
-- nothing to compare with: previous_recipients, added, exited, moved_in and moved_out are null
-- rather than counting every recipient as added.
-- A person enrolled both months whose address changed kecamatan is neither added nor exited but
-- moved out of one kecamatan and into the other, so in every row
-- recipients = previous_recipients + added - exited + moved_in - moved_out.
WITH enrollment_kecamatan AS (
    SELECT
        enrollment.period,
        enrollment.program_code,
        enrollment.person_id,
        desa.kode_kecamatan
    FROM enrollment
    JOIN wilayah AS desa ON desa.kode_wilayah = enrollment.kode_desa
),
program_month AS (
    SELECT DISTINCT period, program_code FROM enrollment
),
compared AS (
    SELECT
        program_month.period,
        program_month.program_code,
        strftime(CAST(program_month.period || '-01' AS DATE) - INTERVAL 1 MONTH, '%Y-%m') AS previous_period,
        month_before.period IS NOT NULL AS has_previous
    FROM program_month
    LEFT JOIN program_month AS month_before
        ON month_before.program_code = program_month.program_code
        AND month_before.period
            = strftime(CAST(program_month.period || '-01' AS DATE) - INTERVAL 1 MONTH, '%Y-%m')
),
previous_enrollment AS (
    -- the month before's enrollments, under the month they are compared with
    SELECT
        compared.period,
        enrollment_kecamatan.program_code,
        enrollment_kecamatan.person_id,
        enrollment_kecamatan.kode_kecamatan
    FROM compared
    JOIN enrollment_kecamatan
        ON enrollment_kecamatan.period = compared.previous_period
        AND enrollment_kecamatan.program_code = compared.program_code
),
side_by_side AS (
    SELECT
        period,
        program_code,
        person_id,
        this_month.kode_kecamatan AS kecamatan_now,
        month_before.kode_kecamatan AS kecamatan_before
    FROM enrollment_kecamatan AS this_month
    FULL JOIN previous_enrollment AS month_before USING (period, program_code, person_id)
),
counted AS (
    SELECT
        period,
        program_code,
        kecamatan_now AS kode_kecamatan,
        true AS is_now,
        kecamatan_before IS NULL AS is_added,
        false AS is_exited,
        coalesce(kecamatan_before <> kecamatan_now, false) AS is_moved_in,
        false AS is_moved_out
    FROM side_by_side
    WHERE kecamatan_now IS NOT NULL
    UNION ALL
    SELECT
        period,
        program_code,
        kecamatan_before,
        false,
        false,
        kecamatan_now IS NULL,
        false,
        coalesce(kecamatan_now <> kecamatan_before, false)
    FROM side_by_side
    WHERE kecamatan_before IS NOT NULL
)
SELECT
    counted.period,
    counted.program_code,
    counted.kode_kecamatan,
    kecamatan.nama AS nama_kecamatan,
    compared.previous_period,
    count(*) FILTER (WHERE counted.is_now) AS recipients,
    CASE WHEN compared.has_previous THEN count(*) FILTER (WHERE NOT counted.is_now) END AS previous_recipients,
    CASE WHEN compared.has_previous THEN count(*) FILTER (WHERE counted.is_added) END AS added,
    CASE WHEN compared.has_previous THEN count(*) FILTER (WHERE counted.is_exited) END AS exited,
    CASE WHEN compared.has_previous THEN count(*) FILTER (WHERE counted.is_moved_in) END AS moved_in,
    CASE WHEN compared.has_previous THEN count(*) FILTER (WHERE counted.is_moved_out) END AS moved_out
FROM counted
JOIN compared USING (period, program_code)
JOIN wilayah AS kecamatan ON kecamatan.kode_wilayah = counted.kode_kecamatan
GROUP BY
    counted.period,
    counted.program_code,
    counted.kode_kecamatan,
    kecamatan.nama,
    compared.previous_period,
    compared.has_previous
