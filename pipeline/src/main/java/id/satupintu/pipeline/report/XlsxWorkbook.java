package id.satupintu.pipeline.report;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dhatim.fastexcel.VisibilityState;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes an XLSX workbook for people who open it in Excel or LibreOffice, the same way for every
 * output of SatuPintu: text cells neutralized ({@link CellText}) and formatted as text, numbers
 * stored as numbers with a thousands format ({@link ColumnKind}), a bold frozen header with a
 * filter, and a table longer than a sheet can hold split over sheets named {@code Name}, {@code Name
 * (2)}, {@code Name (3)}, each with the header again. Excel holds {@value #EXCEL_MAX_ROWS} rows a
 * sheet; the limit is a constructor argument so that tests can split small tables.
 *
 * <p>The workbook is streamed: one sheet is written at a time and finished before the next one
 * begins, and rows are flushed as they go, so a table of any length needs little memory. Sheets
 * appear in the order they are begun.
 */
public final class XlsxWorkbook implements Closeable {
    public static final int EXCEL_MAX_ROWS = 1_048_576;
    /** Excel's limit on the length of a sheet name. */
    public static final int MAX_SHEET_NAME = 31;

    private static final int FLUSH_EVERY = 1024;

    private final Workbook workbook;
    private final int maxRowsPerSheet;
    private final Set<String> usedNames = new HashSet<>();
    private Worksheet current;
    private boolean finished;

    /**
     * @param maxRowsPerSheet rows a sheet may hold, header included: {@link #EXCEL_MAX_ROWS} for
     *     real workbooks
     */
    public XlsxWorkbook(OutputStream out, int maxRowsPerSheet) {
        requireNonNull(out, "out is null");
        if (maxRowsPerSheet < 2 || maxRowsPerSheet > EXCEL_MAX_ROWS) {
            throw new IllegalArgumentException(
                    "maxRowsPerSheet must be between 2 and " + EXCEL_MAX_ROWS + ": " + maxRowsPerSheet);
        }
        this.workbook = new Workbook(out, "SatuPintu", "0.1");
        this.maxRowsPerSheet = maxRowsPerSheet;
    }

    public XlsxWorkbook(OutputStream out) {
        this(out, EXCEL_MAX_ROWS);
    }

    /**
     * A sheet of lines of text: a title in bold, then each line's cells (label, value, ...), the
     * first cell of each line in bold. For covers and notes.
     */
    public void textSheet(String name, String title, List<List<String>> lines) throws IOException {
        Worksheet sheet = begin(name);
        sheet.width(0, 34);
        sheet.width(1, 90);
        sheet.value(0, 0, CellText.neutralized(title));
        sheet.style(0, 0).bold().fontSize(14).set();
        int row = 2;
        for (List<String> line : lines) {
            for (int column = 0; column < line.size(); column++) {
                String text = line.get(column);
                if (text == null) {
                    continue;
                }
                sheet.value(row, column, CellText.neutralized(text));
                if (column == 0) {
                    sheet.style(row, column)
                            .bold()
                            .format("@")
                            .verticalAlignment("top")
                            .set();
                } else {
                    sheet.style(row, column)
                            .format("@")
                            .wrapText(true)
                            .verticalAlignment("top")
                            .set();
                }
            }
            row++;
        }
        end();
    }

    /**
     * A hidden sheet of key and value lines, for what a program reads back from the workbook (the
     * format version, the period); people do not see it unless they unhide it.
     */
    public void hiddenSheet(String name, List<List<String>> lines) throws IOException {
        Worksheet sheet = begin(name);
        for (int row = 0; row < lines.size(); row++) {
            List<String> line = lines.get(row);
            for (int column = 0; column < line.size(); column++) {
                if (line.get(column) != null) {
                    sheet.value(row, column, CellText.neutralized(line.get(column)));
                    sheet.style(row, column).format("@").set();
                }
            }
        }
        sheet.setVisibilityState(VisibilityState.HIDDEN);
        end();
    }

    /** Begins a table; its rows go to sheets named after {@code name} until {@link Table#close()}. */
    public Table table(String name, List<SheetColumn> columns) throws IOException {
        return new Table(name, columns);
    }

    /** Finishes the workbook; the stream then holds a complete XLSX file (it is not closed). */
    public void finish() throws IOException {
        if (current != null) {
            throw new IllegalStateException("sheet " + current.getName() + " is still being written");
        }
        if (!finished) {
            workbook.finish();
            finished = true;
        }
    }

    @Override
    public void close() throws IOException {
        finish();
    }

    /** A sheet name Excel accepts: no {@code : \ / ? * [ ]}, at most 31 characters, unique in the workbook. */
    static String sheetName(String wanted, String suffix) {
        String clean = wanted.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
        if (clean.startsWith("'")) {
            clean = clean.substring(1);
        }
        int room = MAX_SHEET_NAME - suffix.length();
        if (clean.length() > room) {
            clean = clean.substring(0, room).strip();
        }
        return clean + suffix;
    }

    private Worksheet begin(String name) {
        if (current != null) {
            throw new IllegalStateException("sheet " + current.getName() + " is still being written");
        }
        String sheetName = sheetName(name, "");
        if (!usedNames.add(sheetName.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("two sheets named " + sheetName);
        }
        current = workbook.newWorksheet(sheetName);
        return current;
    }

    private void end() throws IOException {
        current.finish();
        current = null;
    }

    /** The rows of one table, over as many sheets as they need. */
    public final class Table implements Closeable {
        private final String name;
        private final List<SheetColumn> columns;
        private final List<String> sheetNames = new ArrayList<>();
        private final List<Validation> validations = new ArrayList<>();
        private Worksheet sheet;
        private int nextRow;
        private long rows;
        private boolean closed;

        private record Validation(int column, List<String> values) {}

        private Table(String name, List<SheetColumn> columns) throws IOException {
            this.name = requireNonNull(name, "name is null");
            this.columns = List.copyOf(columns);
            if (this.columns.isEmpty()) {
                throw new IllegalArgumentException("a table needs a column");
            }
            nextPart();
        }

        /**
         * Offers {@code values} as a drop-down list in the cells of {@code column} on every sheet of
         * the table (from the sheet being written on). Excel still lets a person type another value,
         * with a warning; whoever reads the workbook back validates it.
         */
        public void dropDown(int column, List<String> values) {
            validations.add(new Validation(column, List.copyOf(values)));
            applyValidation(validations.get(validations.size() - 1));
        }

        /** Writes one row; a null value leaves its cell empty. */
        public void row(Object... values) throws IOException {
            if (closed) {
                throw new IllegalStateException("table " + name + " is closed");
            }
            if (values.length > columns.size()) {
                throw new IllegalArgumentException(
                        "table " + name + " has " + columns.size() + " columns, not " + values.length);
            }
            if (nextRow >= maxRowsPerSheet) {
                nextPart();
            }
            for (int column = 0; column < values.length; column++) {
                write(nextRow, column, columns.get(column), values[column]);
            }
            nextRow++;
            rows++;
            if (nextRow % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }

        /** Data rows written so far. */
        public long rows() {
            return rows;
        }

        /** The sheets the table went to, in order. */
        public List<String> sheetNames() {
            return List.copyOf(sheetNames);
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                endPart();
            }
        }

        private void endPart() throws IOException {
            // the filter covers the header and the rows of this sheet
            sheet.setAutoFilter(0, 0, Math.max(0, nextRow - 1), columns.size() - 1);
            end();
        }

        private void nextPart() throws IOException {
            if (sheet != null) {
                endPart();
            }
            String part =
                    sheetNames.isEmpty() ? sheetName(name, "") : sheetName(name, " (" + (sheetNames.size() + 1) + ")");
            sheet = begin(part);
            sheetNames.add(sheet.getName());
            for (int column = 0; column < columns.size(); column++) {
                SheetColumn spec = columns.get(column);
                sheet.width(column, spec.width());
                sheet.value(0, column, CellText.neutralized(spec.header()));
                sheet.style(0, column)
                        .bold()
                        .fillColor("DDEBF7")
                        .wrapText(true)
                        .verticalAlignment("top")
                        .set();
            }
            sheet.freezePane(0, 1);
            validations.forEach(this::applyValidation);
            nextRow = 1;
        }

        private void applyValidation(Validation validation) {
            String list = "\"" + String.join(",", validation.values()) + "\"";
            sheet.range(1, validation.column(), maxRowsPerSheet - 1, validation.column())
                    .validateWithListByFormula(list)
                    .allowBlank(true);
        }

        private void write(int row, int column, SheetColumn spec, Object value) {
            if (value == null) {
                if (spec.kind() == ColumnKind.TEXT) {
                    // an empty text cell to fill in keeps the text format
                    sheet.style(row, column).format("@").set();
                }
                return;
            }
            switch (spec.kind()) {
                case TEXT -> sheet.value(row, column, CellText.neutralized(value.toString()));
                case INTEGER, AMOUNT, PERCENT -> {
                    if (!(value instanceof Number number)) {
                        throw new IllegalArgumentException("column " + spec.header() + " of " + name
                                + " takes numbers, not " + value.getClass().getSimpleName());
                    }
                    sheet.value(row, column, number instanceof BigDecimal decimal ? decimal : number);
                }
            }
            sheet.style(row, column).format(spec.kind().format()).set();
        }
    }
}
