-- Grain: one roster row of the month ($1, YYYY-MM) rejected for its NIK for which the link found a
-- probable person (reject.probable_person_id), with the name, desa and RT/RW the row wrote and the
-- probable person's name and desa from the golden record. Reads the warehouse and the views
-- rejected_row and golden_record.
WITH rescued AS (
    SELECT *
    FROM reject
    WHERE period = $1 AND probable_person_id IS NOT NULL
)
SELECT rescued.source_file,
       rescued.source_row,
       rescued.program_code,
       rescued.rule_id,
       rescued.message_id,
       rescued.message_en,
       rescued.probable_person_id,
       rescued.match_probability,
       raw.nama_normalized AS nama_on_row,
       coalesce(raw.kode_desa, golden.kode_desa) AS kode_desa,
       raw.rt,
       raw.rw,
       golden.nama AS person_nama
FROM rescued
LEFT JOIN rejected_row AS raw
    ON raw.source_file = rescued.source_file AND raw.source_row = rescued.source_row
LEFT JOIN golden_record AS golden ON golden.person_id = rescued.probable_person_id
ORDER BY rescued.source_file, rescued.source_row
