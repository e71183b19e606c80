-- Comparison level of one record pair on a name part: 4 exact, 3 one edit (Damerau-Levenshtein),
-- 2 and 1 Jaro-Winkler bands, 0 different, -1 missing. Damerau-Levenshtein is slow in DuckDB, so it
-- runs only on pairs a cheap test leaves possible: lengths at most one apart and Jaro-Winkler at
-- least 0.6 (every one-edit pair of strings longer than one letter passes it).
CASE
    WHEN {l} IS NULL OR {r} IS NULL THEN -1
    WHEN {l} = {r} THEN 4
    WHEN abs(length({l}) - length({r})) <= 1
         AND jaro_winkler_similarity({l}, {r}) >= 0.6
         AND damerau_levenshtein({l}, {r}) <= 1 THEN 3
    WHEN jaro_winkler_similarity({l}, {r}) >= {t1} THEN 2
    WHEN jaro_winkler_similarity({l}, {r}) >= {t2} THEN 1
    ELSE 0
END
