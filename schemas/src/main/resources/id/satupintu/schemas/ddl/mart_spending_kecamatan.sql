-- Grain: one row per period x program x kecamatan with at least one recipient.
CREATE TABLE mart_spending_kecamatan (
    period VARCHAR NOT NULL,
    quarter VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    program_code VARCHAR NOT NULL,
    funding_source VARCHAR NOT NULL,
    kode_kecamatan VARCHAR NOT NULL,
    nama_kecamatan VARCHAR NOT NULL,
    recipients BIGINT NOT NULL,
    paid_rupiah DECIMAL(18, 2),
    entitled_rupiah DECIMAL(18, 2),
    PRIMARY KEY (period, program_code, kode_kecamatan)
);
COMMENT ON TABLE mart_spending_kecamatan IS 'Social-protection spending per program per kecamatan per month, for budget staff. Payments covering several months (PKH tahap) are spread evenly over them, never counted twice; sum over quarter or year for those views.';
COMMENT ON COLUMN mart_spending_kecamatan.period IS 'Month, YYYY-MM.';
COMMENT ON COLUMN mart_spending_kecamatan.quarter IS 'Quarter of the month, YYYY-Qn.';
COMMENT ON COLUMN mart_spending_kecamatan.year IS 'Year of the month.';
COMMENT ON COLUMN mart_spending_kecamatan.program_code IS 'Program code.';
COMMENT ON COLUMN mart_spending_kecamatan.funding_source IS 'APBN, APBD or DANA_DESA (from the rate table).';
COMMENT ON COLUMN mart_spending_kecamatan.kode_kecamatan IS 'Kemendagri kecamatan code of the roster address.';
COMMENT ON COLUMN mart_spending_kecamatan.nama_kecamatan IS 'Kecamatan name.';
COMMENT ON COLUMN mart_spending_kecamatan.recipients IS 'Distinct enrolled persons (as in mart_recipients_kecamatan).';
COMMENT ON COLUMN mart_spending_kecamatan.paid_rupiah IS 'Amounts the rosters carry, spread over the months a payment covers (to the sen, so a third of a tahap is exact to Rp0.01); null for programs whose rosters carry no amount (PBI-JK premium, electricity subsidy).';
COMMENT ON COLUMN mart_spending_kecamatan.entitled_rupiah IS 'What the rate table gives for the enrolled units in the month (flat rates: recipients x rate; PKH: the roster tahap amount spread); null where the rate needs data the rosters lack.';
