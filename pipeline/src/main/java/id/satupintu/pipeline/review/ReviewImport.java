package id.satupintu.pipeline.review;

import static java.util.Objects.requireNonNull;

import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.linkage.LinkOverrides;
import id.satupintu.pipeline.report.CellText;
import id.satupintu.pipeline.report.ReportLabels;
import id.satupintu.pipeline.report.SheetColumn;
import id.satupintu.pipeline.report.SqlFile;
import id.satupintu.pipeline.report.WorkbookContent;
import id.satupintu.pipeline.report.WorkbookContent.CellKind;
import id.satupintu.pipeline.report.WorkbookContent.CellValue;
import id.satupintu.pipeline.report.WorkbookContent.SheetContent;
import id.satupintu.pipeline.status.StatusOverrides;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a filled musyawarah desa review workbook ({@link ReviewWorkbook}) back and checks every
 * decision in it. A row with nothing filled in is a case not decided. A row with a decision must have
 * a decision the sheet offers, a month it holds from (status), a decision date that is a date and not
 * in the future, and a berita acara number; a note and a number must not hold a NIK. Then, against the
 * data directory, a status decision's person must be in the published warehouse and a pair's rows must
 * be rows of that month's link that can be told apart. Every problem is named by file, sheet, row and
 * rule; a workbook with any problem records nothing.
 *
 * <p>The decisions become the durable overrides every later refresh applies: status decisions as
 * lines of {@code config/status-overrides.csv} ({@link StatusOverrides}), same/different-person
 * decisions as lines of {@code config/link-overrides.csv} ({@link LinkOverrides}).
 */
public final class ReviewImport {
    private static final Pattern SIXTEEN_DIGITS = Pattern.compile("[0-9]{16}");
    private static final SqlFile PERSONS = SqlFile.of(ReviewImport.class, "persons_in_warehouse");
    private static final List<DateTimeFormatter> DAY_FIRST =
            List.of(DateTimeFormatter.ofPattern("d-M-uuuu"), DateTimeFormatter.ofPattern("d/M/uuuu"));

    private ReviewImport() {}

    /** One problem with the workbook: the sheet and spreadsheet row (0: the workbook as a whole), the rule broken. */
    public record Problem(String sheet, int row, String rule, String messageIndonesian, String messageEnglish) {
        public Problem {
            requireNonNull(rule, "rule is null");
        }

        /** {@code FILE, lembar SHEET, baris N, aturan RULE: message} in the language asked for. */
        public String describe(String fileName, boolean english) {
            String where = english
                    ? fileName + (sheet == null ? "" : ", sheet " + sheet) + (row > 0 ? ", row " + row : "")
                    : fileName + (sheet == null ? "" : ", lembar " + sheet) + (row > 0 ? ", baris " + row : "");
            return where + (english ? ", rule " : ", aturan ") + rule + ": "
                    + (english ? messageEnglish : messageIndonesian);
        }
    }

    /** A status decision as read from a row. */
    public record StatusRow(
            String sheet,
            int row,
            String personId,
            StatusOverrides.Status status,
            YearMonth from,
            LocalDate decidedOn,
            String reference,
            String note) {}

    /** A same/different-person decision as read from a row: two roster rows of a month by file and row. */
    public record PairRow(
            String sheet,
            int row,
            YearMonth period,
            String leftFile,
            long leftRow,
            String rightFile,
            long rightRow,
            LinkOverrides.Kind kind,
            LocalDate decidedOn,
            String reference) {}

    /** What a workbook holds. */
    public record Reading(
            String fileName,
            String sha256,
            YearMonth period,
            String kodeDesa,
            String namaDesa,
            List<StatusRow> statusRows,
            List<PairRow> pairRows,
            int undecided,
            List<Problem> problems) {
        public Reading {
            statusRows = List.copyOf(statusRows);
            pairRows = List.copyOf(pairRows);
            problems = List.copyOf(problems);
        }

        /** Who decided, when the operator names nobody else: the musyawarah of the workbook's desa. */
        public String musyawarah() {
            return "Musyawarah Desa " + namaDesa + " (" + kodeDesa + ")";
        }
    }

