-- Grain: one row per data test of the published build: failing tests first, errors before warnings.
SELECT test_name, severity, failing_rows
FROM data_test_result
ORDER BY failing_rows = 0, severity, test_name
