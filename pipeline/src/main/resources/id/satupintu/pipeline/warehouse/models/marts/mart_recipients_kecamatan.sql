-- Grain: one row per period x program x kecamatan with at least one recipient.
WITH enrollment_kecamatan AS (
    SELECT
        enrollment.period,
        enrollment.program_code,
        enrollment.person_id,
        enrollment.benefit_rupiah,
        enrollment.household_id,
        desa.kode_kecamatan
    FROM enrollment
    JOIN wilayah AS desa ON desa.kode_wilayah = enrollment.kode_desa
)
SELECT
    enrollment_kecamatan.period,
    enrollment_kecamatan.program_code,
    enrollment_kecamatan.kode_kecamatan,
    kecamatan.nama AS nama_kecamatan,
    count(DISTINCT enrollment_kecamatan.person_id) AS recipients,
    count(DISTINCT enrollment_kecamatan.household_id) AS households,
    sum(enrollment_kecamatan.benefit_rupiah) AS benefit_rupiah
FROM enrollment_kecamatan
JOIN wilayah AS kecamatan ON kecamatan.kode_wilayah = enrollment_kecamatan.kode_kecamatan
GROUP BY ALL
