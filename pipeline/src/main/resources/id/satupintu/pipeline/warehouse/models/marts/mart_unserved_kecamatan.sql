-- Grain: one row per period x kecamatan with a DTSEN family of desil 1-4 that month.
-- The targeting indicator "desil 1-4 households in no program": DTSEN families (dtsen_household,
-- counted by family_key, in the kecamatan of their DTSEN address) of desil 1-4 none of whose members
-- is enrolled in any program that month. Families, not warehouse households: a family in no program
-- has no member on a roster, so the rosters give it no household.
SELECT
    family.period,
    family.kode_kecamatan,
    kecamatan.nama AS nama_kecamatan,
    count(*) AS families_desil_1_4,
    sum(family.persons) AS persons_desil_1_4,
    count(*) FILTER (WHERE family.programs = 0) AS unserved_families_desil_1_4,
    coalesce(sum(family.persons) FILTER (WHERE family.programs = 0), 0) AS unserved_persons_desil_1_4,
    count(*) FILTER (WHERE family.programs = 0 AND family.desil = 1) AS unserved_families_desil_1
FROM dtsen_household AS family
JOIN wilayah AS kecamatan ON kecamatan.kode_wilayah = family.kode_kecamatan
WHERE family.desil <= 4
GROUP BY family.period, family.kode_kecamatan, kecamatan.nama
