-- severity: error
-- The month-over-month mart against the enrollments. Per program and month, kabupaten-wide (where
-- moves between kecamatans cancel out): the recipients of the month and of the month before, the
-- persons added and exited, all null when the program has no enrollment the month before. Per
-- kecamatan: the recipients of mart_recipients_kecamatan, and
-- recipients = previous_recipients + added - exited + moved_in - moved_out.
WITH program_month AS (
    SELECT
        period,
        program_code,
        strftime(CAST(period || '-01' AS DATE) - INTERVAL 1 MONTH, '%Y-%m') AS previous_period,
        count(*) AS recipients
    FROM enrollment
    GROUP BY period, program_code
),
stayed AS (
    SELECT this_month.period, this_month.program_code, count(*) AS persons
    FROM enrollment AS this_month
    JOIN enrollment AS month_before
        ON month_before.program_code = this_month.program_code
        AND month_before.person_id = this_month.person_id
        AND month_before.period = strftime(CAST(this_month.period || '-01' AS DATE) - INTERVAL 1 MONTH, '%Y-%m')
    GROUP BY this_month.period, this_month.program_code
),
expected AS (
    SELECT
        program_month.period,
        program_month.program_code,
        program_month.recipients,
        month_before.recipients AS previous_recipients,
        -- null, as exited is, when there is no month before to compare with
        CASE WHEN month_before.recipients IS NOT NULL THEN program_month.recipients - coalesce(stayed.persons, 0) END
            AS added,
        month_before.recipients - coalesce(stayed.persons, 0) AS exited
    FROM program_month
    LEFT JOIN program_month AS month_before
        ON month_before.program_code = program_month.program_code
        AND month_before.period = program_month.previous_period
    LEFT JOIN stayed ON stayed.period = program_month.period AND stayed.program_code = program_month.program_code
),
mart AS (
    SELECT
        period,
        program_code,
        sum(recipients) AS recipients,
        sum(previous_recipients) AS previous_recipients,
        sum(added) AS added,
        sum(exited) AS exited,
        sum(moved_in) AS moved_in,
        sum(moved_out) AS moved_out
    FROM mart_changes_kecamatan
    GROUP BY period, program_code
)
SELECT period, program_code, NULL AS kode_kecamatan, 'kabupaten totals' AS failing
FROM expected
FULL JOIN mart USING (period, program_code)
WHERE expected.recipients IS DISTINCT FROM mart.recipients
    OR expected.previous_recipients IS DISTINCT FROM mart.previous_recipients
    OR expected.added IS DISTINCT FROM mart.added
    OR expected.exited IS DISTINCT FROM mart.exited
    OR mart.moved_in IS DISTINCT FROM mart.moved_out
UNION ALL
SELECT period, program_code, kode_kecamatan, 'recipients of mart_recipients_kecamatan'
FROM (SELECT * FROM mart_changes_kecamatan WHERE recipients > 0) AS changes
FULL JOIN mart_recipients_kecamatan AS recipients USING (period, program_code, kode_kecamatan)
WHERE changes.recipients IS DISTINCT FROM recipients.recipients
UNION ALL
SELECT period, program_code, kode_kecamatan, 'recipients = previous + added - exited + moved in - moved out'
FROM mart_changes_kecamatan
WHERE previous_recipients IS NOT NULL
    AND recipients <> previous_recipients + added - exited + moved_in - moved_out
