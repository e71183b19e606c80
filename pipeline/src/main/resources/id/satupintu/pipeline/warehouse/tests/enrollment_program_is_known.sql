-- severity: error
-- Every enrollment names a program of the program dimension.
SELECT enrollment.period, enrollment.program_code
FROM enrollment
LEFT JOIN program USING (program_code)
WHERE program.program_code IS NULL
