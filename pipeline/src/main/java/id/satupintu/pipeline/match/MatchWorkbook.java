package id.satupintu.pipeline.match;

import id.satupintu.pipeline.ingest.ListReader;
import id.satupintu.pipeline.ingest.RawRecord;
import id.satupintu.pipeline.ingest.ValidationRule;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a matched list as an XLSX workbook for Dinas Sosial: the first sheet is the list as it
 * came (its header and rows; number and date cells stay numbers and dates) with six columns added
 * (status, person id, match probability, the month's programs, flags, notes); the second explains
 * the month matched against, the columns used and what each status and flag means. Labels are in
 * Bahasa Indonesia, or English for an English locale. Every row keeps the row number it had in the
 * list (title rows above the header are left out), so a row number in the notes is the list's.
 *
 * <p>A text cell that starts with {@code = + - @}, a tab or a carriage return gets a leading
 * apostrophe, so that no value of the list (or of this file) becomes a formula when the sheet is
 * edited or saved as CSV and opened again.
 */
public final class MatchWorkbook {
    /** Columns added after the list's own, in both languages. */
    static final List<String> ADDED_INDONESIAN =
            List.of("STATUS", "ID_ORANG", "PELUANG_COCOK", "PROGRAM", "TANDA", "KETERANGAN");

    static final List<String> ADDED_ENGLISH =
            List.of("STATUS", "PERSON_ID", "MATCH_PROBABILITY", "PROGRAMS", "FLAGS", "NOTES");

    private MatchWorkbook() {}

    /** Writes the workbook under a temporary name beside {@code out}, then renames it into place. */
    public static void write(MatchedList list, Path out, Locale locale) throws IOException {
        boolean english = MatchStatus.english(locale);
        Path temporary = out.resolveSibling(out.getFileName() + ".partial");
        try {
            try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(temporary))) {
                Workbook workbook = new Workbook(stream, "SatuPintu", "1.0");
                writeResult(workbook.newWorksheet(english ? "Result" : "Hasil"), list, locale);
                writeAbout(workbook.newWorksheet(english ? "About" : "Keterangan"), list, locale);
                workbook.finish();
            }
            Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void writeResult(Worksheet sheet, MatchedList list, Locale locale) throws IOException {
        List<String> added = MatchStatus.english(locale) ? ADDED_ENGLISH : ADDED_INDONESIAN;
        int width = list.header().size();
        // every row keeps its row number, so that a row number in the notes is the list's; the header
        // sits right above the first data row (title rows above it are left out)
        int headerRow = (int) Math.max(0, list.rows().get(0).row().sourceRow() - 2);
        for (int column = 0; column < width; column++) {
            String name = list.header().get(column);
            sheet.inlineString(headerRow, column, neutralized(name == null ? "" : name));
            sheet.style(headerRow, column).bold().set();
        }
        for (int i = 0; i < added.size(); i++) {
            sheet.inlineString(headerRow, width + i, added.get(i));
            sheet.style(headerRow, width + i).bold().fillColor("DDEBF7").set();
        }
        sheet.freezePane(0, headerRow + 1);
        int written = 0;
        for (MatchedRow matched : list.rows()) {
            RawRecord record = matched.row().record();
            int row = (int) record.sourceRow() - 1;
            for (int column = 0; column < width; column++) {
                writeOriginal(sheet, row, column, record.value(column), record.kind(column));
            }
            sheet.inlineString(row, width, matched.status().label(locale));
            text(sheet, row, width + 1, matched.personId());
            if (matched.matchProbability() != null) {
                sheet.value(row, width + 2, matched.matchProbability());
                sheet.style(row, width + 2).format("0.0000").set();
            }
            text(sheet, row, width + 3, String.join(", ", matched.programs()));
            text(
                    sheet,
                    row,
                    width + 4,
                    matched.flags().stream().map(flag -> flag.label(locale)).collect(Collectors.joining(", ")));
            text(sheet, row, width + 5, neutralized(String.join("; ", notes(matched, locale))));
            if (++written % 1024 == 0) {
                sheet.flush();
            }
        }
        sheet.width(width, 17);
        sheet.width(width + 1, 23);
        sheet.width(width + 4, 30);
        sheet.width(width + 5, 60);
        sheet.finish();
    }

    private static void text(Worksheet sheet, int row, int column, String value) {
        if (value != null && !value.isEmpty()) {
            sheet.inlineString(row, column, value);
        }
    }

    /** A value of the list as it was: a number cell stays a number, a date cell a date, text text. */
    private static void writeOriginal(Worksheet sheet, int row, int column, String value, RawRecord.CellKind kind) {
        if (value == null || value.isEmpty()) {
            return;
        }
        switch (kind) {
            case NUMBER -> sheet.value(row, column, new BigDecimal(value));
            case DATE -> {
                sheet.value(row, column, LocalDate.parse(value));
                sheet.style(row, column).format("dd/mm/yyyy").set();
            }
            default -> sheet.inlineString(row, column, neutralized(value));
        }
    }

    /** The text with a leading apostrophe when a spreadsheet would take it for a formula. */
    static String neutralized(String text) {
        return id.satupintu.pipeline.report.CellText.neutralized(text);
    }

    /** What the row's flags and the ingest rules found, one sentence each, in the order of the flags. */
    static List<String> notes(MatchedRow matched, Locale locale) {
        boolean english = MatchStatus.english(locale);
        List<String> notes = new ArrayList<>();
        for (DukcapilEvent event : matched.events()) {
            String date = event.eventDate() == null ? "" : " " + event.eventDate();
            if (event.isDeath()) {
                notes.add((english ? "died" : "meninggal") + date + " (Dukcapil)");
            } else {
                String destination = event.destinationCode() == null
                        ? ""
                        : (english ? " to " : " ke ")
                                + (event.destinationName() == null
                                        ? event.destinationCode()
                                        : event.destinationName() + " (" + event.destinationCode() + ")");
                notes.add((english ? "moved out" : "pindah keluar") + date + destination + " (Dukcapil)");
            }
        }
        if (!matched.duplicateRows().isEmpty()) {
            String rows = matched.duplicateRows().stream().map(String::valueOf).collect(Collectors.joining(", "));
            notes.add(
                    english
                            ? (matched.duplicateRows().size() == 1 ? "same person as row " : "same person as rows ")
                                    + rows
                            : "orang yang sama dengan baris " + rows);
        }
        ValidationRule nikRule = matched.row().nikRule();
        if (nikRule != null) {
            notes.add(rule(nikRule, english));
        }
        for (MatchFlag flag : List.of(MatchFlag.EXCEL_DAMAGED_NIK, MatchFlag.NIK_DIFFERS, MatchFlag.NIK_GANDA)) {
            if (matched.flags().contains(flag)) {
                notes.add(flag.meaning(locale));
            }
        }
        for (ValidationRule finding : matched.row().findings()) {
            notes.add(rule(finding, english));
        }
        return notes;
    }

    private static String rule(ValidationRule rule, boolean english) {
        return rule.id() + ": " + (english ? rule.messageEnglish() : rule.messageIndonesian());
    }

    private static final Map<String, List<String>> COLUMN_NAMES = Map.of(
            ListReader.NIK, List.of("NIK", "NIK"),
            ListReader.NAMA, List.of("Nama", "Name"),
            ListReader.BIRTH_DATE, List.of("Tanggal lahir", "Birth date"),
            ListReader.KODE_DESA, List.of("Kode desa", "Desa code"),
            ListReader.DESA_NAME, List.of("Desa", "Desa"),
            ListReader.KECAMATAN_NAME, List.of("Kecamatan", "Kecamatan"),
            ListReader.NO_KK, List.of("No. KK", "No. KK"));

    private static void writeAbout(Worksheet sheet, MatchedList list, Locale locale) throws IOException {
        boolean english = MatchStatus.english(locale);
        int language = english ? 1 : 0;
        int row = 0;
        sheet.inlineString(
                row,
                0,
                english
                        ? "A list checked against the SatuPintu warehouse"
                        : "Daftar yang dicocokkan dengan gudang data SatuPintu");
        sheet.style(row, 0).bold().set();
        row += 2;
        row = pair(sheet, row, english ? "List" : "Daftar", neutralized(list.fileName()));
        row = pair(
                sheet,
                row,
                english ? "Month matched against" : "Periode gudang data",
                list.period().toString());
        row = pair(
                sheet,
                row,
                english ? "Rows" : "Baris",
                String.valueOf(list.rows().size()));
        row++;
        sheet.inlineString(row, 0, english ? "Column used" : "Kolom yang dipakai");
        sheet.inlineString(row, 1, english ? "Header in the list" : "Judul kolom di daftar");
        sheet.style(row, 0).bold().set();
        sheet.style(row, 1).bold().set();
        row++;
        for (Map.Entry<String, String> column : list.columns().entrySet()) {
            row = pair(
                    sheet,
                    row,
                    COLUMN_NAMES.get(column.getKey()).get(language),
                    neutralized(column.getValue() == null ? "" : column.getValue()));
        }
        row++;
        sheet.inlineString(row, 0, "STATUS");
        sheet.inlineString(row, 1, english ? "Meaning" : "Arti");
        sheet.style(row, 0).bold().set();
        sheet.style(row, 1).bold().set();
        row++;
        for (MatchStatus status : MatchStatus.values()) {
            row = pair(sheet, row, status.label(locale), status.meaning(locale));
        }
        row++;
        sheet.inlineString(row, 0, english ? "FLAGS" : "TANDA");
        sheet.inlineString(row, 1, english ? "Meaning" : "Arti");
        sheet.style(row, 0).bold().set();
        sheet.style(row, 1).bold().set();
        row++;
        for (MatchFlag flag : MatchFlag.values()) {
            row = pair(sheet, row, flag.label(locale), flag.meaning(locale));
        }
        row++;
        sheet.inlineString(
                row,
                0,
                english
                        ? "PERSON_ID is the warehouse's pseudonymous id: query the warehouse with it (enrollment,"
                                + " person). MATCH_PROBABILITY is the linkage model's; 1 for an equal valid NIK."
                        : "ID_ORANG adalah ID samaran di gudang data: pakai untuk kueri gudang data (enrollment,"
                                + " person). PELUANG_COCOK dari model penautan; 1 untuk NIK sah yang sama.");
        sheet.width(0, 28);
        sheet.width(1, 100);
        sheet.finish();
    }

    private static int pair(Worksheet sheet, int row, String name, String value) {
        sheet.inlineString(row, 0, name);
        sheet.inlineString(row, 1, value);
        return row + 1;
    }
}
