-- Grain: one row per person per exclusion list per month.
SELECT DISTINCT
    lake_reference.period,
    reference_type AS list_type,
    coalesce(person_link.person_id, lake_reference.person_key) AS person_id
FROM lake_reference
LEFT JOIN stg_person_key AS person_link USING (person_key)
WHERE reference_type IN ('PENGECUALIAN_ASN', 'PENGECUALIAN_KENDARAAN')
