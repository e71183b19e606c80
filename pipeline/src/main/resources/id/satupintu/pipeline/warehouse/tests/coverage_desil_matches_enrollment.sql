-- severity: error
-- The desil marts reconcile: mart_coverage_desil counts every enrollment once, in one desil of its
-- kecamatan; its DTSEN population is dtsen_household's, on every program's row; mart_unserved_kecamatan
-- is dtsen_household's desil 1-4 families in no program; every household a DTSEN family names exists.
WITH enrolled AS (
    SELECT enrollment.period, enrollment.program_code, desa.kode_kecamatan, count(*) AS recipients
    FROM enrollment
    JOIN wilayah AS desa ON desa.kode_wilayah = enrollment.kode_desa
    GROUP BY ALL
),
mart_recipients AS (
    SELECT period, program_code, kode_kecamatan, sum(recipients) AS recipients
    FROM mart_coverage_desil
    GROUP BY ALL
),
dtsen_population AS (
    SELECT program_month.period, program_month.program_code, family.kode_kecamatan,
        CAST(family.desil AS VARCHAR) AS desil, count(*) AS families, sum(family.persons) AS persons
    FROM (SELECT DISTINCT period, program_code FROM enrollment) AS program_month
    JOIN dtsen_household AS family USING (period)
    WHERE family.kode_kecamatan IS NOT NULL
    GROUP BY ALL
),
mart_population AS (
    SELECT period, program_code, kode_kecamatan, desil, dtsen_families AS families, dtsen_persons AS persons
    FROM mart_coverage_desil
    WHERE dtsen_families > 0 OR dtsen_persons > 0
),
unserved AS (
    SELECT period, kode_kecamatan, count(*) AS families, sum(persons) AS persons,
        count(*) FILTER (WHERE programs = 0) AS unserved_families
    FROM dtsen_household
    WHERE desil <= 4 AND kode_kecamatan IS NOT NULL
    GROUP BY ALL
)
SELECT 'recipients' AS failed_check, period || ' ' || program_code || ' ' || kode_kecamatan AS cell
FROM enrolled
FULL JOIN mart_recipients USING (period, program_code, kode_kecamatan)
-- a kecamatan with DTSEN families but no recipient of the program has rows of 0 recipients
WHERE coalesce(enrolled.recipients, 0) <> coalesce(mart_recipients.recipients, 0)
UNION ALL
SELECT 'dtsen_population', period || ' ' || program_code || ' ' || kode_kecamatan || ' ' || desil
FROM dtsen_population
FULL JOIN mart_population USING (period, program_code, kode_kecamatan, desil)
WHERE dtsen_population.families IS DISTINCT FROM mart_population.families
    OR dtsen_population.persons IS DISTINCT FROM mart_population.persons
UNION ALL
SELECT 'unserved', period || ' ' || kode_kecamatan
FROM unserved
FULL JOIN mart_unserved_kecamatan AS mart USING (period, kode_kecamatan)
WHERE unserved.families IS DISTINCT FROM mart.families_desil_1_4
    OR unserved.persons IS DISTINCT FROM mart.persons_desil_1_4
    OR unserved.unserved_families IS DISTINCT FROM mart.unserved_families_desil_1_4
UNION ALL
SELECT 'household', period || ' ' || family_key
FROM dtsen_household
WHERE household_id IS NOT NULL AND household_id NOT IN (SELECT household_id FROM household)
