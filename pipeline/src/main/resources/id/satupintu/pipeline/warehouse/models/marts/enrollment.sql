-- Grain: one row per person x program x period.
SELECT
    period,
    program_code,
    person_id,
    -- a person listed twice in one roster keeps the address of the first listing
    first(kode_desa ORDER BY source_file, source_row) AS kode_desa,
    sum(benefit_rupiah) AS benefit_rupiah,
    count(*) AS roster_rows
FROM stg_roster_row
GROUP BY period, program_code, person_id
