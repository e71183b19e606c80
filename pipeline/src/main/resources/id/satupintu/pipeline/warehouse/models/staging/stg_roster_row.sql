-- Grain: one staged roster row (period x source file x row), all periods in the lake.
-- Materialized as a temporary table: the named data it carries never reaches the warehouse file.
SELECT
    period,
    program_code,
    source_file,
    source_row,
    person_key AS person_id,
    sex,
    birth_date,
    kode_desa,
    benefit_rupiah
FROM lake_staged
