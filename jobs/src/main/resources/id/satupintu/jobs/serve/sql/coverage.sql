-- Grain: one row per program x DTSEN desil (1-10, unknown) of the month ($1), programs in $2, over the
-- kecamatan $3 (empty: the kabupaten): recipients and their families beside DTSEN's families and persons.
SELECT program_code,
       desil,
       sum(recipients)::BIGINT AS recipients,
       sum(recipient_families)::BIGINT AS recipient_families,
       sum(dtsen_families)::BIGINT AS dtsen_families,
       sum(dtsen_persons)::BIGINT AS dtsen_persons
FROM mart_coverage_desil
WHERE period = $1
  AND ($2 = '' OR list_contains(string_split($2, ','), program_code))
  AND ($3 = '' OR kode_kecamatan = $3)
GROUP BY program_code, desil
ORDER BY program_code, TRY_CAST(desil AS INTEGER) NULLS LAST
