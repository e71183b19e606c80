package id.satupintu.schemas.contract;

import static id.satupintu.schemas.contract.Column.optional;
import static id.satupintu.schemas.contract.Column.required;
import static id.satupintu.schemas.contract.ColumnType.DATE;
import static id.satupintu.schemas.contract.ColumnType.DOUBLE;
import static id.satupintu.schemas.contract.ColumnType.INT64;
import static id.satupintu.schemas.contract.ColumnType.STRING;
import static id.satupintu.schemas.contract.ColumnType.TIMESTAMP;

import java.util.List;

/**
 * Contracts of the Parquet lake. The lake is the restricted layer: staged rows carry NIK, No. KK
 * and names. Files live under Hive-style folders {@code period=YYYY-MM/program=CODE/}; the
 * partition columns are also stored in the files so a file read alone is still complete.
 */
public final class LakeContracts {
    private LakeContracts() {}

    public static final TableContract STAGED_ROSTER_ROW = new TableContract(
            "staged_roster_row",
            "one row of a program roster that passed validation, normalized",
            List.of(
                    required(1, "period", STRING, "roster month, YYYY-MM"),
                    required(2, "program_code", STRING, "program code, e.g. PKH"),
                    required(3, "source_file", STRING, "file name the row came from"),
                    required(4, "source_row", INT64, "row number as a spreadsheet shows it (header is row 1)"),
                    required(5, "nik", STRING, "16-digit NIK after cleaning"),
                    required(6, "person_key", STRING, "pseudonymous person key: keyed HMAC-SHA256 of the NIK"),
                    optional(7, "no_kk", STRING, "16-digit family card number after cleaning"),
                    required(8, "nama", STRING, "name as written in the roster"),
                    required(9, "nama_normalized", STRING, "name uppercased with single spaces, titles moved to gelar"),
                    optional(10, "sex", STRING, "L (laki-laki) or P (perempuan) as the roster states it"),
                    optional(11, "birth_date", DATE, "birth date as the roster states it"),
                    required(12, "kode_desa", STRING, "Kemendagri desa/kelurahan code of the address, PP.KK.CC.DDDD"),
                    optional(13, "rt", STRING, "RT, 3 digits"),
                    optional(14, "rw", STRING, "RW, 3 digits"),
                    optional(15, "alamat", STRING, "address free text as written"),
                    optional(16, "benefit_rupiah", INT64, "benefit amount on the row, rupiah"),
                    optional(17, "gelar", STRING, "titles taken out of the name (H., HJ., S.PD, ...), upper case"),
                    optional(
                            18,
                            "flags",
                            STRING,
                            "ids of the flag-severity rules the row raised, comma separated in rule order; null when"
                                    + " none"),
                    optional(19, "source_record_id", STRING, "the source's own row id (IDARTBDT, NOKA_JKN, IDPEL)"),
                    optional(
                            20,
                            "wilayah_as_written",
                            STRING,
                            "the region as the roster wrote it when that was not a Kemendagri code (BPS code, names)")));

