-- Comparison level of one record pair on free text: 3 exact, 2 and 1 Jaro-Winkler bands, 0 different, -1 missing.
CASE
    WHEN {l} IS NULL OR {r} IS NULL THEN -1
    WHEN {l} = {r} THEN 3
    WHEN {jw} >= {t1} THEN 2
    WHEN {jw} >= {t2} THEN 1
    ELSE 0
END
