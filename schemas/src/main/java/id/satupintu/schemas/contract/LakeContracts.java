package id.satupintu.schemas.contract;

import static id.satupintu.schemas.contract.Column.optional;
import static id.satupintu.schemas.contract.Column.required;
import static id.satupintu.schemas.contract.ColumnType.DATE;
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
                    required(9, "nama_normalized", STRING, "name uppercased with single spaces"),
                    optional(10, "sex", STRING, "L (laki-laki) or P (perempuan) as the roster states it"),
                    optional(11, "birth_date", DATE, "birth date as the roster states it"),
                    required(12, "kode_desa", STRING, "Kemendagri desa/kelurahan code of the address, PP.KK.CC.DDDD"),
                    optional(13, "rt", STRING, "RT, 3 digits"),
                    optional(14, "rw", STRING, "RW, 3 digits"),
                    optional(15, "alamat", STRING, "address free text as written"),
                    optional(16, "benefit_rupiah", INT64, "benefit amount on the row, rupiah")));

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
                    required(8, "raw_record", STRING, "the row's fields as read, joined by the file's separator")));

    public static final TableContract FILE_MANIFEST = new TableContract(
            "file_manifest",
            "one source file seen by an ingest of a period",
            List.of(
                    required(1, "period", STRING, "roster month, YYYY-MM"),
                    optional(2, "program_code", STRING, "program code, empty when the file matched no source"),
                    required(3, "source_file", STRING, "file name"),
                    required(4, "sha256", STRING, "SHA-256 of the file's bytes, hex"),
                    required(5, "size_bytes", INT64, "file size in bytes"),
                    required(6, "status", STRING, "INGESTED or REFUSED"),
                    optional(7, "refusal_reason", STRING, "why the file was refused, in English"),
                    required(8, "rows_read", INT64, "data rows read; rows_read = rows_staged + rows_rejected"),
                    required(9, "rows_staged", INT64, "rows written to the staged lake"),
                    required(10, "rows_rejected", INT64, "rows written to the rejected lake"),
                    required(11, "ingested_at", TIMESTAMP, "when the ingest finished, UTC")));

    /** Staged columns plus the reject verdict: the shape of the Arrow batches an ingest produces. */
    public static final TableContract INGESTED_ROW = new TableContract(
            "ingested_row",
            "one roster row as read and judged, before it is split into staged and rejected",
            concat(
                    STAGED_ROSTER_ROW.columns().stream()
                            .map(column -> column.id() <= 4
                                    ? column
                                    : new Column(column.id(), column.name(), column.type(), false, column.doc()))
                            .toList(),
                    List.of(
                            optional(101, "rule_id", STRING, "rule that rejected the row, null when staged"),
                            optional(102, "message_id", STRING, "reason in Bahasa Indonesia"),
                            optional(103, "message_en", STRING, "reason in English"),
                            required(104, "raw_record", STRING, "the row's fields as read"))));

    public static List<TableContract> all() {
        return List.of(STAGED_ROSTER_ROW, REJECTED_ROW, FILE_MANIFEST);
    }

    private static List<Column> concat(List<Column> first, List<Column> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
