-- Comparison level of one record pair on a NIK (DOMAIN.md §1): 4 exact; 3 equal on the first
-- 15 digits while one ends in 0 (Excel keeps 15 significant digits and zeroes the 16th);
-- 2 one digit off or two neighbours transposed; 1 another NIK with the same birth date and sex
-- (digits 7-12, day +40 for women): one person registered a second time in another kecamatan, or
-- another person born the same day; 0 different; -1 missing.
CASE
    WHEN {l} IS NULL OR {r} IS NULL THEN -1
    WHEN {l} = {r} THEN 4
    WHEN length({l}) = 16 AND length({r}) = 16
         AND substr({l}, 1, 15) = substr({r}, 1, 15)
         AND (right({l}, 1) = '0' OR right({r}, 1) = '0') THEN 3
    WHEN length({l}) = length({r}) AND (
            hamming({l}, {r}) = 1
            OR (hamming({l}, {r}) = 2 AND damerau_levenshtein({l}, {r}) = 1)) THEN 2
    WHEN length({l}) = 16 AND length({r}) = 16 AND substr({l}, 7, 6) = substr({r}, 7, 6) THEN 1
    ELSE 0
END
