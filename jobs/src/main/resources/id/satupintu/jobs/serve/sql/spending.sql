-- Grain: one row per kecamatan x program x funding source of the month ($1), programs in $2, the kecamatan
-- $3 (empty: every kecamatan): recipients, paid as the rosters carry it, entitled by the rate table.
SELECT kode_kecamatan AS kode_wilayah,
       nama_kecamatan AS nama,
       program_code,
       funding_source,
       recipients,
       paid_rupiah,
       entitled_rupiah
FROM mart_spending_kecamatan
WHERE period = $1
  AND ($2 = '' OR list_contains(string_split($2, ','), program_code))
  AND ($3 = '' OR kode_kecamatan = $3)
ORDER BY kode_wilayah, program_code, funding_source
