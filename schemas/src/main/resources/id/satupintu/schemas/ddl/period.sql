-- Grain: one row per roster month present in the lake.
CREATE TABLE period (
    period VARCHAR PRIMARY KEY,
    period_start DATE NOT NULL,
    files_ingested BIGINT NOT NULL,
    files_refused BIGINT NOT NULL
);
COMMENT ON TABLE period IS 'Roster months the warehouse holds.';
COMMENT ON COLUMN period.period IS 'Month as YYYY-MM.';
COMMENT ON COLUMN period.period_start IS 'First day of the month.';
COMMENT ON COLUMN period.files_ingested IS 'Source files of the month that were ingested.';
COMMENT ON COLUMN period.files_refused IS 'Source files of the month that were refused whole.';
