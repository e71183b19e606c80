-- Grain: one row per period x program x kecamatan with at least one recipient.
-- Each indicator counts distinct recipients the reference lists say should be checked.
WITH recipient AS (
    SELECT
        enrollment.period,
        enrollment.program_code,
        enrollment.person_id,
        desa.kode_kecamatan,
        CAST(enrollment.period || '-01' AS DATE) AS period_start
    FROM enrollment
    JOIN wilayah AS desa ON desa.kode_wilayah = enrollment.kode_desa
),
left_before AS (
    SELECT
        recipient.period,
        recipient.program_code,
        recipient.person_id,
        bool_or(dukcapil_event.event_type = 'KEMATIAN') AS deceased,
        bool_or(dukcapil_event.event_type = 'PINDAH_KELUAR') AS moved
    FROM recipient
    JOIN dukcapil_event
        ON dukcapil_event.person_id = recipient.person_id
        AND dukcapil_event.event_date < recipient.period_start
    GROUP BY recipient.period, recipient.program_code, recipient.person_id
),
family_programs AS (
    SELECT period, person_id
    FROM enrollment
    WHERE program_code IN ('PKH', 'BPNT')
)
SELECT
    recipient.period,
    recipient.program_code,
    recipient.kode_kecamatan,
    kecamatan.nama AS nama_kecamatan,
    count(DISTINCT recipient.person_id) AS recipients,
    count(DISTINCT recipient.person_id) FILTER (WHERE left_before.deceased) AS deceased_enrolled,
    count(DISTINCT recipient.person_id) FILTER (WHERE left_before.moved) AS moved_enrolled,
    count(DISTINCT recipient.person_id) FILTER (WHERE asn.person_id IS NOT NULL) AS civil_servant_enrolled,
    count(DISTINCT recipient.person_id) FILTER (WHERE car.person_id IS NOT NULL) AS car_owner_enrolled,
    count(DISTINCT recipient.person_id) FILTER (
        WHERE recipient.program_code = 'BLT_DD' AND family_programs.person_id IS NOT NULL
    ) AS exclusive_programs_enrolled
FROM recipient
JOIN wilayah AS kecamatan ON kecamatan.kode_wilayah = recipient.kode_kecamatan
LEFT JOIN left_before USING (period, program_code, person_id)
LEFT JOIN exclusion_list AS asn
    ON asn.period = recipient.period AND asn.person_id = recipient.person_id AND asn.list_type = 'PENGECUALIAN_ASN'
LEFT JOIN exclusion_list AS car
    ON car.period = recipient.period AND car.person_id = recipient.person_id
    AND car.list_type = 'PENGECUALIAN_KENDARAAN'
LEFT JOIN family_programs
    ON family_programs.period = recipient.period AND family_programs.person_id = recipient.person_id
GROUP BY recipient.period, recipient.program_code, recipient.kode_kecamatan, kecamatan.nama
