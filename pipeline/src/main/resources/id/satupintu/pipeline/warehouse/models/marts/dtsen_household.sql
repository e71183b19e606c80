-- Grain: one row per warehouse month x DTSEN family (a KK as the extract in force that month gives
-- it; stg_dtsen_member.sql).
-- DTSEN ranks families (keluarga: one KK), not persons (DOMAIN.md §4.2). A family is its family_key,
-- the keyed HMAC of the No. KK made at ingest, so families none of whose members is on any roster
-- are counted too, and the warehouse holds no KK. Its desil is the one most of its member rows give
-- (ties to the lower desil), its desa likewise (ties to the lower code). household_id is the
-- warehouse household (household_member) most of its members are in that month (ties to the lower
-- id): null when no member carries a KK on a roster that month. programs and enrolled_persons count
-- the month's enrollments of its members (enrollment): 0 is a family in no program.
WITH family_desil AS (
    -- per desil its member rows, then per family: persons, and the desil most rows give
    SELECT
        period,
        family_key,
        any_value(edition_period) AS edition_period,
        max(as_of_date) AS as_of_date,
        sum(members) AS persons,
        sum(members_in_registry) AS persons_in_registry,
        arg_min(desil, (-members, desil)) AS desil
    FROM (
        SELECT
            period,
            family_key,
            desil,
            any_value(edition_period) AS edition_period,
            max(as_of_date) AS as_of_date,
            count(*) AS members,
            count(*) FILTER (WHERE in_registry) AS members_in_registry
        FROM stg_dtsen_member
        GROUP BY period, family_key, desil
    )
    GROUP BY period, family_key
),
family_desa AS (
    SELECT period, family_key, arg_min(kode_desa, (-members, kode_desa)) AS kode_desa
    FROM (
        SELECT period, family_key, kode_desa, count(*) AS members
        FROM stg_dtsen_member
        WHERE kode_desa IS NOT NULL
        GROUP BY period, family_key, kode_desa
    )
    GROUP BY period, family_key
),
family_household AS (
    SELECT period, family_key, arg_min(household_id, (-members, household_id)) AS household_id
    FROM (
        SELECT member.period, member.family_key, household_member.household_id, count(*) AS members
        FROM stg_dtsen_member AS member
        JOIN household_member USING (period, person_id)
        GROUP BY member.period, member.family_key, household_member.household_id
    )
    GROUP BY period, family_key
),
-- distinct values by grouping first (which spills), not count(DISTINCT) per family: a hash set per
-- family ran out of DuckDB's memory over Jawa Barat's millions of DTSEN families
family_program AS (
    SELECT DISTINCT member.period, member.family_key, member.person_id, enrollment.program_code
    FROM stg_dtsen_member AS member
    JOIN enrollment USING (period, person_id)
),
family_enrollment AS (
    SELECT persons.period, persons.family_key, persons.enrolled_persons, programs.programs
    FROM (
        SELECT period, family_key, count(*) AS enrolled_persons
        FROM (SELECT DISTINCT period, family_key, person_id FROM family_program)
        GROUP BY period, family_key
    ) AS persons
    JOIN (
        SELECT period, family_key, count(*) AS programs
        FROM (SELECT DISTINCT period, family_key, program_code FROM family_program)
        GROUP BY period, family_key
    ) AS programs USING (period, family_key)
)
SELECT
    family.period,
    family.edition_period,
    family.as_of_date,
    family.family_key,
    family_household.household_id,
    family.desil,
    family_desa.kode_desa,
    desa.kode_kecamatan,
    family.persons,
    family.persons_in_registry,
    coalesce(family_enrollment.enrolled_persons, 0) AS enrolled_persons,
    coalesce(family_enrollment.programs, 0) AS programs
FROM family_desil AS family
LEFT JOIN family_desa USING (period, family_key)
LEFT JOIN wilayah AS desa ON desa.kode_wilayah = family_desa.kode_desa
LEFT JOIN family_household USING (period, family_key)
LEFT JOIN family_enrollment USING (period, family_key)
