-- Grain: one row per person per exclusion list per month.
CREATE TABLE exclusion_list (
    period VARCHAR NOT NULL,
    list_type VARCHAR NOT NULL,
    person_id VARCHAR NOT NULL
);
COMMENT ON TABLE exclusion_list IS 'Persons on an exclusion list of the month (civil servants, car owners), by pseudonymous key; being listed is a reason to check an enrollment, not proof of ineligibility.';
COMMENT ON COLUMN exclusion_list.period IS 'Month the list was delivered for, YYYY-MM.';
COMMENT ON COLUMN exclusion_list.list_type IS 'PENGECUALIAN_ASN (civil servant) or PENGECUALIAN_KENDARAAN (owns a car).';
COMMENT ON COLUMN exclusion_list.person_id IS 'The linked person of the NIK listed (person.person_id), or the keyed HMAC of the NIK when no roster carries it.';
