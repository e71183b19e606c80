-- Grain: one row per person per exclusion list per month.
SELECT DISTINCT
    period,
    reference_type AS list_type,
    person_key AS person_id
FROM lake_reference
WHERE reference_type IN ('PENGECUALIAN_ASN', 'PENGECUALIAN_KENDARAAN')
