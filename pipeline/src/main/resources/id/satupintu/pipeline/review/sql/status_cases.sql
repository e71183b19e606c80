-- Grain: one row per person x desa of the month's rosters ($1, YYYY-MM) with a reason to check the
-- person: a status in force in the month (deceased, moved away, well-off: person_status) or an
-- exclusion list of the month (civil servants, car owners). Name and RT/RW from the golden record
-- (RT/RW only when its address is in that desa). Reads the warehouse and the view golden_record.
WITH month_enrollment AS (
    SELECT person_id, kode_desa, string_agg(program_code, ', ' ORDER BY program_code) AS programs
    FROM enrollment
    WHERE period = $1
    GROUP BY person_id, kode_desa
),
status_in_force AS (
    SELECT person_id, status, source, event_date, reference, decided_on
    FROM person_status
    WHERE from_period <= $1
        AND (to_period IS NULL OR to_period >= $1)
        AND status IN ('MENINGGAL', 'PINDAH', 'MAMPU')
),
listed AS (
    SELECT person_id, string_agg(DISTINCT list_type, ',' ORDER BY list_type) AS lists
    FROM exclusion_list
    WHERE period = $1
    GROUP BY person_id
)
SELECT enrolled.kode_desa,
       enrolled.person_id,
       golden.nama,
       CASE WHEN golden.kode_desa = enrolled.kode_desa THEN golden.rt END AS rt,
       CASE WHEN golden.kode_desa = enrolled.kode_desa THEN golden.rw END AS rw,
       enrolled.programs,
       status.status,
       status.source,
       status.event_date,
       status.reference,
       status.decided_on,
       listed.lists
FROM month_enrollment AS enrolled
LEFT JOIN status_in_force AS status ON status.person_id = enrolled.person_id
LEFT JOIN listed ON listed.person_id = enrolled.person_id
LEFT JOIN golden_record AS golden ON golden.person_id = enrolled.person_id
WHERE status.person_id IS NOT NULL OR listed.person_id IS NOT NULL
ORDER BY enrolled.kode_desa, enrolled.person_id
