-- Grain: one row per person x program enrolled in the month ($1) in the desa $3, programs in $2, with the
-- golden record's name and NIK (restricted: read through RestrictedView, masked before it leaves unless
-- the role allows) and RT/RW where the golden record's address is in that desa.
SELECT enrolled.kode_desa AS kode_wilayah,
       desa.nama AS nama_desa,
       enrolled.program_code,
       enrolled.person_id,
       golden.nama,
       golden.nik,
       CASE WHEN golden.kode_desa = enrolled.kode_desa THEN golden.rt END AS rt,
       CASE WHEN golden.kode_desa = enrolled.kode_desa THEN golden.rw END AS rw
FROM enrollment AS enrolled
JOIN wilayah AS desa ON desa.kode_wilayah = enrolled.kode_desa
LEFT JOIN golden_record AS golden ON golden.person_id = enrolled.person_id
WHERE enrolled.period = $1
  AND ($2 = '' OR list_contains(string_split($2, ','), enrolled.program_code))
  AND enrolled.kode_desa = $3
ORDER BY enrolled.program_code, golden.nama, enrolled.person_id
