-- Grain: one row per source file per period.
SELECT
    period,
    program_code,
    source_file,
    sha256,
    size_bytes,
    status,
    refusal_reason,
    rows_read,
    rows_staged,
    rows_rejected,
    ingested_at
FROM lake_manifest
