-- Grain: one row per program of the warehouse.
SELECT program_code, nama, name_en
FROM program
ORDER BY program_code
