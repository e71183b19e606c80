-- severity: error
-- Every enrollment sits in a desa or kelurahan of the region table.
SELECT enrollment.period, enrollment.program_code, enrollment.kode_desa
FROM enrollment
LEFT JOIN wilayah ON wilayah.kode_wilayah = enrollment.kode_desa AND wilayah.level IN ('desa', 'kelurahan')
WHERE wilayah.kode_wilayah IS NULL
