-- severity: error
-- Every row the link step attached to a person after it was rejected for its NIK names that person
-- in the reject table, and that person exists.
SELECT link.period, link.source_file, link.source_row
FROM lake_rejected_link AS link
LEFT JOIN reject USING (period, source_file, source_row)
WHERE reject.probable_person_id IS DISTINCT FROM link.person_id
    OR link.person_id NOT IN (SELECT person_id FROM person)
