-- Grain: one row per person (stg_roster_row.person_id): the golden record. Each field comes from
-- the most trusted row that gives it, and names that row (provenance: source, month, file:row).
-- Survivorship, in order:
--   1. the source's tier: Dukcapil extracts (1) over DTSEN/DTKS extracts (2) over program rosters (3);
--   2. recency: the latest month;
--   3. validity: a row that raised no flag before one that did;
--   4. file name and row, so a rebuild of the same lake chooses the same rows.
-- The address (desa, RT, RW, street) is one field: all its parts come from the same row (arg_min_null:
-- an RT the chosen row lacks stays empty rather than coming from another row), so a
-- record never pairs one source's desa with another's street.
-- Extracts reach a person through the NIK the link step saw on the rosters (stg_person_key); an
-- extract row whose NIK no roster carries describes no person of the registry.
-- Materialized as a temporary table: it holds NIK, No. KK, names and birth dates. Only the
-- pseudonymous fields reach the warehouse (person.sql); the whole record is written to the
-- restricted lake (lake/registry/golden_record.parquet) by the build.
WITH source_row AS (
    SELECT
        person_id,
        3 AS tier,
        period,
        program_code AS source,
        source_file,
        source_row,
        flags IS NULL AS valid,
        nik,
        no_kk,
        nama,
        sex,
        birth_date,
        kode_desa,
        rt,
        rw,
        alamat
    FROM stg_roster_row
    UNION ALL
    SELECT
        person_key.person_id,
        CASE WHEN reference.reference_type LIKE 'DUKCAPIL%' THEN 1 ELSE 2 END AS tier,
        reference.period,
        reference.reference_type AS source,
        reference.source_file,
        reference.source_row,
        reference.flags IS NULL AS valid,
        reference.nik,
        reference.no_kk,
        reference.nama_normalized AS nama,
        reference.sex,
        reference.birth_date,
        reference.kode_desa,
        reference.rt,
        reference.rw,
        reference.alamat
    FROM lake_reference AS reference
    JOIN stg_person_key AS person_key USING (person_key)
    WHERE reference.reference_type IN ('DUKCAPIL_PERISTIWA', 'DTSEN', 'DTKS')
),
ranked AS (
    SELECT
        *,
        source || ' ' || period || ' ' || source_file || ':' || source_row AS provenance,
        row_number() OVER (
            PARTITION BY person_id ORDER BY tier, period DESC, valid DESC, source_file, source_row
        ) AS choice
    FROM source_row
)
SELECT
    person_id,
    arg_min(nik, choice) FILTER (WHERE nik IS NOT NULL) AS nik,
    arg_min(provenance, choice) FILTER (WHERE nik IS NOT NULL) AS nik_source,
    arg_min(no_kk, choice) FILTER (WHERE no_kk IS NOT NULL) AS no_kk,
    arg_min(provenance, choice) FILTER (WHERE no_kk IS NOT NULL) AS no_kk_source,
    arg_min(nama, choice) FILTER (WHERE nama IS NOT NULL) AS nama,
    arg_min(provenance, choice) FILTER (WHERE nama IS NOT NULL) AS nama_source,
    arg_min(sex, choice) FILTER (WHERE sex IS NOT NULL) AS sex,
    arg_min(provenance, choice) FILTER (WHERE sex IS NOT NULL) AS sex_source,
    arg_min(birth_date, choice) FILTER (WHERE birth_date IS NOT NULL) AS birth_date,
    arg_min(provenance, choice) FILTER (WHERE birth_date IS NOT NULL) AS birth_date_source,
    arg_min(kode_desa, choice) FILTER (WHERE kode_desa IS NOT NULL) AS kode_desa,
    arg_min_null(rt, choice) FILTER (WHERE kode_desa IS NOT NULL) AS rt,
    arg_min_null(rw, choice) FILTER (WHERE kode_desa IS NOT NULL) AS rw,
    arg_min_null(alamat, choice) FILTER (WHERE kode_desa IS NOT NULL) AS alamat,
    arg_min(provenance, choice) FILTER (WHERE kode_desa IS NOT NULL) AS address_source,
    -- one person under several NIKs (a second registration, a typo, someone else's NIK): flagged
    count(DISTINCT nik) FILTER (WHERE tier = 3) AS nik_count,
    min(period) FILTER (WHERE tier = 3) AS first_period,
    max(period) FILTER (WHERE tier = 3) AS last_period
FROM ranked
GROUP BY person_id
