package id.satupintu.pipeline.review;

import id.satupintu.pipeline.report.ColumnKind;
import id.satupintu.pipeline.report.ReportLabels;
import id.satupintu.pipeline.report.SheetColumn;
import java.util.List;

/**
 * The layout of a musyawarah desa review workbook, which {@link ReviewWorkbook} writes and {@link
 * ReviewImport} reads back: the sheets, their columns in order, and the hidden sheet that tells the
 * reader the workbook's format, month, desa, language and the names of its sheets.
 */
final class ReviewLayout {
    static final String FORMAT = "satupintu-musdes-v1";
    /** The hidden sheet a program reads. */
    static final String META_SHEET = "satupintu";

    static final String KEY_FORMAT = "format";
    static final String KEY_PERIOD = "period";
    static final String KEY_DESA = "kode_desa";
    static final String KEY_DESA_NAME = "nama_desa";
    static final String KEY_LANGUAGE = "language";
    static final String KEY_STATUS_SHEET = "status_sheet";
    static final String KEY_PAIR_SHEET = "pair_sheet";
    static final String KEY_REJECT_SHEET = "reject_sheet";

    // Status sheet columns
    static final int STATUS_PERSON = 1;
    static final int STATUS_DECISION = 7;
    static final int STATUS_FROM = 8;
    static final int STATUS_DECIDED_ON = 9;
    static final int STATUS_REFERENCE = 10;
    static final int STATUS_NOTE = 11;

    // Pair sheet columns
    static final int PAIR_PERIOD = 2;
    static final int PAIR_LEFT = 3;
    static final int PAIR_RIGHT = 7;
    static final int PAIR_DECISION = 13;
    static final int PAIR_DECIDED_ON = 14;
    static final int PAIR_REFERENCE = 15;

    static final List<String> STATUS_DECISIONS = List.of("MENINGGAL", "PINDAH", "MAMPU", "AKTIF");

    private ReviewLayout() {}

    static List<SheetColumn> statusColumns(ReportLabels labels) {
        return List.of(
                SheetColumn.integer(labels.get("col.no")),
                SheetColumn.text(labels.get("rcol.person-id"), 24),
                SheetColumn.text(labels.get("rcol.name"), 28),
                SheetColumn.text(labels.get("col.rt"), 6),
                SheetColumn.text(labels.get("col.rw"), 6),
                SheetColumn.text(labels.get("rcol.programs"), 16),
                SheetColumn.text(labels.get("rcol.finding"), 48),
                SheetColumn.text(labels.get("rcol.decision"), 14),
                SheetColumn.text(labels.get("rcol.from"), 14),
                SheetColumn.text(labels.get("rcol.decided-on"), 16),
                SheetColumn.text(labels.get("rcol.reference"), 22),
                SheetColumn.text(labels.get("rcol.note"), 30));
    }

    static List<SheetColumn> pairColumns(ReportLabels labels) {
        return List.of(
                SheetColumn.integer(labels.get("col.no")),
                SheetColumn.text(labels.get("rcol.kind"), 26),
                SheetColumn.text(labels.get("rcol.period"), 9),
                SheetColumn.text(labels.get("rcol.row-left"), 28),
                SheetColumn.text(labels.get("rcol.program-left"), 10),
                SheetColumn.text(labels.get("rcol.name-left"), 26),
                SheetColumn.text(labels.get("rcol.rtrw-left"), 10),
                SheetColumn.text(labels.get("rcol.row-right"), 28),
                SheetColumn.text(labels.get("rcol.program-right"), 10),
                SheetColumn.text(labels.get("rcol.name-right"), 26),
                SheetColumn.text(labels.get("rcol.rtrw-right"), 10),
                new SheetColumn(labels.get("rcol.probability"), ColumnKind.PERCENT, 12),
                SheetColumn.text(labels.get("rcol.decidable"), 24),
                SheetColumn.text(labels.get("rcol.decision"), 14),
                SheetColumn.text(labels.get("rcol.decided-on"), 16),
                SheetColumn.text(labels.get("rcol.reference"), 22));
    }

    static List<SheetColumn> rejectColumns(ReportLabels labels) {
        return List.of(
                SheetColumn.integer(labels.get("col.no")),
                SheetColumn.text(labels.get("rcol.row"), 28),
                SheetColumn.text(labels.get("col.program-short"), 10),
                SheetColumn.text(labels.get("rcol.rule"), 18),
                SheetColumn.text(labels.get("rcol.reason"), 40),
                SheetColumn.text(labels.get("rcol.name-on-row"), 26),
                SheetColumn.text(labels.get("rcol.rtrw-on-row"), 10),
                SheetColumn.text(labels.get("rcol.probable-person"), 24),
                SheetColumn.text(labels.get("rcol.probable-name"), 26),
                new SheetColumn(labels.get("rcol.probability"), ColumnKind.PERCENT, 12),
                SheetColumn.text(labels.get("rcol.follow-up"), 30));
    }

    /** The pair decisions as the drop-down offers them in a language. */
    static List<String> pairDecisions(ReportLabels labels) {
        return labels.isEnglish() ? List.of("SAME", "DIFFERENT") : List.of("SAMA", "BEDA");
    }
}
