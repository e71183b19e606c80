-- Grain: one staged roster row (period x source file x row), all periods in the lake.
-- Materialized as a temporary table: the named data it carries never reaches the warehouse file.
-- person_id is the person the link step found the row to be; a row of a period never linked
-- (a lake older than the link step) keeps its NIK key.
SELECT
    staged.period,
    staged.program_code,
    staged.source_file,
    staged.source_row,
    coalesce(link.person_id, staged.person_key) AS person_id,
    staged.nik,
    staged.no_kk,
    staged.nama_normalized AS nama,
    staged.sex,
    staged.birth_date,
    staged.kode_desa,
    staged.rt,
    staged.rw,
    staged.alamat,
    staged.benefit_rupiah,
    staged.flags
FROM lake_staged AS staged
LEFT JOIN lake_person_link AS link USING (period, source_file, source_row)
