-- Grain: one row per warehouse month x person on the DTSEN extract in force that month: the latest
-- extract delivered for that month or before it (DTSEN is updated four times a year; a month without
-- an extract keeps the last one, and edition_period says which). A person listed twice in one
-- extract keeps the first row (file, then row). A row without a valid No. KK (flagged KK_INVALID)
-- names no family and is left out.
-- A member reaches a person of the registry through the NIK key the link step saw on the rosters
-- (stg_person_key, as dukcapil_event and exclusion_list do); a member whose NIK no roster carries
-- keeps the NIK key as person_id and in_registry false.
-- Materialized as a temporary table of the build session.
WITH warehouse_month AS (
    SELECT DISTINCT period FROM lake_manifest
),
extract_month AS (
    SELECT DISTINCT period FROM lake_reference WHERE reference_type = 'DTSEN'
),
edition AS (
    SELECT warehouse_month.period, max(extract_month.period) AS edition_period
    FROM warehouse_month
    JOIN extract_month ON extract_month.period <= warehouse_month.period
    GROUP BY warehouse_month.period
)
SELECT
    edition.period,
    edition.edition_period,
    dtsen.family_key,
    coalesce(person_key.person_id, dtsen.person_key) AS person_id,
    person_key.person_id IS NOT NULL AS in_registry,
    dtsen.desil,
    dtsen.kode_desa,
    dtsen.event_date AS as_of_date
FROM edition
JOIN lake_reference AS dtsen
    ON dtsen.period = edition.edition_period AND dtsen.reference_type = 'DTSEN'
LEFT JOIN stg_person_key AS person_key ON person_key.person_key = dtsen.person_key
WHERE dtsen.family_key IS NOT NULL
QUALIFY row_number() OVER (
    PARTITION BY edition.period, coalesce(person_key.person_id, dtsen.person_key)
    ORDER BY dtsen.source_file, dtsen.source_row
) = 1
