-- Grain: one row per person x program x episode: a run of the program's months in which the person
-- is on its roster (SCD type 2 of enrollment). A month the program has no roster at all (not
-- delivered, refused whole) neither ends nor breaks an episode: episodes run over the program's own
-- months. An episode ends when the program has a roster and the person is not on it; the exit gets
-- the reason known for that month, in this order:
--   DUPLIKAT: the link step merged the person into another that month (link_event MERGE);
--   MENINGGAL, PINDAH, MAMPU: the person's status in force that month (person_status: Dukcapil's
--     reports and reviewers' or musyawarah decisions, a decision winning);
--   KELUAR_DARI_DAFTAR: dropped from the roster, no reason known.
WITH program_month AS (
    SELECT program_code, period, row_number() OVER (PARTITION BY program_code ORDER BY period) AS month_no
    FROM (SELECT DISTINCT program_code, period FROM enrollment)
),
enrolled AS (
    SELECT
        enrollment.person_id,
        enrollment.program_code,
        enrollment.period,
        program_month.month_no,
        program_month.month_no
            - row_number() OVER (PARTITION BY enrollment.person_id, enrollment.program_code ORDER BY program_month.month_no)
            AS island
    FROM enrollment
    JOIN program_month USING (program_code, period)
),
episode AS (
    SELECT
        person_id,
        program_code,
        min(period) AS from_period,
        max(period) AS to_period,
        min(month_no) AS first_month_no,
        max(month_no) AS last_month_no,
        count(*) AS months
    FROM enrolled
    GROUP BY person_id, program_code, island
),
numbered AS (
    SELECT
        episode.*,
        row_number() OVER (PARTITION BY episode.person_id, episode.program_code ORDER BY episode.from_period)
            AS episode_no,
        next_month.period AS exit_period
    FROM episode
    LEFT JOIN program_month AS next_month
        ON next_month.program_code = episode.program_code AND next_month.month_no = episode.last_month_no + 1
),
merged AS (
    SELECT period, other_person_id AS person_id, min(person_id) AS merged_into
    FROM link_event
    WHERE event = 'MERGE'
    GROUP BY period, other_person_id
),
status_at_exit AS (
    SELECT numbered.person_id, numbered.program_code, numbered.from_period, status.status, status.source, status.reference
    FROM numbered
    JOIN person_status AS status
        ON status.person_id = numbered.person_id
        AND status.from_period <= numbered.exit_period
        AND (status.to_period IS NULL OR status.to_period >= numbered.exit_period)
    WHERE status.status <> 'AKTIF'
)
SELECT
    numbered.person_id,
    numbered.program_code,
    numbered.episode_no,
    CASE
        WHEN numbered.first_month_no = 1 THEN 'AWAL'
        WHEN numbered.episode_no = 1 THEN 'BARU'
        ELSE 'MASUK_KEMBALI'
    END AS entry_kind,
    numbered.from_period,
    numbered.to_period,
    numbered.months,
    numbered.exit_period,
    CASE
        WHEN numbered.exit_period IS NULL THEN NULL
        WHEN merged.merged_into IS NOT NULL THEN 'DUPLIKAT'
        WHEN status_at_exit.status IS NOT NULL THEN status_at_exit.status
        ELSE 'KELUAR_DARI_DAFTAR'
    END AS exit_reason,
    CASE
        WHEN numbered.exit_period IS NULL THEN NULL
        WHEN merged.merged_into IS NOT NULL THEN 'LINK'
        WHEN status_at_exit.status IS NOT NULL THEN status_at_exit.source
        ELSE 'ROSTER'
    END AS exit_basis,
    CASE WHEN merged.merged_into IS NULL THEN status_at_exit.reference END AS exit_reference,
    merged.merged_into
FROM numbered
LEFT JOIN merged ON merged.person_id = numbered.person_id AND merged.period = numbered.exit_period
LEFT JOIN status_at_exit
    ON status_at_exit.person_id = numbered.person_id
    AND status_at_exit.program_code = numbered.program_code
    AND status_at_exit.from_period = numbered.from_period
