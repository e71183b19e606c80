-- Grain: one row per period x program x kecamatan with at least one recipient.
-- The rate valid on the first day of the month applies; a payment covering several months is
-- spread evenly over them (the PKH roster lists the tahap amount: a third of it per month).
WITH rate_of_month AS (
    SELECT
        period.period,
        benefit_rate.program_code,
        benefit_rate.rate_unit,
        benefit_rate.amount_rupiah,
        benefit_rate.months_covered,
        benefit_rate.funding_source
    FROM period
    JOIN benefit_rate
        ON period.period_start >= benefit_rate.valid_from
        AND (benefit_rate.valid_to IS NULL OR period.period_start <= benefit_rate.valid_to)
    WHERE benefit_rate.rate_unit IN ('FAMILY_MONTH', 'PERSON_MONTH', 'ROSTER_AMOUNT')
),
program_funding AS (
    SELECT program_code, any_value(funding_source) AS funding_source
    FROM benefit_rate
    GROUP BY program_code
),
enrollment_kecamatan AS (
    SELECT
        enrollment.period,
        enrollment.program_code,
        enrollment.person_id,
        enrollment.benefit_rupiah,
        desa.kode_kecamatan
    FROM enrollment
    JOIN wilayah AS desa ON desa.kode_wilayah = enrollment.kode_desa
),
per_kecamatan AS (
    SELECT
        period,
        program_code,
        kode_kecamatan,
        count(DISTINCT person_id) AS recipients,
        sum(benefit_rupiah) AS roster_rupiah
    FROM enrollment_kecamatan
    GROUP BY period, program_code, kode_kecamatan
)
SELECT
    per_kecamatan.period,
    left(per_kecamatan.period, 4) || '-Q' || ((CAST(right(per_kecamatan.period, 2) AS INTEGER) + 2) // 3) AS quarter,
    CAST(left(per_kecamatan.period, 4) AS INTEGER) AS year,
    per_kecamatan.program_code,
    program_funding.funding_source,
    per_kecamatan.kode_kecamatan,
    kecamatan.nama AS nama_kecamatan,
    per_kecamatan.recipients,
    CAST(per_kecamatan.roster_rupiah / coalesce(rate_of_month.months_covered, 1) AS DECIMAL(18, 2)) AS paid_rupiah,
    CASE
        WHEN rate_of_month.rate_unit = 'ROSTER_AMOUNT'
            THEN CAST(per_kecamatan.roster_rupiah / rate_of_month.months_covered AS DECIMAL(18, 2))
        WHEN rate_of_month.rate_unit IN ('FAMILY_MONTH', 'PERSON_MONTH')
            THEN per_kecamatan.recipients * rate_of_month.amount_rupiah
    END AS entitled_rupiah
FROM per_kecamatan
JOIN wilayah AS kecamatan ON kecamatan.kode_wilayah = per_kecamatan.kode_kecamatan
JOIN program_funding USING (program_code)
LEFT JOIN rate_of_month
    ON rate_of_month.period = per_kecamatan.period
    AND rate_of_month.program_code = per_kecamatan.program_code
