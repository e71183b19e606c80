-- Grain: one row per period x program x kecamatan x desil ('1' … '10', 'unknown'): every desil with
-- DTSEN families in the kecamatan that month, for every program with a roster that month, and
-- every desil the program's recipients there fall in.
-- A recipient (enrollment) is counted in the kecamatan of the roster address and in the desil of
-- their DTSEN family that month (stg_dtsen_member, dtsen_household); 'unknown' when the person is
-- not on the extract in force. The DTSEN population (dtsen_families, dtsen_persons) is counted in
-- the kecamatan of the family's DTSEN address and is the same on every program's row, so coverage
-- is recipients / dtsen_persons or recipient_families / dtsen_families.
WITH recipient AS (
    SELECT
        enrollment.period,
        enrollment.program_code,
        enrollment.person_id,
        enrollment.household_id,
        desa.kode_kecamatan,
        family.family_key,
        coalesce(CAST(family.desil AS VARCHAR), 'unknown') AS desil
    FROM enrollment
    JOIN wilayah AS desa ON desa.kode_wilayah = enrollment.kode_desa
    LEFT JOIN stg_dtsen_member AS member USING (period, person_id)
    LEFT JOIN dtsen_household AS family
        ON family.period = member.period AND family.family_key = member.family_key
),
recipient_count AS (
    SELECT
        period,
        program_code,
        kode_kecamatan,
        desil,
        count(DISTINCT person_id) AS recipients,
        count(DISTINCT household_id) AS households,
        count(DISTINCT family_key) AS recipient_families
    FROM recipient
    GROUP BY ALL
),
dtsen_population AS (
    SELECT
        period,
        kode_kecamatan,
        CAST(desil AS VARCHAR) AS desil,
        count(*) AS dtsen_families,
        sum(persons) AS dtsen_persons
    FROM dtsen_household
    WHERE kode_kecamatan IS NOT NULL
    GROUP BY ALL
),
program_month AS (
    SELECT DISTINCT period, program_code FROM enrollment
),
cell AS (
    SELECT program_month.period, program_month.program_code, dtsen_population.kode_kecamatan, dtsen_population.desil
    FROM program_month
    JOIN dtsen_population USING (period)
    UNION
    SELECT period, program_code, kode_kecamatan, desil FROM recipient_count
)
SELECT
    cell.period,
    cell.program_code,
    cell.kode_kecamatan,
    kecamatan.nama AS nama_kecamatan,
    cell.desil,
    coalesce(recipient_count.recipients, 0) AS recipients,
    coalesce(recipient_count.households, 0) AS households,
    coalesce(recipient_count.recipient_families, 0) AS recipient_families,
    coalesce(dtsen_population.dtsen_families, 0) AS dtsen_families,
    coalesce(dtsen_population.dtsen_persons, 0) AS dtsen_persons
FROM cell
JOIN wilayah AS kecamatan ON kecamatan.kode_wilayah = cell.kode_kecamatan
LEFT JOIN recipient_count
    ON recipient_count.period = cell.period
    AND recipient_count.program_code = cell.program_code
    AND recipient_count.kode_kecamatan = cell.kode_kecamatan
    AND recipient_count.desil = cell.desil
LEFT JOIN dtsen_population
    ON dtsen_population.period = cell.period
    AND dtsen_population.kode_kecamatan = cell.kode_kecamatan
    AND dtsen_population.desil = cell.desil
