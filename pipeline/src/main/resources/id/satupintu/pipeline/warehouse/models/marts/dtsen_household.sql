-- Grain: one row per warehouse month x DTSEN family (a KK as the extract in force that month gives
-- it; stg_dtsen_member.sql).
-- DTSEN ranks families (keluarga: one KK), not persons (DOMAIN.md §4.2). A family is its family_key,
-- the keyed HMAC of the No. KK made at ingest, so families none of whose members is on any roster
-- are counted too, and the warehouse holds no KK. Its desil is the one most of its member rows give
-- (ties to the lower desil), its desa likewise (ties to the lower code). household_id is the
-- warehouse household (household_member) most of its members are in that month (ties to the lower
-- id): null when no member carries a KK on a roster that month. programs and enrolled_persons count
-- the month's enrollments of its members (enrollment): 0 is a family in no program.
WITH member_desil AS (
    SELECT period, family_key, desil
    FROM (SELECT period, family_key, desil, count(*) AS members FROM stg_dtsen_member GROUP BY ALL)
    QUALIFY row_number() OVER (PARTITION BY period, family_key ORDER BY members DESC, desil) = 1
),
member_desa AS (
    SELECT period, family_key, kode_desa
    FROM (
        SELECT period, family_key, kode_desa, count(*) AS members
        FROM stg_dtsen_member
        WHERE kode_desa IS NOT NULL
        GROUP BY ALL
    )
    QUALIFY row_number() OVER (PARTITION BY period, family_key ORDER BY members DESC, kode_desa) = 1
),
member_household AS (
    SELECT period, family_key, household_id
    FROM (
        SELECT member.period, member.family_key, household_member.household_id, count(*) AS members
        FROM stg_dtsen_member AS member
        JOIN household_member USING (period, person_id)
        GROUP BY ALL
    )
    QUALIFY row_number() OVER (PARTITION BY period, family_key ORDER BY members DESC, household_id) = 1
),
member_enrollment AS (
    SELECT
        member.period,
        member.family_key,
        count(DISTINCT member.person_id) AS enrolled_persons,
        count(DISTINCT enrollment.program_code) AS programs
    FROM stg_dtsen_member AS member
    JOIN enrollment USING (period, person_id)
    GROUP BY ALL
),
family AS (
    SELECT
        period,
        family_key,
        any_value(edition_period) AS edition_period,
        max(as_of_date) AS as_of_date,
        count(*) AS persons,
        count(*) FILTER (WHERE in_registry) AS persons_in_registry
    FROM stg_dtsen_member
    GROUP BY period, family_key
)
SELECT
    family.period,
    family.edition_period,
    family.as_of_date,
    family.family_key,
    member_household.household_id,
    member_desil.desil,
    member_desa.kode_desa,
    desa.kode_kecamatan,
    family.persons,
    family.persons_in_registry,
    coalesce(member_enrollment.enrolled_persons, 0) AS enrolled_persons,
    coalesce(member_enrollment.programs, 0) AS programs
FROM family
JOIN member_desil USING (period, family_key)
LEFT JOIN member_desa USING (period, family_key)
LEFT JOIN wilayah AS desa ON desa.kode_wilayah = member_desa.kode_desa
LEFT JOIN member_household USING (period, family_key)
LEFT JOIN member_enrollment USING (period, family_key)
