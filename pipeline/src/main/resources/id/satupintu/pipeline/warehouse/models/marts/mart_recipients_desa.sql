-- Grain: one row per period x program x desa x sex x age band with at least one recipient.
-- A person has one sex (person.sex) and one birth date: the one person.birth_year comes from, the
-- latest staged row that gives one, chosen in person.sql's order. The birth date is read from the
-- staged rows, a temporary table of the build: only the age band reaches the warehouse file.
-- Age is in complete years on the last day of the month.
WITH person_birth AS (
    SELECT
        person_id,
        first(birth_date ORDER BY period DESC, source_file, source_row) AS birth_date
    FROM stg_roster_row
    WHERE birth_date IS NOT NULL
    GROUP BY person_id
),
recipient AS (
    SELECT
        enrollment.period,
        enrollment.program_code,
        enrollment.kode_desa,
        enrollment.benefit_rupiah,
        coalesce(person.sex, 'unknown') AS sex,
        date_sub('year', person_birth.birth_date, last_day(CAST(enrollment.period || '-01' AS DATE))) AS age
    FROM enrollment
    JOIN person USING (person_id)
    LEFT JOIN person_birth USING (person_id)
)
SELECT
    recipient.period,
    recipient.program_code,
    desa.kode_kecamatan,
    kecamatan.nama AS nama_kecamatan,
    recipient.kode_desa,
    desa.nama AS nama_desa,
    recipient.sex,
    CASE
        -- no birth date, or one after the month: not an age
        WHEN recipient.age IS NULL OR recipient.age < 0 THEN 'unknown'
        WHEN recipient.age <= 6 THEN '0-6'
        WHEN recipient.age <= 17 THEN '7-17'
        WHEN recipient.age <= 59 THEN '18-59'
        ELSE '60+'
    END AS age_band,
    -- enrollment holds one row per person x program x period (keys_are_unique): rows are persons
    count(*) AS recipients,
    sum(recipient.benefit_rupiah) AS benefit_rupiah
FROM recipient
JOIN wilayah AS desa ON desa.kode_wilayah = recipient.kode_desa
JOIN wilayah AS kecamatan ON kecamatan.kode_wilayah = desa.kode_kecamatan
GROUP BY ALL
