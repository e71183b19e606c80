-- Grain: one row per period x program x kecamatan with at least one recipient.
-- Each indicator counts distinct recipients the reference lists or the reviewers' decisions say
-- should be checked.
WITH recipient AS (
    SELECT
        enrollment.period,
        enrollment.program_code,
        enrollment.person_id,
        desa.kode_kecamatan
    FROM enrollment
    JOIN wilayah AS desa ON desa.kode_wilayah = enrollment.kode_desa
),
status_in_month AS (
    -- the person's status in the month (person_status: a reviewer's decision over Dukcapil; a
    -- person's episodes never overlap, so at most one); one row per recipient all the same
    SELECT
        recipient.period,
        recipient.program_code,
        recipient.person_id,
        bool_or(person_status.status = 'MENINGGAL') AS deceased,
        bool_or(person_status.status = 'PINDAH') AS moved,
        bool_or(person_status.status = 'MAMPU') AS well_off
    FROM recipient
    JOIN person_status
        ON person_status.person_id = recipient.person_id
        AND recipient.period >= person_status.from_period
        AND (person_status.to_period IS NULL OR recipient.period <= person_status.to_period)
    GROUP BY ALL
),
family_programs AS (
    SELECT DISTINCT period, person_id
    FROM enrollment
    WHERE program_code IN ('PKH', 'BPNT')
)
-- every join below finds at most one row per recipient (enrollment and exclusion_list are unique by
-- their keys, data test keys_are_unique), so plain counts count recipients: seven count(DISTINCT)
-- hash sets over every enrollment took 77 s of a 16 M-person build
SELECT
    recipient.period,
    recipient.program_code,
    recipient.kode_kecamatan,
    kecamatan.nama AS nama_kecamatan,
    count(*) AS recipients,
    count(*) FILTER (WHERE status_in_month.deceased) AS deceased_enrolled,
    count(*) FILTER (WHERE status_in_month.moved) AS moved_enrolled,
    count(*) FILTER (WHERE status_in_month.well_off) AS well_off_enrolled,
    count(*) FILTER (WHERE asn.person_id IS NOT NULL) AS civil_servant_enrolled,
    count(*) FILTER (WHERE car.person_id IS NOT NULL) AS car_owner_enrolled,
    count(*) FILTER (
        WHERE recipient.program_code = 'BLT_DD' AND family_programs.person_id IS NOT NULL
    ) AS exclusive_programs_enrolled
FROM recipient
JOIN wilayah AS kecamatan ON kecamatan.kode_wilayah = recipient.kode_kecamatan
LEFT JOIN status_in_month USING (period, program_code, person_id)
LEFT JOIN exclusion_list AS asn
    ON asn.period = recipient.period AND asn.person_id = recipient.person_id AND asn.list_type = 'PENGECUALIAN_ASN'
LEFT JOIN exclusion_list AS car
    ON car.period = recipient.period AND car.person_id = recipient.person_id
    AND car.list_type = 'PENGECUALIAN_KENDARAAN'
LEFT JOIN family_programs
    ON family_programs.period = recipient.period AND family_programs.person_id = recipient.person_id
GROUP BY recipient.period, recipient.program_code, recipient.kode_kecamatan, kecamatan.nama
