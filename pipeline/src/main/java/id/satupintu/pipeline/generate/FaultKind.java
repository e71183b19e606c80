package id.satupintu.pipeline.generate;

import java.util.Optional;

/**
 * A fault the generator puts into roster rows, as offices and spreadsheets really produce them
 * (DOMAIN.md §1.3, §5.2, §7). Every faulty row names its faults in the ground truth, with the
 * ingest rule that must reject it where ingest alone can see the fault; the other faults are for
 * linkage and the warehouse to find (a misspelt name, a deceased person still listed).
 *
 * <p>The NIK faults are exclusive: a row has at most one of them. Rates are per roster row, except
 * the three life-event faults, whose rate is the share of units that should have left a roster
 * (deceased, moved away, become well-off) but stay listed.
 */
public enum FaultKind {
    /** Excel's General format saved as CSV: {@code 5.10801E+15}; unrecoverable. */
    NIK_SCIENTIFIC(Group.NIK, 0.002, "NIK_SCIENTIFIC"),
    /** Excel kept 15 significant digits: the 16th digit became 0. A numeric cell in XLSX. */
    NIK_ZEROED_16TH(Group.NIK, 0.003, null),
    /** The last digit dropped: 15 digits. */
    NIK_LENGTH(Group.NIK, 0.001, "NIK_LENGTH"),
    /** One digit replaced by a letter. */
    NIK_NOT_DIGITS(Group.NIK, 0.0005, "NIK_NOT_DIGITS"),
    /** {@code 0000000000000000} typed where the NIK was unknown. */
    NIK_PLACEHOLDER(Group.NIK, 0.0005, "NIK_PLACEHOLDER"),
    /** The NIK cell left empty. */
    NIK_MISSING(Group.NIK, 0.002, "NIK_MISSING"),
    /** The No. KK pasted into the NIK column. */
    NIK_EQUALS_KK(Group.NIK, 0.001, "NIK_EQUALS_KK"),
    /** One serial digit mistyped: still a well-formed NIK, of nobody or of somebody else. */
    NIK_TYPO(Group.NIK, 0.002, null),
    /** The NIK of another resident of the kabupaten: one NIK, two people (NIK ganda). */
    NIK_OF_OTHER_PERSON(Group.NIK, 0.0005, null),
    /** The person's second NIK from a double registration: one person, two NIKs. */
    NIK_SECOND_REGISTRATION(Group.NIK, 0.002, null),

    /** One letter of the name mistyped, dropped or swapped with its neighbour. */
    NAME_TYPO(Group.NAME, 0.02, null),
    /** A spelling variant: old spelling (oe, dj, tj), Muhammad/Ahmad/Abdul forms, Balinese abbreviations. */
    NAME_VARIANT(Group.NAME, 0.015, null),
    /** A title written into the name (H., HJ., DRS., S.PD). */
    NAME_TITLE(Group.NAME, 0.005, null),

    /** Day and month of the birth date swapped (only where both are at most 12 and differ). */
    BIRTH_DATE_SWAPPED(Group.OTHER, 0.003, null),
    /** A desa code that does not exist in the kecamatan. */
    DESA_UNKNOWN_CODE(Group.OTHER, 0.001, "WILAYAH_UNKNOWN"),
    /** The desa name in its 2022 spelling (rosters that carry names), where the name changed since. */
    DESA_OUTDATED_NAME(Group.OTHER, 0.3, null),
    /** The same row twice in one roster. */
    DUPLICATE_ROW(Group.OTHER, 0.003, null),

    /** Died in an earlier month, still on the roster. */
    DECEASED_LISTED(Group.LIFE_EVENT, 0.4, null),
    /** Moved out of the kabupaten in an earlier month, still on the roster. */
    MOVED_LISTED(Group.LIFE_EVENT, 0.4, null),
    /** The household rose to desil 7 or higher, still on the roster. */
    WELL_OFF_LISTED(Group.LIFE_EVENT, 0.5, null);

    /** What a fault touches; NIK faults exclude each other on one row. */
    public enum Group {
        NIK,
        NAME,
        OTHER,
        LIFE_EVENT
    }

    private final Group group;
    private final double defaultRate;
    private final String rejectRule;

    FaultKind(Group group, double defaultRate, String rejectRule) {
        this.group = group;
        this.defaultRate = defaultRate;
        this.rejectRule = rejectRule;
    }

    public Group group() {
        return group;
    }

    /** The rate at {@code --faults default}. */
    public double defaultRate() {
        return defaultRate;
    }

    /** The ingest rule that must reject a row with this fault, when ingest can see it alone. */
    public Optional<String> rejectRule() {
        return Optional.ofNullable(rejectRule);
    }

    /** One bit per kind, for the fault set of a row. */
    int bit() {
        return 1 << ordinal();
    }
}
