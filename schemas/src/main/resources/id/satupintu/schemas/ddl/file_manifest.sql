-- Grain: one row per source file per period.
CREATE TABLE file_manifest (
    period VARCHAR NOT NULL,
    program_code VARCHAR,
    source_file VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    size_bytes BIGINT NOT NULL,
    status VARCHAR NOT NULL,
    refusal_reason VARCHAR,
    rows_read BIGINT NOT NULL,
    rows_staged BIGINT NOT NULL,
    rows_rejected BIGINT NOT NULL,
    ingested_at TIMESTAMP NOT NULL,
    PRIMARY KEY (period, source_file)
);
COMMENT ON TABLE file_manifest IS 'Every source file an ingest saw, with its checksum and row accounting.';
COMMENT ON COLUMN file_manifest.period IS 'Roster month, YYYY-MM.';
COMMENT ON COLUMN file_manifest.program_code IS 'Program of the matched source; null when the file matched no source.';
COMMENT ON COLUMN file_manifest.source_file IS 'File name as delivered.';
COMMENT ON COLUMN file_manifest.sha256 IS 'SHA-256 of the file bytes, hex.';
COMMENT ON COLUMN file_manifest.size_bytes IS 'File size in bytes.';
COMMENT ON COLUMN file_manifest.status IS 'INGESTED, REFUSED, DUPLICATE (same bytes as another file of the period, counted there) or SUPERSEDED (replaced by a later revision).';
COMMENT ON COLUMN file_manifest.refusal_reason IS 'Why the file was refused, or which file it duplicates or is replaced by, in English.';
COMMENT ON COLUMN file_manifest.rows_read IS 'Data rows read; always rows_staged + rows_rejected.';
COMMENT ON COLUMN file_manifest.rows_staged IS 'Rows that passed validation.';
COMMENT ON COLUMN file_manifest.rows_rejected IS 'Rows rejected with a rule.';
COMMENT ON COLUMN file_manifest.ingested_at IS 'When the ingest of the file finished, UTC.';
