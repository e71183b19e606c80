-- Grain: one row per death or move-out Dukcapil reported for a person.
CREATE TABLE dukcapil_event (
    person_id VARCHAR NOT NULL,
    event_type VARCHAR NOT NULL,
    event_date DATE,
    kode_desa VARCHAR,
    kode_wilayah_tujuan VARCHAR,
    reported_period VARCHAR NOT NULL
);
COMMENT ON TABLE dukcapil_event IS 'Deaths and moves out of the kabupaten as the Dukcapil extracts report them, by pseudonymous person key (no NIK, no name).';
COMMENT ON COLUMN dukcapil_event.person_id IS 'The linked person of the NIK reported (person.person_id), or the keyed HMAC of the NIK when no roster carries it.';
COMMENT ON COLUMN dukcapil_event.event_type IS 'KEMATIAN (death) or PINDAH_KELUAR (moved out of the kabupaten).';
COMMENT ON COLUMN dukcapil_event.event_date IS 'Date of the death or the move.';
COMMENT ON COLUMN dukcapil_event.kode_desa IS 'Desa/kelurahan the person was registered in.';
COMMENT ON COLUMN dukcapil_event.kode_wilayah_tujuan IS 'Destination kab/kota of a move.';
COMMENT ON COLUMN dukcapil_event.reported_period IS 'Month of the extract that reported it, YYYY-MM.';