    public static final TableContract REFERENCE_ROW = new TableContract(
            "reference_row",
            "one row of a reference extract (Dukcapil deaths and moves, exclusion lists, DTSEN) that passed"
                    + " validation",
            List.of(
                    required(1, "period", STRING, "period the extract was delivered for, YYYY-MM"),
                    required(2, "reference_type", STRING, "what the extract holds, e.g. DUKCAPIL_PERISTIWA"),
                    required(3, "source_file", STRING, "file name the row came from"),
                    required(4, "source_row", INT64, "row number as a spreadsheet shows it (header is row 1)"),
                    required(5, "nik", STRING, "16-digit NIK after cleaning"),
                    required(6, "person_key", STRING, "pseudonymous person key: keyed HMAC-SHA256 of the NIK"),
                    optional(7, "no_kk", STRING, "16-digit family card number after cleaning"),
                    optional(8, "nama", STRING, "name as written"),
                    optional(9, "nama_normalized", STRING, "name uppercased with single spaces, titles removed"),
                    optional(10, "birth_date", DATE, "birth date as the extract states it"),
                    optional(11, "event_type", STRING, "KEMATIAN or PINDAH_KELUAR for Dukcapil events"),
                    optional(
                            12,
                            "event_date",
                            DATE,
                            "date of the event; DTSEN: the date of the update the extract is as of"
                                    + " (TANGGAL_PEMUTAKHIRAN)"),
                    optional(
                            13,
                            "kode_desa",
                            STRING,
                            "Kemendagri desa code of the address (Dukcapil events: the origin address)"),
                    optional(14, "kode_wilayah_tujuan", STRING, "destination kab/kota of a move, dotted"),
                    optional(
                            15,
                            "detail",
                            STRING,
                            "what the list says of the person (instansi, vehicle type; DTSEN: hubungan dengan"
                                    + " kepala keluarga)"),
                    optional(16, "flags", STRING, "ids of the flag-severity rules the row raised, comma separated"),
                    optional(17, "sex", STRING, "L or P as the extract states it"),
                    optional(18, "rt", STRING, "RT, 3 digits"),
                    optional(19, "rw", STRING, "RW, 3 digits"),
                    optional(20, "alamat", STRING, "address free text as written"),
                    optional(21, "desil", INT64, "DTSEN: the family's desil nasional, 1 (poorest tenth) to 10"),
                    optional(
                            22,
                            "family_key",
                            STRING,
                            "pseudonymous family key: keyed HMAC-SHA256 of the No. KK (apart from person keys);"
                                    + " null without a valid No. KK")));

    public static final TableContract REJECTED_ROW = new TableContract(
            "rejected_row",
            "one roster row that failed a reject-level rule, with the first rule it failed",
            List.of(
                    required(1, "period", STRING, "roster month, YYYY-MM"),
                    required(2, "program_code", STRING, "program code"),
                    required(3, "source_file", STRING, "file name the row came from"),
                    required(4, "source_row", INT64, "row number as a spreadsheet shows it (header is row 1)"),
                    required(5, "rule_id", STRING, "id of the validation rule that rejected the row"),
                    required(6, "message_id", STRING, "the reason in Bahasa Indonesia"),
                    required(7, "message_en", STRING, "the reason in English"),
                    required(8, "raw_record", STRING, "the row's fields as read, joined by the file's separator"),
                    // identity hints: set on roster rows rejected for their NIK that name a person and a known
                    // desa, for the link step to say who the row probably is; null otherwise
                    optional(9, "nama_normalized", STRING, "NIK rejects: the name, normalized as staged rows' are"),
                    optional(10, "sex", STRING, "NIK rejects: L or P as the row states it"),
                    optional(11, "birth_date", DATE, "NIK rejects: the birth date, read as staged rows' are"),
                    optional(12, "kode_desa", STRING, "NIK rejects: the Kemendagri desa code of the address"),
                    optional(13, "no_kk", STRING, "NIK rejects: the 16-digit No. KK when the row has a valid one"),
                    optional(14, "rt", STRING, "NIK rejects: RT, 3 digits"),
                    optional(15, "rw", STRING, "NIK rejects: RW, 3 digits"),
                    optional(16, "alamat", STRING, "NIK rejects: address free text as written"),
                    optional(
                            17,
                            "source_record_id",
                            STRING,
                            "NIK rejects: the source's own row id (IDARTBDT, NOKA_JKN, IDPEL), as staged rows carry it")));

    public static final TableContract FILE_MANIFEST = new TableContract(
            "file_manifest",
            "one source file seen by an ingest of a period",
            List.of(
                    required(1, "period", STRING, "roster month, YYYY-MM"),
                    optional(2, "program_code", STRING, "program code, empty when the file matched no source"),
                    required(3, "source_file", STRING, "file name"),
                    required(4, "sha256", STRING, "SHA-256 of the file's bytes, hex"),
                    required(5, "size_bytes", INT64, "file size in bytes"),
                    required(6, "status", STRING, "INGESTED, REFUSED, DUPLICATE or SUPERSEDED"),
                    optional(
                            7,
                            "refusal_reason",
                            STRING,
                            "why the file was refused, or which file it duplicates or is replaced by, in English"),
                    required(8, "rows_read", INT64, "data rows read; rows_read = rows_staged + rows_rejected"),
                    required(9, "rows_staged", INT64, "rows written to the staged lake"),
                    required(10, "rows_rejected", INT64, "rows written to the rejected lake"),
                    required(11, "ingested_at", TIMESTAMP, "when the ingest finished, UTC")));

