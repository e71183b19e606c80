-- Comparison level of one record pair on a number written as text: 2 exact, 1 one edit
-- (a digit off, added, dropped or two neighbours transposed), 0 different, -1 missing.
-- Damerau-Levenshtein is slow in DuckDB: one digit off is a Hamming distance of 1, and the
-- slow function runs only where a transposition or an added or dropped digit is still possible.
CASE
    WHEN {l} IS NULL OR {r} IS NULL THEN -1
    WHEN {l} = {r} THEN 2
    WHEN length({l}) = length({r}) THEN
        CASE
            WHEN hamming({l}, {r}) = 1 THEN 1
            WHEN hamming({l}, {r}) = 2 AND damerau_levenshtein({l}, {r}) = 1 THEN 1
            ELSE 0
        END
    WHEN abs(length({l}) - length({r})) = 1
         AND jaro_winkler_similarity({l}, {r}) >= 0.75
         AND damerau_levenshtein({l}, {r}) = 1 THEN 1
    ELSE 0
END
