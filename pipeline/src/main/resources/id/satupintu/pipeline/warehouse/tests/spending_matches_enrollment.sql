-- severity: error
-- The spending mart pays out, per program and month, exactly what the enrollments carry (spread
-- over the months a payment covers): no amount lost or counted twice between facts and mart, to
-- within the rounding to the sen of each mart row.
WITH facts AS (
    SELECT
        enrollment.period,
        enrollment.program_code,
        sum(enrollment.benefit_rupiah) AS roster_rupiah
    FROM enrollment
    GROUP BY enrollment.period, enrollment.program_code
),
covered AS (
    SELECT DISTINCT program_code, months_covered
    FROM benefit_rate
    WHERE rate_unit IN ('FAMILY_MONTH', 'PERSON_MONTH', 'ROSTER_AMOUNT')
),
mart AS (
    SELECT period, program_code, sum(paid_rupiah) AS paid_rupiah
    FROM mart_spending_kecamatan
    GROUP BY period, program_code
)
SELECT facts.period, facts.program_code, facts.roster_rupiah, mart.paid_rupiah
FROM facts
LEFT JOIN covered USING (program_code)
LEFT JOIN mart USING (period, program_code)
WHERE abs(coalesce(facts.roster_rupiah / coalesce(covered.months_covered, 1), 0) - coalesce(mart.paid_rupiah, 0))
    > 0.01 * (SELECT count(*) FROM mart_spending_kecamatan)
