-- Comparison level of one record pair on a name part: 4 exact, 3 one edit (Damerau-Levenshtein),
-- 2 and 1 Jaro-Winkler bands, 0 different, -1 missing. Damerau-Levenshtein is slow in DuckDB, so it
-- runs only on pairs a cheap test leaves possible: lengths at most one apart and Jaro-Winkler at
-- least 0.75 (every one-edit pair of strings of three letters or more passes it).
CASE
    WHEN {l} IS NULL OR {r} IS NULL THEN -1
    WHEN {l} = {r} THEN 4
    WHEN abs(length({l}) - length({r})) <= 1
         AND {jw} >= 0.75
         AND damerau_levenshtein({l}, {r}) <= 1 THEN 3
    WHEN {jw} >= {t1} THEN 2
    WHEN {jw} >= {t2} THEN 1
    ELSE 0
END