    public static final TableContract PERSON_LINK = new TableContract(
            "person_link",
            "one staged roster row of a period with the person the link step found it to be",
            List.of(
                    required(1, "period", STRING, "roster month, YYYY-MM"),
                    required(2, "program_code", STRING, "program code"),
                    required(3, "source_file", STRING, "file name the row came from"),
                    required(4, "source_row", INT64, "row number as a spreadsheet shows it (header is row 1)"),
                    required(5, "person_key", STRING, "pseudonymous key of the row's NIK"),
                    required(
                            6,
                            "person_id",
                            STRING,
                            "the linked person, stable from month to month; rows of one person share it")));

    public static final TableContract REVIEW_PAIR = new TableContract(
            "review_pair",
            "one pair of staged rows the link step could not decide alone: an uncertain match or one NIK on two"
                    + " people",
            List.of(
                    required(1, "period", STRING, "roster month, YYYY-MM"),
                    required(2, "program_code_l", STRING, "program of the first row"),
                    required(3, "source_file_l", STRING, "file of the first row"),
                    required(4, "source_row_l", INT64, "row number of the first row"),
                    required(5, "person_key_l", STRING, "NIK key (HMAC) of the first row"),
                    required(6, "person_id_l", STRING, "person the link gave the first row"),
                    required(7, "program_code_r", STRING, "program of the second row"),
                    required(8, "source_file_r", STRING, "file of the second row"),
                    required(9, "source_row_r", INT64, "row number of the second row"),
                    required(10, "person_key_r", STRING, "NIK key (HMAC) of the second row"),
                    required(11, "person_id_r", STRING, "person the link gave the second row"),
                    required(12, "match_probability", DOUBLE, "the model's probability that the rows are one person"),
                    required(13, "band", STRING, "review (uncertain) or conflict (one NIK, nothing else agrees)")));

    public static final TableContract LINK_EVENT = new TableContract(
            "link_event",
            "one change of the person registry in a period: a merge, a split, a NIK used by two people, or a"
                    + " reviewer's decision applied",
            List.of(
                    required(1, "period", STRING, "roster month, YYYY-MM"),
                    required(2, "event", STRING, "MERGE, SPLIT, NIK_GANDA, OVERRIDE_SAME or OVERRIDE_DIFFERENT"),
                    required(
                            3,
                            "person_id",
                            STRING,
                            "the person that stays (MERGE, SPLIT), one of the two (NIK_GANDA), or the person of"
                                    + " the decision's left side (OVERRIDE_*)"),
                    required(
                            4,
                            "other_person_id",
                            STRING,
                            "the person merged in, split off, sharing the NIK, or of the decision's right side"),
                    required(5, "rows", INT64, "staged rows of the period behind the event"),
                    optional(
                            6,
                            "reference",
                            STRING,
                            "OVERRIDE_*: the decision's reference (berita acara number); null otherwise")));

    public static final TableContract REJECTED_LINK = new TableContract(
            "rejected_link",
            "one roster row of a period rejected for its NIK (missing, unreadable, a placeholder) with the person"
                    + " its name, birth date, desa, KK and address say it probably is",
            List.of(
                    required(1, "period", STRING, "roster month, YYYY-MM"),
                    required(2, "program_code", STRING, "program of the rejected row"),
                    required(3, "source_file", STRING, "file of the rejected row"),
                    required(4, "source_row", INT64, "row number of the rejected row"),
                    required(5, "person_id", STRING, "the person of the row's best-scoring pair with a staged row"),
                    required(6, "match_probability", DOUBLE, "the model's probability that the rows are one person"),
                    required(7, "band", STRING, "match (probably this person) or review (uncertain)"),
                    optional(
                            8,
                            "basis",
                            STRING,
                            "MODEL (the row's name, birth date, desa, KK and address scored against the month's rows) or"
                                    + " RECORD_ID (the source's own row id carried the person's staged row the month"
                                    + " before)")));

