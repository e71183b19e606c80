-- Grain: one row per period x program x desa x sex x age band with at least one recipient.
-- A person has one sex and one birth date: the golden record's (stg_golden_record.sql). The birth
-- date is read from that temporary table of the build: only the age band reaches the warehouse file.
-- Age is in complete years on the last day of the month.
WITH recipient AS (
    SELECT
        enrollment.period,
        enrollment.program_code,
        enrollment.kode_desa,
        enrollment.benefit_rupiah,
        coalesce(golden.sex, 'unknown') AS sex,
        date_sub('year', golden.birth_date, last_day(CAST(enrollment.period || '-01' AS DATE))) AS age
    FROM enrollment
    JOIN stg_golden_record AS golden USING (person_id)
)
SELECT
    recipient.period,
    recipient.program_code,
    desa.kode_kecamatan,
    kecamatan.nama AS nama_kecamatan,
    recipient.kode_desa,
    desa.nama AS nama_desa,
    recipient.sex,
    CASE
        -- no birth date, or one after the month: not an age
        WHEN recipient.age IS NULL OR recipient.age < 0 THEN 'unknown'
        WHEN recipient.age <= 6 THEN '0-6'
        WHEN recipient.age <= 17 THEN '7-17'
        WHEN recipient.age <= 59 THEN '18-59'
        ELSE '60+'
    END AS age_band,
    -- enrollment holds one row per person x program x period (keys_are_unique): rows are persons
    count(*) AS recipients,
    sum(recipient.benefit_rupiah) AS benefit_rupiah
FROM recipient
JOIN wilayah AS desa ON desa.kode_wilayah = recipient.kode_desa
JOIN wilayah AS kecamatan ON kecamatan.kode_wilayah = desa.kode_kecamatan
GROUP BY ALL
