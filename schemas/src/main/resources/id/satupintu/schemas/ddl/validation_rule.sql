-- Grain: one row per validation rule of ingest.
CREATE TABLE validation_rule (
    rule_id VARCHAR PRIMARY KEY,
    severity VARCHAR NOT NULL,
    message_id VARCHAR NOT NULL,
    message_en VARCHAR NOT NULL
);
COMMENT ON TABLE validation_rule IS 'The rules ingest judges every roster row by: a rejected row names the rule it broke, a staged row the rules it raised as flags.';
COMMENT ON COLUMN validation_rule.rule_id IS 'Rule id, as in reject.rule_id and staged_flag.rule_id.';
COMMENT ON COLUMN validation_rule.severity IS 'REJECT (the row is not staged) or FLAG (the row is staged, the finding recorded).';
COMMENT ON COLUMN validation_rule.message_id IS 'What the rule finds, in Bahasa Indonesia.';
COMMENT ON COLUMN validation_rule.message_en IS 'What the rule finds, in English.';
