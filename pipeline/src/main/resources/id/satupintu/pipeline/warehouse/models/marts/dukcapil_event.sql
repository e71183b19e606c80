-- Grain: one row per death or move-out Dukcapil reported for a person.
SELECT
    person_key AS person_id,
    event_type,
    event_date,
    kode_desa,
    kode_wilayah_tujuan,
    period AS reported_period
FROM lake_reference
WHERE reference_type = 'DUKCAPIL_PERISTIWA'
  AND event_type IN ('KEMATIAN', 'PINDAH_KELUAR')
