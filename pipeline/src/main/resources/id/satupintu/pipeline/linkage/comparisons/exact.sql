-- Comparison level of one record pair on one column: 1 equal, 0 different, -1 missing.
CASE
    WHEN {l} IS NULL OR {r} IS NULL THEN -1
    WHEN {l} = {r} THEN 1
    ELSE 0
END
