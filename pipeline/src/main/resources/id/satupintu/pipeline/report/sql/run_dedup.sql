-- Grain: one row: what the link step made of the month's ($1, YYYY-MM) roster rows.
WITH staged AS (
    SELECT coalesce(sum(rows_staged), 0) AS rows_staged
    FROM file_manifest
    WHERE period = $1
      AND status = 'INGESTED'
      AND program_code IN (SELECT program_code FROM program)
),
persons AS (
    SELECT count(DISTINCT person_id) AS persons
    FROM enrollment
    WHERE period = $1
),
events AS (
    SELECT count(*) FILTER (WHERE event = 'MERGE') AS merges,
           count(*) FILTER (WHERE event = 'SPLIT') AS splits,
           count(*) FILTER (WHERE event = 'NIK_GANDA') AS nik_ganda,
           count(*) FILTER (WHERE event IN ('OVERRIDE_SAME', 'OVERRIDE_DIFFERENT')) AS overrides_applied
    FROM link_event
    WHERE period = $1
),
review AS (
    SELECT count(*) AS review_pairs
    FROM review_pair
    WHERE period = $1
),
attached AS (
    SELECT count(*) AS rejected_rows_attached
    FROM reject
    WHERE period = $1
      AND probable_person_id IS NOT NULL
)
SELECT rows_staged, persons, merges, splits, nik_ganda, overrides_applied, review_pairs, rejected_rows_attached
FROM staged, persons, events, review, attached
