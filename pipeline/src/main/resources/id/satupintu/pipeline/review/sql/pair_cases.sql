-- Grain: one pair of roster rows of the month ($1, YYYY-MM) for a person to decide: the link's review
-- queue (an uncertain match, or NIK ganda: one NIK on rows that share nothing else), and for each
-- person whose rows carry several NIKs (person.nik_count > 1), the first row of each further NIK
-- beside the first row of the first. Each side with its desa, name and RT/RW as the roster wrote
-- them, and how many rows of its program carry its NIK key this month (more than one: the side
-- cannot be told apart, and no decision can be recorded on it). Reads the warehouse and the views
-- staged_row and person_link of the month.
WITH queue AS (
    SELECT CASE band WHEN 'conflict' THEN 'NIK_GANDA' ELSE 'UNCERTAIN' END AS kind, source_file_l, source_row_l, source_file_r, source_row_r,
           match_probability
    FROM review_pair
    WHERE period = $1
),
several_niks AS (
    SELECT person_id
    FROM person
    WHERE nik_count > 1
),
first_row_of_each_key AS (
    SELECT link.person_id, link.person_key, link.source_file, link.source_row
    FROM person_link AS link
    JOIN several_niks USING (person_id)
    QUALIFY row_number() OVER (
        PARTITION BY link.person_id, link.person_key ORDER BY link.source_file, link.source_row) = 1
),
first_row_of_each_nik AS (
    SELECT *, row_number() OVER (PARTITION BY person_id ORDER BY source_file, source_row) AS nik_order
    FROM first_row_of_each_key
),
several_nik_pairs AS (
    SELECT 'SEVERAL_NIKS' AS kind, first.source_file AS source_file_l, first.source_row AS source_row_l,
           further.source_file AS source_file_r, further.source_row AS source_row_r,
           NULL::DOUBLE AS match_probability
    FROM first_row_of_each_nik AS first
    JOIN first_row_of_each_nik AS further ON further.person_id = first.person_id AND further.nik_order > 1
    WHERE first.nik_order = 1
),
rows_per_key AS (
    SELECT program_code, person_key, count(*) AS key_rows
    FROM person_link
    GROUP BY program_code, person_key
),
side AS (
    SELECT staged.source_file, staged.source_row, staged.program_code, staged.nama, staged.kode_desa,
           staged.rt, staged.rw, rows_per_key.key_rows
    FROM staged_row AS staged
    JOIN rows_per_key USING (program_code, person_key)
),
cases AS (
    SELECT * FROM queue
    UNION ALL
    SELECT * FROM several_nik_pairs
)
SELECT cases.kind,
       cases.match_probability,
       l.source_file AS file_l, l.source_row AS row_l, l.program_code AS program_l, l.nama AS nama_l,
       l.kode_desa AS desa_l, l.rt AS rt_l, l.rw AS rw_l, l.key_rows AS key_rows_l,
       r.source_file AS file_r, r.source_row AS row_r, r.program_code AS program_r, r.nama AS nama_r,
       r.kode_desa AS desa_r, r.rt AS rt_r, r.rw AS rw_r, r.key_rows AS key_rows_r
FROM cases
JOIN side AS l ON l.source_file = cases.source_file_l AND l.source_row = cases.source_row_l
JOIN side AS r ON r.source_file = cases.source_file_r AND r.source_row = cases.source_row_r
ORDER BY cases.kind, l.source_file, l.source_row, r.source_file, r.source_row
