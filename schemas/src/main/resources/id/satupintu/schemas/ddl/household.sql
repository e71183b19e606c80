-- Grain: one row per household: a family across its KK numbers.
CREATE TABLE household (
    household_id VARCHAR NOT NULL,
    kode_desa VARCHAR NOT NULL,
    first_period VARCHAR NOT NULL,
    last_period VARCHAR NOT NULL,
    kk_numbers BIGINT NOT NULL,
    persons BIGINT NOT NULL,
    latest_members BIGINT NOT NULL
);
COMMENT ON TABLE household IS 'Households (keluarga) found from the No. KK on the rosters; a family keeps its household when Dukcapil gives it a new KK (more than half of its members seen again carry the new KK), and a member who marries out under their own KK starts another household. No KK number is stored.';
COMMENT ON COLUMN household.household_id IS 'Stable pseudonymous household id: a hash of the founding KK''s first month and its lowest member person id; holds no KK number.';
COMMENT ON COLUMN household.kode_desa IS 'Desa/kelurahan where most members were enrolled in the household''s latest month.';
COMMENT ON COLUMN household.first_period IS 'First month a member is on a roster under one of its KKs.';
COMMENT ON COLUMN household.last_period IS 'Latest month a member is on a roster under one of its KKs.';
COMMENT ON COLUMN household.kk_numbers IS 'How many No. KK the household has carried (more than 1: it got a new card).';
COMMENT ON COLUMN household.persons IS 'Distinct persons ever seen in the household.';
COMMENT ON COLUMN household.latest_members IS 'Persons in the household in its latest month.';
