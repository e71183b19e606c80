-- Grain: one row per death or move-out Dukcapil reported for a person.
SELECT
    coalesce(person_link.person_id, lake_reference.person_key) AS person_id,
    event_type,
    event_date,
    lake_reference.kode_desa,
    kode_wilayah_tujuan,
    lake_reference.period AS reported_period
FROM lake_reference
LEFT JOIN stg_person_key AS person_link USING (person_key)
WHERE reference_type = 'DUKCAPIL_PERISTIWA'
  AND event_type IN ('KEMATIAN', 'PINDAH_KELUAR')
