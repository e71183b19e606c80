-- Comparison level of one record pair on a date written as text; {c}__date is the parsed date.
-- 4 exact, 3 one typo (one character off, or two characters swapped), 2 day and month swapped,
-- 1 same year, 0 different, -1 missing. (Damerau-Levenshtein is too slow in DuckDB for every pair.)
CASE
    WHEN {l} IS NULL OR {r} IS NULL THEN -1
    WHEN {l} = {r} THEN 4
    WHEN length({l}) = length({r}) THEN
        CASE
            WHEN hamming({l}, {r}) = 1 THEN 3
            WHEN hamming({l}, {r}) = 2
                 AND list_sort(string_split({l}, '')) = list_sort(string_split({r}, '')) THEN 3
            WHEN year({l:date}) = year({r:date})
                 AND month({l:date}) = day({r:date})
                 AND day({l:date}) = month({r:date}) THEN 2
            WHEN year({l:date}) = year({r:date}) THEN 1
            ELSE 0
        END
    WHEN year({l:date}) = year({r:date})
         AND month({l:date}) = day({r:date})
         AND day({l:date}) = month({r:date}) THEN 2
    WHEN year({l:date}) = year({r:date}) THEN 1
    ELSE 0
END
