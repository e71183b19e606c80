-- Grain: one row per program of the warehouse's catalogue: code and names in both languages.
SELECT program_code, nama, name_en
FROM program
ORDER BY program_code
