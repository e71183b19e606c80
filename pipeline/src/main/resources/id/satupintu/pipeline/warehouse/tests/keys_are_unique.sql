-- severity: error
-- The key of every large table names one row. (These tables carry no PRIMARY KEY constraint: the
-- index made the build a quarter slower on a Cirebon month; this test holds the same promise.)
SELECT 'person' AS table_name, person_id AS key_value, count(*) AS rows
FROM person GROUP BY person_id HAVING count(*) > 1
UNION ALL
SELECT 'enrollment', period || ' ' || program_code || ' ' || person_id, count(*)
FROM enrollment GROUP BY period, program_code, person_id HAVING count(*) > 1
UNION ALL
SELECT 'wilayah', kode_wilayah, count(*)
FROM wilayah GROUP BY kode_wilayah HAVING count(*) > 1
UNION ALL
SELECT 'exclusion_list', period || ' ' || list_type || ' ' || person_id, count(*)
FROM exclusion_list GROUP BY period, list_type, person_id HAVING count(*) > 1
UNION ALL
SELECT 'household', household_id, count(*)
FROM household GROUP BY household_id HAVING count(*) > 1
UNION ALL
SELECT 'household_member', period || ' ' || person_id, count(*)
FROM household_member GROUP BY period, person_id HAVING count(*) > 1
UNION ALL
SELECT 'dtsen_household', period || ' ' || family_key, count(*)
FROM dtsen_household GROUP BY period, family_key HAVING count(*) > 1
