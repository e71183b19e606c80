-- Grain: one row per person x program enrolled in the month ($1, YYYY-MM), in the desa of the
-- month's roster address, with the golden record's name and RT/RW (RT/RW only when the golden
-- record's address is in that desa) and whether the person is new on the program this month.
-- Reads the warehouse (attached) and the restricted golden record (view golden_record).
WITH month_enrollment AS (
    SELECT *
    FROM enrollment
    WHERE period = $1
),
episode_of_month AS (
    SELECT person_id, program_code, entry_kind, from_period
    FROM enrollment_episode
    WHERE from_period <= $1 AND to_period >= $1
)
SELECT enrolled.kode_desa,
       desa.nama AS nama_desa,
       kecamatan.kode_wilayah AS kode_kecamatan,
       kecamatan.nama AS nama_kecamatan,
       enrolled.person_id,
       golden.nama,
       CASE WHEN golden.kode_desa = enrolled.kode_desa THEN golden.rt END AS rt,
       CASE WHEN golden.kode_desa = enrolled.kode_desa THEN golden.rw END AS rw,
       enrolled.program_code,
       coalesce(program.nama, enrolled.program_code) AS program_nama,
       coalesce(program.name_en, enrolled.program_code) AS program_name_en,
       CASE
           WHEN episode.from_period = $1 AND episode.entry_kind = 'BARU' THEN 'BARU'
           WHEN episode.from_period = $1 AND episode.entry_kind = 'MASUK_KEMBALI' THEN 'MASUK_KEMBALI'
           ELSE 'LANJUTAN'
       END AS status
FROM month_enrollment AS enrolled
JOIN wilayah AS desa ON desa.kode_wilayah = enrolled.kode_desa
JOIN wilayah AS kecamatan ON kecamatan.kode_wilayah = desa.kode_kecamatan
LEFT JOIN golden_record AS golden ON golden.person_id = enrolled.person_id
LEFT JOIN program ON program.program_code = enrolled.program_code
LEFT JOIN episode_of_month AS episode
    ON episode.person_id = enrolled.person_id AND episode.program_code = enrolled.program_code
ORDER BY enrolled.kode_desa, enrolled.program_code, enrolled.person_id
