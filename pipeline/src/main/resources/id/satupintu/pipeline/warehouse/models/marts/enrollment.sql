-- Grain: one row per person x program x period.
SELECT
    roster.period,
    roster.program_code,
    roster.person_id,
    -- a person listed twice in one roster keeps the address of the first listing
    first(roster.kode_desa ORDER BY roster.source_file, roster.source_row) AS kode_desa,
    sum(roster.benefit_rupiah) AS benefit_rupiah,
    count(*) AS roster_rows,
    any_value(household.household_id) AS household_id
FROM stg_roster_row AS roster
LEFT JOIN stg_person_kk AS person_kk USING (period, person_id)
LEFT JOIN stg_household AS household ON household.no_kk = person_kk.no_kk
GROUP BY roster.period, roster.program_code, roster.person_id
