-- Grain: one row per data test run on this build of the warehouse.
CREATE TABLE data_test_result (
    test_name VARCHAR PRIMARY KEY,
    severity VARCHAR NOT NULL,
    failing_rows BIGINT NOT NULL,
    sample VARCHAR,
    checked_at TIMESTAMP NOT NULL
);
COMMENT ON TABLE data_test_result IS 'Data tests run on this build: queries that must return no rows. An error-level failure stops publication, so a published warehouse shows only warnings here.';
COMMENT ON COLUMN data_test_result.test_name IS 'Test name, the file name of its SQL under warehouse/tests/.';
COMMENT ON COLUMN data_test_result.severity IS 'error (blocks publication) or warn (published, to be looked at).';
COMMENT ON COLUMN data_test_result.failing_rows IS 'Rows the test query returned; 0 means passed.';
COMMENT ON COLUMN data_test_result.sample IS 'Up to five failing rows as text (keys and counts only, never personal data).';
COMMENT ON COLUMN data_test_result.checked_at IS 'When the test ran, UTC.';
