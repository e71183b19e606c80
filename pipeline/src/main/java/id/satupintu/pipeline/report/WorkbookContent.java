package id.satupintu.pipeline.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;

/**
 * A workbook read back whole: every sheet with its cells as typed values and number formats. For
 * workbooks SatuPintu wrote and people filled in (a musyawarah desa review), which are small; the
 * rosters are read by the streaming ingest reader instead.
 */
public record WorkbookContent(List<SheetContent> sheets) {
    public WorkbookContent {
        sheets = List.copyOf(sheets);
    }

    /** What a cell holds. */
    public enum CellKind {
        EMPTY,
        TEXT,
        NUMBER,
        BOOLEAN,
        FORMULA,
        ERROR
    }

    /**
     * One cell: its kind, the text it holds (a number as written in the file), the number, and its
     * number format ({@code General}, {@code #,##0}, {@code @}, a date format, ...).
     */
    public record CellValue(CellKind kind, String text, BigDecimal number, String format) {
        public static final CellValue EMPTY = new CellValue(CellKind.EMPTY, "", null, null);

        public CellValue {
            requireNonNull(kind, "kind is null");
            requireNonNull(text, "text is null");
        }

        public boolean isBlank() {
            return kind == CellKind.EMPTY || (kind == CellKind.TEXT && text.isBlank());
        }

        /** Whether Excel shows the number as a date (a date typed into a cell). */
        public boolean isDate() {
            if (kind != CellKind.NUMBER || format == null) {
                return false;
            }
            String plain = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "");
            return plain.matches(".*[dDyY].*") || plain.matches(".*m+.*[dy].*");
        }

        /** The date of a date cell (Excel's 1900 date system). */
        public Optional<LocalDateTime> date() {
            if (!isDate()) {
                return Optional.empty();
            }
            double serial = number.doubleValue();
            long days = (long) Math.floor(serial);
            long seconds = Math.round((serial - days) * 86_400);
            // serial 1 is 1900-01-01; Excel counts a 29 February 1900 that never was
            LocalDateTime base = LocalDateTime.of(1899, 12, 30, 0, 0);
            if (days < 61) {
                base = base.plusDays(1);
            }
            return Optional.of(base.plusDays(days).plusSeconds(seconds));
        }
    }

    /** One sheet: its name, whether it is hidden, and its rows (row 0 first; a missing row is empty). */
    public record SheetContent(String name, boolean hidden, List<List<CellValue>> rows) {
        public SheetContent {
            requireNonNull(name, "name is null");
            rows = List.copyOf(rows);
        }

        /** The cell at a row and column (from 0), empty where nothing is written. */
        public CellValue cell(int row, int column) {
            if (row >= rows.size() || column >= rows.get(row).size()) {
                return CellValue.EMPTY;
            }
            return rows.get(row).get(column);
        }

        /** The text of a cell, stripped; numbers as written. */
        public String text(int row, int column) {
            return cell(row, column).text().strip();
        }
    }

    public Optional<SheetContent> sheet(String name) {
        return sheets.stream().filter(sheet -> sheet.name().equals(name)).findFirst();
    }

    public static WorkbookContent read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static WorkbookContent read(InputStream in) throws IOException {
        List<SheetContent> sheets = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(in, new ReadingOptions(true, false))) {
            for (Sheet sheet : workbook.getSheets().toList()) {
                List<List<CellValue>> rows = new ArrayList<>();
                try (Stream<Row> stream = sheet.openStream()) {
                    for (Row row : (Iterable<Row>) stream::iterator) {
                        int number = row.getRowNum() - 1;
                        while (rows.size() < number) {
                            rows.add(List.of());
                        }
                        List<CellValue> cells = new ArrayList<>();
                        for (int column = 0; column < row.getCellCount(); column++) {
                            cells.add(value(row.getCell(column)));
                        }
                        rows.add(cells);
                    }
                }
                sheets.add(new SheetContent(sheet.getName(), sheet.getVisibility() != SheetVisibility.VISIBLE, rows));
            }
        }
        return new WorkbookContent(sheets);
    }

    private static CellValue value(Cell cell) {
        if (cell == null) {
            return CellValue.EMPTY;
        }
        CellType type = cell.getType();
        String raw = cell.getRawValue() == null ? "" : cell.getRawValue();
        String format = format(cell);
        return switch (type) {
            case EMPTY -> CellValue.EMPTY;
            case STRING -> new CellValue(CellKind.TEXT, cell.asString(), null, format);
            case NUMBER -> new CellValue(CellKind.NUMBER, raw, cell.asNumber(), format);
            case BOOLEAN -> new CellValue(CellKind.BOOLEAN, raw, null, format);
            case FORMULA -> new CellValue(CellKind.FORMULA, cell.getFormula(), null, format);
            case ERROR -> new CellValue(CellKind.ERROR, raw, null, format);
        };
    }

    /** The cell's number format; the reader names custom formats, the built-in ones are named here. */
    private static String format(Cell cell) {
        if (cell.getDataFormatString() != null) {
            return cell.getDataFormatString();
        }
        Integer id = cell.getDataFormatId();
        if (id == null) {
            return null;
        }
        return switch (id) {
            case 0 -> "General";
            case 1 -> "0";
            case 2 -> "0.00";
            case 3 -> "#,##0";
            case 4 -> "#,##0.00";
            case 14 -> "m/d/yy";
            case 15 -> "d-mmm-yy";
            case 16 -> "d-mmm";
            case 17 -> "mmm-yy";
            case 22 -> "m/d/yy h:mm";
            case 49 -> "@";
            default -> null;
        };
    }
}
