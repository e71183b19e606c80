-- Grain: one row per program x kecamatan (where the person lived in the last month on the roster) x
-- exit reason x basis, of the enrollment episodes that ended in the month ($1, YYYY-MM: the program's
-- first month with a roster the person is not on).
WITH exits AS (
    SELECT *
    FROM enrollment_episode
    WHERE exit_period = $1
)
SELECT exits.program_code,
       kecamatan.kode_wilayah AS kode_kecamatan,
       kecamatan.nama AS nama_kecamatan,
       exits.exit_reason,
       exits.exit_basis,
       count(*) AS persons
FROM exits
JOIN person_version AS version
    ON version.person_id = exits.person_id
    AND version.valid_from <= exits.to_period
    AND (version.valid_to IS NULL OR version.valid_to >= exits.to_period)
JOIN wilayah AS desa ON desa.kode_wilayah = version.kode_desa
JOIN wilayah AS kecamatan ON kecamatan.kode_wilayah = desa.kode_kecamatan
GROUP BY ALL
ORDER BY exits.program_code, kode_kecamatan, exits.exit_reason, exits.exit_basis