    /** The decisions of a workbook as override lines, or the problems that keep them from being recorded. */
    public record Decisions(
            List<StatusOverrides.Decision> status, List<LinkOverrides.Decision> links, List<Problem> problems) {
        public Decisions {
            status = List.copyOf(status);
            links = List.copyOf(links);
            problems = List.copyOf(problems);
        }
    }

    /** Reads and checks a workbook on its own; {@code today} is the latest date a decision may carry. */
    public static Reading read(Path file, LocalDate today) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String fileName = file.getFileName().toString();
        String sha256 = sha256(bytes);
        List<Problem> problems = new ArrayList<>();
        WorkbookContent workbook;
        try {
            workbook = WorkbookContent.read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(
                    null,
                    0,
                    "NOT_A_WORKBOOK",
                    "berkas ini bukan buku kerja XLSX yang dapat dibaca",
                    "the file is not an XLSX workbook that can be read"));
            return new Reading(fileName, sha256, null, null, null, List.of(), List.of(), 0, problems);
        }
        Optional<SheetContent> metaSheet = workbook.sheet(ReviewLayout.META_SHEET);
        String format =
                metaSheet.map(meta -> value(meta, ReviewLayout.KEY_FORMAT)).orElse(null);
        if (!ReviewLayout.FORMAT.equals(format)) {
            problems.add(new Problem(
                    null,
                    0,
                    "NOT_A_REVIEW_WORKBOOK",
                    "bukan buku kerja musyawarah desa dari SatuPintu (lembar tersembunyi " + ReviewLayout.META_SHEET
                            + " dengan format " + ReviewLayout.FORMAT + " tidak ada)",
                    "not a SatuPintu musyawarah desa review workbook (no hidden sheet " + ReviewLayout.META_SHEET
                            + " of format " + ReviewLayout.FORMAT + ")"));
            return new Reading(fileName, sha256, null, null, null, List.of(), List.of(), 0, problems);
        }
        SheetContent meta = metaSheet.orElseThrow();
        YearMonth period;
        try {
            period = YearMonth.parse(value(meta, ReviewLayout.KEY_PERIOD));
        } catch (DateTimeParseException | NullPointerException e) {
            problems.add(new Problem(
                    ReviewLayout.META_SHEET,
                    0,
                    "NOT_A_REVIEW_WORKBOOK",
                    "lembar tersembunyi " + ReviewLayout.META_SHEET + " tidak menyebut bulan; buat buku kerja baru",
                    "the hidden sheet " + ReviewLayout.META_SHEET + " names no month; make a new workbook"));
            return new Reading(fileName, sha256, null, null, null, List.of(), List.of(), 0, problems);
        }
        ReportLabels labels = "en".equals(value(meta, ReviewLayout.KEY_LANGUAGE))
                ? ReportLabels.english()
                : ReportLabels.indonesian();
        List<StatusRow> statusRows = new ArrayList<>();
        List<PairRow> pairRows = new ArrayList<>();
        int[] undecided = {0};
        for (String name : values(meta, ReviewLayout.KEY_STATUS_SHEET)) {
            Optional<SheetContent> sheet = sheet(workbook, name, problems);
            if (sheet.isPresent() && header(sheet.get(), ReviewLayout.statusColumns(labels), problems)) {
                readStatus(sheet.get(), period, today, statusRows, undecided, problems);
            }
        }
        for (String name : values(meta, ReviewLayout.KEY_PAIR_SHEET)) {
            Optional<SheetContent> sheet = sheet(workbook, name, problems);
            if (sheet.isPresent() && header(sheet.get(), ReviewLayout.pairColumns(labels), problems)) {
                readPairs(sheet.get(), today, pairRows, undecided, problems);
            }
        }
        return new Reading(
                fileName,
                sha256,
                period,
                value(meta, ReviewLayout.KEY_DESA),
                value(meta, ReviewLayout.KEY_DESA_NAME),
                statusRows,
                pairRows,
                undecided[0],
                problems);
    }

    /**
     * Turns the rows into override lines decided by {@code decidedBy}, checking each person against
     * the published warehouse and each pair's rows against the month's link of the data directory.
     */
    public static Decisions decisions(Reading reading, DataDirectory data, Connection warehouse, String decidedBy)
            throws SQLException {
        List<Problem> problems = new ArrayList<>(reading.problems());
        List<StatusOverrides.Decision> status = new ArrayList<>();
        List<LinkOverrides.Decision> links = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (String personId : reading.statusRows().stream()
                .map(StatusRow::personId)
                .distinct()
                .toList()) {
            known.addAll(PERSONS.strings(warehouse, personId));
        }
        for (StatusRow row : reading.statusRows()) {
            if (!known.contains(row.personId())) {
                problems.add(new Problem(
                        row.sheet(),
                        row.row(),
                        "PERSON_NOT_IN_WAREHOUSE",
                        "orang " + row.personId() + " tidak ada di gudang data yang diterbitkan (tabel person);"
                                + " buat buku kerja baru dari gudang data sekarang",
                        "person " + row.personId() + " is not in the published warehouse (table person); make a new"
                                + " workbook from the warehouse as it is now"));
                continue;
            }
            status.add(new StatusOverrides.Decision(
                    0,
                    row.personId(),
                    row.status(),
                    row.from(),
                    decidedBy,
                    row.decidedOn(),
                    row.reference(),
                    row.note()));
        }
        for (PairRow row : reading.pairRows()) {
            Optional<LinkOverrides.Side> left = side(data, row, row.leftFile(), row.leftRow(), problems);
            Optional<LinkOverrides.Side> right = side(data, row, row.rightFile(), row.rightRow(), problems);
            if (left.isEmpty() || right.isEmpty()) {
                continue;
            }
            try {
                links.add(new LinkOverrides.Decision(
                        0, row.kind(), left.get(), right.get(), decidedBy, row.decidedOn(), row.reference()));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(
                        row.sheet(),
                        row.row(),
                        "SIDES_EQUAL",
                        "kedua baris adalah baris program yang sama dengan NIK yang sama; tidak ada yang dapat"
                                + " diputuskan",
                        "both rows are rows of one program with one NIK; there is nothing to decide"));
            }
        }
        return new Decisions(status, links, problems);
    }

    private static Optional<LinkOverrides.Side> side(
            DataDirectory data, PairRow row, String file, long sourceRow, List<Problem> problems) throws SQLException {
        Optional<LinkOverrides.RowLookup> found = LinkOverrides.rowOf(data, row.period(), file, sourceRow);
        if (found.isEmpty()) {
            problems.add(new Problem(
                    row.sheet(),
                    row.row(),
                    "ROW_NOT_IN_LINK",
                    "baris " + sourceRow + " dari " + file + " tidak ada dalam penautan " + row.period(),
                    "row " + sourceRow + " of " + file + " is not in the link of " + row.period()));
            return Optional.empty();
        }
        if (found.get().rows() > 1) {
            problems.add(new Problem(
                    row.sheet(),
                    row.row(),
                    "ROW_NOT_DISTINCT",
                    "baris " + sourceRow + " dari " + file + " tidak dapat dibedakan dari "
                            + (found.get().rows() - 1)
                            + " baris lain program " + found.get().side().programCode() + " dengan NIK yang sama;"
                            + " keputusan atasnya belum dapat dicatat",
                    "row " + sourceRow + " of " + file + " cannot be told apart from "
                            + (found.get().rows() - 1)
                            + " other rows of program " + found.get().side().programCode() + " with the same NIK;"
                            + " a decision on it cannot be recorded yet"));
            return Optional.empty();
        }
        return Optional.of(found.get().side());
    }

    private static void readStatus(
            SheetContent sheet,
            YearMonth period,
            LocalDate today,
            List<StatusRow> rows,
            int[] undecided,
            List<Problem> problems) {
        for (int index = 1; index < sheet.rows().size(); index++) {
            int row = index + 1;
            if (sheet.rows().get(index).isEmpty()) {
                continue;
            }
            int before = problems.size();
            noFormula(sheet, index, problems, ReviewLayout.STATUS_DECISION, ReviewLayout.STATUS_NOTE);
            String decision = sheet.text(index, ReviewLayout.STATUS_DECISION);
            String decidedOnText = sheet.text(index, ReviewLayout.STATUS_DECIDED_ON);
            String reference = sheet.text(index, ReviewLayout.STATUS_REFERENCE);
            String note = sheet.text(index, ReviewLayout.STATUS_NOTE);
            if (decision.isEmpty()) {
                if (!decidedOnText.isEmpty() || !reference.isEmpty() || !note.isEmpty()) {
                    problems.add(problem(
                            sheet,
                            row,
                            "DECISION_MISSING",
                            "tanggal, nomor berita acara atau catatan diisi tetapi keputusan kosong",
                            "a date, berita acara number or note is filled in but the decision is empty"));
                } else {
                    undecided[0]++;
                }
                continue;
            }
            Optional<StatusOverrides.Status> status = StatusOverrides.Status.parse(decision);
            if (status.isEmpty()) {
                problems.add(problem(
                        sheet,
                        row,
                        "DECISION_UNKNOWN",
                        "keputusan harus MENINGGAL, PINDAH, MAMPU atau AKTIF",
                        "the decision must be MENINGGAL, PINDAH, MAMPU or AKTIF"));
            }
            String personId = sheet.text(index, ReviewLayout.STATUS_PERSON);
            if (!StatusOverrides.isPersonId(personId)) {
                problems.add(problem(
                        sheet,
                        row,
                        "PERSON_ID_INVALID",
                        "kolom ID orang harus ID dari gudang data (P dan 19 digit heksadesimal); jangan diubah",
                        "the person id column must hold a warehouse id (P and 19 hex digits); do not change it"));
            }
            YearMonth from =
                    month(sheet.cell(index, ReviewLayout.STATUS_FROM), period).orElse(null);
            if (from == null) {
                problems.add(problem(
                        sheet,
                        row,
                        "FROM_INVALID",
                        "berlaku mulai harus bulan berbentuk YYYY-MM, misalnya 2026-10",
                        "the month it holds from must look like YYYY-MM, for example 2026-10"));
            }
            LocalDate decidedOn = decidedOn(sheet, index, row, today, ReviewLayout.STATUS_DECIDED_ON, problems);
            checkReference(sheet, row, reference, problems);
            if (SIXTEEN_DIGITS.matcher(note).find()) {
                problems.add(problem(
                        sheet,
                        row,
                        "NOTE_HOLDS_NIK",
                        "catatan tidak boleh memuat NIK atau nomor 16 digit lain",
                        "the note must not hold a NIK or any other 16-digit number"));
            }
            if (problems.size() == before) {
                rows.add(new StatusRow(
                        sheet.name(),
                        row,
                        personId,
                        status.orElseThrow(),
                        from,
                        decidedOn,
                        reference,
                        note.isEmpty() ? null : note));
            }
        }
    }

    private static void readPairs(
            SheetContent sheet, LocalDate today, List<PairRow> rows, int[] undecided, List<Problem> problems) {
        for (int index = 1; index < sheet.rows().size(); index++) {
            int row = index + 1;
            if (sheet.rows().get(index).isEmpty()) {
                continue;
            }
            int before = problems.size();
            noFormula(sheet, index, problems, ReviewLayout.PAIR_DECISION, ReviewLayout.PAIR_REFERENCE);
            String decision = sheet.text(index, ReviewLayout.PAIR_DECISION);
            String decidedOnText = sheet.text(index, ReviewLayout.PAIR_DECIDED_ON);
            String reference = sheet.text(index, ReviewLayout.PAIR_REFERENCE);
            if (decision.isEmpty()) {
                if (!decidedOnText.isEmpty() || !reference.isEmpty()) {
                    problems.add(problem(
                            sheet,
                            row,
                            "DECISION_MISSING",
                            "tanggal atau nomor berita acara diisi tetapi keputusan kosong",
                            "a date or berita acara number is filled in but the decision is empty"));
                } else {
                    undecided[0]++;
                }
                continue;
            }
            LinkOverrides.Kind kind = switch (decision.toUpperCase(Locale.ROOT)) {
                case "SAMA", "SAME", "SAME_PERSON" -> LinkOverrides.Kind.SAME_PERSON;
                case "BEDA", "DIFFERENT", "DIFFERENT_PERSONS" -> LinkOverrides.Kind.DIFFERENT_PERSONS;
                default -> null;
            };
            if (kind == null) {
                problems.add(problem(
                        sheet,
                        row,
                        "DECISION_UNKNOWN",
                        "keputusan harus SAMA (orang yang sama) atau BEDA (dua orang berbeda)",
                        "the decision must be SAME (one person) or DIFFERENT (two people)"));
            }
            YearMonth period =
                    month(sheet.cell(index, ReviewLayout.PAIR_PERIOD), null).orElse(null);
            String[] left = fileAndRow(sheet.text(index, ReviewLayout.PAIR_LEFT));
            String[] right = fileAndRow(sheet.text(index, ReviewLayout.PAIR_RIGHT));
            if (period == null || left == null || right == null) {
                problems.add(problem(
                        sheet,
                        row,
                        "ROW_COLUMNS_CHANGED",
                        "kolom bulan dan baris (berkas#baris) harus seperti yang ditulis SatuPintu; jangan diubah",
                        "the month and row (file#row) columns must be as SatuPintu wrote them; do not change them"));
            }
            LocalDate decidedOn = decidedOn(sheet, index, row, today, ReviewLayout.PAIR_DECIDED_ON, problems);
            checkReference(sheet, row, reference, problems);
            if (problems.size() == before) {
                rows.add(new PairRow(
                        sheet.name(),
                        row,
                        period,
                        left[0],
                        Long.parseLong(left[1]),
                        right[0],
                        Long.parseLong(right[1]),
                        kind,
                        decidedOn,
                        reference));
            }
        }
    }

    private static void noFormula(SheetContent sheet, int index, List<Problem> problems, int first, int last) {
        for (int column = first; column <= last; column++) {
            if (sheet.cell(index, column).kind() == CellKind.FORMULA) {
                problems.add(problem(
                        sheet,
                        index + 1,
                        "FORMULA",
                        "kolom keputusan harus berisi nilai yang diketik, bukan rumus",
                        "the decision columns must hold typed values, not formulas"));
                return;
            }
        }
    }

    private static LocalDate decidedOn(
            SheetContent sheet, int index, int row, LocalDate today, int column, List<Problem> problems) {
        Optional<LocalDate> date = date(sheet.cell(index, column));
        if (date.isEmpty()) {
            problems.add(problem(
                    sheet,
                    row,
                    "DATE_INVALID",
                    "tanggal keputusan harus tanggal berbentuk YYYY-MM-DD, misalnya 2026-10-14",
                    "the decision date must be a date like YYYY-MM-DD, for example 2026-10-14"));
            return null;
        }
        if (date.get().isAfter(today)) {
            problems.add(problem(
                    sheet,
                    row,
                    "DATE_IN_FUTURE",
                    "tanggal keputusan " + date.get() + " belum tiba",
                    "the decision date " + date.get() + " is in the future"));
            return null;
        }
        return date.get();
    }

    private static void checkReference(SheetContent sheet, int row, String reference, List<Problem> problems) {
        if (reference.isEmpty()) {
            problems.add(problem(
                    sheet,
                    row,
                    "REFERENCE_MISSING",
                    "nomor berita acara wajib diisi",
                    "the berita acara number is required"));
        } else if (SIXTEEN_DIGITS.matcher(reference).find()) {
            problems.add(problem(
                    sheet,
                    row,
                    "REFERENCE_HOLDS_NIK",
                    "nomor berita acara tidak boleh memuat NIK atau nomor 16 digit lain",
                    "the berita acara number must not hold a NIK or any other 16-digit number"));
        }
    }

    /** A date cell, or text {@code YYYY-MM-DD}, {@code DD-MM-YYYY} or {@code DD/MM/YYYY}. */
    static Optional<LocalDate> date(CellValue cell) {
        if (cell.isDate()) {
            return cell.date().map(java.time.LocalDateTime::toLocalDate);
        }
        if (cell.kind() != CellKind.TEXT) {
            return Optional.empty();
        }
        String text = stripNeutralizer(cell.text().strip());
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            for (DateTimeFormatter format : DAY_FIRST) {
                try {
                    return Optional.of(LocalDate.parse(text, format));
                } catch (DateTimeParseException next) {
                    // try the next form
                }
            }
            return Optional.empty();
        }
    }

    /** A month cell: text {@code YYYY-MM} (or {@code MM/YYYY}), a date cell's month; blank is {@code whenBlank}. */
    static Optional<YearMonth> month(CellValue cell, YearMonth whenBlank) {
        if (cell.isBlank()) {
            return Optional.ofNullable(whenBlank);
        }
        if (cell.isDate()) {
            return cell.date().map(YearMonth::from);
        }
        if (cell.kind() != CellKind.TEXT) {
            return Optional.empty();
        }
        String text = stripNeutralizer(cell.text().strip());
        try {
            return Optional.of(YearMonth.parse(text));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(YearMonth.parse(text, DateTimeFormatter.ofPattern("M/uuuu")));
            } catch (DateTimeParseException next) {
                return Optional.empty();
            }
        }
    }

    private static String[] fileAndRow(String text) {
        int hash = text.lastIndexOf('#');
        if (hash <= 0 || !text.substring(hash + 1).matches("\\d{1,9}")) {
            return null;
        }
        return new String[] {text.substring(0, hash), text.substring(hash + 1)};
    }

    private static String stripNeutralizer(String text) {
        return text.startsWith(String.valueOf(CellText.NEUTRALIZER)) ? text.substring(1) : text;
    }

    private static boolean header(SheetContent sheet, List<SheetColumn> columns, List<Problem> problems) {
        for (int column = 0; column < columns.size(); column++) {
            if (!sheet.text(0, column).equals(columns.get(column).header())) {
                problems.add(new Problem(
                        sheet.name(),
                        1,
                        "HEADER_CHANGED",
                        "kolom " + (column + 1) + " harus berjudul '"
                                + columns.get(column).header() + "'; kolom tidak boleh dipindah, ditambah atau dihapus",
                        "column " + (column + 1) + " must be headed '"
                                + columns.get(column).header() + "'; columns must not be moved, added or removed"));
                return false;
            }
        }
        return true;
    }

    private static Optional<SheetContent> sheet(WorkbookContent workbook, String name, List<Problem> problems) {
        Optional<SheetContent> sheet = workbook.sheet(name);
        if (sheet.isEmpty()) {
            problems.add(new Problem(
                    name,
                    0,
                    "SHEET_MISSING",
                    "lembar " + name + " tidak ada lagi; nama lembar tidak boleh diubah",
                    "sheet " + name + " is gone; sheet names must not be changed"));
        }
        return sheet;
    }

    private static Problem problem(SheetContent sheet, int row, String rule, String indonesian, String english) {
        return new Problem(sheet.name(), row, rule, indonesian, english);
    }

    private static String value(SheetContent meta, String key) {
        List<String> values = values(meta, key);
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> values(SheetContent meta, String key) {
        List<String> values = new ArrayList<>();
        for (int row = 0; row < meta.rows().size(); row++) {
            if (meta.text(row, 0).equals(key)) {
                values.add(meta.text(row, 1));
            }
        }
        return values;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
