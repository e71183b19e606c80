-- Grain: one row per person as the link step found them (stg_roster_row.person_id).
-- The pseudonymous part of the golden record (stg_golden_record.sql: survivorship and
-- provenance), and the household the person was in the latest month they carried a KK.
SELECT
    golden.person_id,
    golden.sex,
    year(golden.birth_date) AS birth_year,
    golden.kode_desa,
    golden.first_period,
    golden.last_period,
    latest_household.household_id,
    golden.sex_source,
    golden.birth_date_source,
    golden.address_source AS kode_desa_source,
    golden.nik_count
FROM stg_golden_record AS golden
LEFT JOIN (
    SELECT person_kk.person_id, household.household_id
    FROM stg_person_kk AS person_kk
    JOIN stg_household AS household USING (no_kk)
    QUALIFY row_number() OVER (PARTITION BY person_kk.person_id ORDER BY person_kk.period DESC) = 1
) AS latest_household USING (person_id)
