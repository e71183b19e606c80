-- Grain: one row per program (and component) per validity period.
CREATE TABLE benefit_rate (
    program_code VARCHAR NOT NULL,
    component VARCHAR NOT NULL,
    valid_from DATE NOT NULL,
    valid_to DATE,
    rate_unit VARCHAR NOT NULL,
    amount_rupiah BIGINT,
    months_covered INTEGER NOT NULL,
    funding_source VARCHAR NOT NULL,
    PRIMARY KEY (program_code, component, valid_from)
);
COMMENT ON TABLE benefit_rate IS 'Dated benefit rates behind the spending marts (reference/program/benefit_rate.csv in schemas, with sources).';
COMMENT ON COLUMN benefit_rate.program_code IS 'Program code.';
COMMENT ON COLUMN benefit_rate.component IS 'PKH component, electricity tariff class, or empty for a flat rate.';
COMMENT ON COLUMN benefit_rate.valid_from IS 'First day the rate applies.';
COMMENT ON COLUMN benefit_rate.valid_to IS 'Last day the rate applies; null while in force.';
COMMENT ON COLUMN benefit_rate.rate_unit IS 'What the amount is per: FAMILY_MONTH, PERSON_MONTH, COMPONENT_YEAR, KWH, or ROSTER_AMOUNT (the roster carries the amount).';
COMMENT ON COLUMN benefit_rate.amount_rupiah IS 'Rupiah per unit; null where the roster carries the amount.';
COMMENT ON COLUMN benefit_rate.months_covered IS 'Months one payment covers (PKH tahap: 3); a payment is spread evenly over them.';
COMMENT ON COLUMN benefit_rate.funding_source IS 'APBN, APBD or DANA_DESA.';
