-- Comparison level of one record pair on an Indonesian name, parsed in Java (IndonesianName):
-- {c}__personal is the name without titles, {c}__key the match key without spaces (old spellings,
-- Muhammad family, doubled letters folded), {c}__distinctive the match key of the words that tell
-- people apart (Balinese birth-order, gender and caste words left out).
-- 5 same personal name, 4 same match key, 3 same distinctive key, 2 match keys close (Jaro-Winkler),
-- 1 distinctive keys close, 0 different, -1 missing.
CASE
    WHEN {l:personal} IS NULL OR {r:personal} IS NULL THEN -1
    WHEN {l:personal} = {r:personal} THEN 5
    WHEN {l:key} = {r:key} THEN 4
    WHEN {l:distinctive} = {r:distinctive} THEN 3
    WHEN {jw:key} >= {t1} THEN 2
    WHEN {jw:distinctive} >= {t2} THEN 1
    ELSE 0
END
