-- Comparison level of one record pair on a number written as text: 2 exact, 1 one edit
-- (a digit off, added, dropped or two neighbours transposed), 0 different, -1 missing.
CASE
    WHEN {l} IS NULL OR {r} IS NULL THEN -1
    WHEN {l} = {r} THEN 2
    WHEN damerau_levenshtein({l}, {r}) <= 1 THEN 1
    ELSE 0
END