    public static final TableContract GOLDEN_RECORD = new TableContract(
            "golden_record",
            "one person of the registry with the value of each field from the most trusted row that gives it"
                    + " (Dukcapil over DTSEN/DTKS over program rosters, then the latest month, then a row without"
                    + " flags) and that row named; rewritten by every warehouse build",
            List.of(
                    required(1, "person_id", STRING, "the linked person (warehouse person.person_id)"),
                    optional(2, "nik", STRING, "16-digit NIK"),
                    optional(3, "nik_source", STRING, "where the NIK comes from: source, month, file:row"),
                    optional(4, "no_kk", STRING, "16-digit family card number"),
                    optional(5, "no_kk_source", STRING, "where the No. KK comes from"),
                    optional(6, "nama", STRING, "name, normalized (upper case, titles in the rows' gelar)"),
                    optional(7, "nama_source", STRING, "where the name comes from"),
                    optional(8, "sex", STRING, "L or P"),
                    optional(9, "sex_source", STRING, "where the sex comes from"),
                    optional(10, "birth_date", DATE, "birth date"),
                    optional(11, "birth_date_source", STRING, "where the birth date comes from"),
                    optional(12, "kode_desa", STRING, "Kemendagri desa code of the address"),
                    optional(13, "rt", STRING, "RT of the address"),
                    optional(14, "rw", STRING, "RW of the address"),
                    optional(15, "alamat", STRING, "street address as written"),
                    optional(
                            16, "address_source", STRING, "where the address (all of desa, RT, RW, street) comes from"),
                    optional(17, "first_period", STRING, "first month on a roster, YYYY-MM"),
                    optional(18, "last_period", STRING, "latest month on a roster, YYYY-MM"),
                    optional(
                            19,
                            "nik_count",
                            INT64,
                            "distinct NIKs on the person's roster rows; more than 1: one person under several")));

    /** Staged columns plus the reject verdict: the shape of the Arrow batches an ingest produces. */
    public static final TableContract INGESTED_ROW = new TableContract(
            "ingested_row",
            "one roster or reference row as read and judged, before it is split into staged and rejected",
            concat(
                    STAGED_ROSTER_ROW.columns().stream()
                            .map(column -> column.id() <= 4
                                    ? column
                                    : new Column(column.id(), column.name(), column.type(), false, column.doc()))
                            .toList(),
                    List.of(
                            optional(201, "event_type", STRING, "reference extracts: event type"),
                            optional(202, "event_date", DATE, "reference extracts: event date"),
                            optional(203, "kode_wilayah_tujuan", STRING, "reference extracts: destination of a move"),
                            optional(204, "detail", STRING, "reference extracts: instansi or vehicle type"),
                            optional(205, "desil", INT64, "reference extracts: DTSEN desil nasional"),
                            optional(206, "family_key", STRING, "reference extracts: keyed HMAC of the No. KK"),
                            optional(101, "rule_id", STRING, "rule that rejected the row, null when staged"),
                            optional(102, "message_id", STRING, "reason in Bahasa Indonesia"),
                            optional(103, "message_en", STRING, "reason in English"),
                            optional(
                                    104,
                                    "raw_record",
                                    STRING,
                                    "the row's fields as read; set on rejected rows only"))));

    public static List<TableContract> all() {
        return List.of(
                STAGED_ROSTER_ROW,
                REFERENCE_ROW,
                REJECTED_ROW,
                FILE_MANIFEST,
                PERSON_LINK,
                LINK_EVENT,
                REVIEW_PAIR,
                REJECTED_LINK,
                GOLDEN_RECORD);
    }

    private static List<Column> concat(List<Column> first, List<Column> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
