package id.satupintu.pipeline.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * XLSX through fastexcel-reader, streaming one sheet row by row. Title rows above the header are
 * skipped; source rows are spreadsheet row numbers. A number cell's text is its full decimal value
 * and the record marks it {@link RawRecord.CellKind#NUMBER} (a NIK typed into a General cell has
 * lost its 16th digit); a date-formatted number cell becomes an ISO date marked
 * {@link RawRecord.CellKind#DATE}.
 */
final class XlsxRecordReader implements RecordReader {
    /** Quoted literals and bracketed parts (colours, conditions, locales) of a number format. */
    private static final Pattern QUOTED_OR_BRACKETED = Pattern.compile("\"[^\"]*\"|\\[[^]]*]");

    private final String fileName;
    private final ReadableWorkbook workbook;
    private final Stream<Row> rowStream;
    private final Iterator<Row> rows;
    private final Deque<Row> buffered;
    private final List<String> header;
    /** Whether a number format shows a date, by format: a sheet uses a handful of formats. */
    private final DateFormats dateFormats;

    private XlsxRecordReader(
            String fileName,
            ReadableWorkbook workbook,
            Stream<Row> rowStream,
            Iterator<Row> rows,
            Deque<Row> buffered,
            List<String> header,
            DateFormats dateFormats) {
        this.fileName = fileName;
        this.workbook = workbook;
        this.rowStream = rowStream;
        this.rows = rows;
        this.buffered = buffered;
        this.header = header;
        this.dateFormats = dateFormats;
    }

    static XlsxRecordReader open(Path file, SourceDefinition source) throws RosterFileRefusedException {
        String fileName = file.getFileName().toString();
        WorkbookPackage.check(file);
        ReadableWorkbook workbook;
        try {
            workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
        } catch (IOException | RuntimeException e) {
            throw new RosterFileRefusedException(
                    fileName,
                    "berkas XLSX rusak atau bukan XLSX: " + e.getMessage(),
                    "the XLSX file is corrupt or not XLSX: " + e.getMessage());
        }
        Stream<Row> rowStream = null;
        try {
            Sheet sheet = source.sheet() == null
                    ? workbook.getFirstSheet()
                    : workbook.findSheet(source.sheet())
                            .orElseThrow(() -> new RosterFileRefusedException(
                                    fileName,
                                    "lembar kerja " + source.sheet() + " tidak ada",
                                    "there is no sheet " + source.sheet()));
            rowStream = sheet.openStream();
            Iterator<Row> rows = rowStream.iterator();
            List<Row> firstRows = new ArrayList<>();
            while (firstRows.size() < source.headerSearchRows() && rows.hasNext()) {
                firstRows.add(rows.next());
            }
            DateFormats dateFormats = new DateFormats();
            List<List<String>> firstTexts = new ArrayList<>();
            for (Row row : firstRows) {
                firstTexts.add(Arrays.asList(texts(row, 0, new HashMap<>(), dateFormats)));
            }
            int headerAt = RecordReader.headerPosition(fileName, firstTexts, source);
            List<String> header = firstTexts.get(headerAt);
            RecordReader.checkColumnCount(fileName, header, source);
            RecordReader.checkColumnsNamedOnce(fileName, header, source);
            return new XlsxRecordReader(
                    fileName,
                    workbook,
                    rowStream,
                    rows,
                    new ArrayDeque<>(firstRows.subList(headerAt + 1, firstRows.size())),
                    header,
                    dateFormats);
        } catch (RosterFileRefusedException e) {
            close(workbook, rowStream);
            throw e;
        } catch (IOException | RuntimeException e) {
            close(workbook, rowStream);
            throw new RosterFileRefusedException(
                    fileName, "berkas XLSX rusak: " + e.getMessage(), "the XLSX file is corrupt: " + e.getMessage());
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public RawRecord next() throws IOException {
        try {
            while (true) {
                Row row;
                if (!buffered.isEmpty()) {
                    row = buffered.poll();
                } else if (rows.hasNext()) {
                    row = rows.next();
                } else {
                    return null;
                }
                Map<Integer, RawRecord.CellKind> kinds = new HashMap<>(4);
                String[] values = texts(row, header.size(), kinds, dateFormats);
                if (allBlank(values)) {
                    continue; // an empty row between blocks, or formatting left below the data
                }
                return new RawRecord(row.getRowNum(), Arrays.asList(values), kinds, null);
            }
        } catch (UncheckedIOException e) {
            throw new IOException("File " + fileName + " cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IOException("File " + fileName + " is corrupt: " + e.getMessage(), e);
        }
    }

    private static boolean allBlank(String[] values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String[] texts(
            Row row, int minimumWidth, Map<Integer, RawRecord.CellKind> kinds, DateFormats dateFormats) {
        String[] values = new String[Math.max(row.getCellCount(), minimumWidth)];
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell cell = row.getCell(i);
            if (cell == null) {
                continue;
            }
            switch (cell.getType()) {
                case NUMBER -> {
                    if (dateFormats.isDate(cell.getDataFormatString())) {
                        values[i] = cell.asDate().toLocalDate().toString();
                        kinds.put(i, RawRecord.CellKind.DATE);
                    } else {
                        BigDecimal number = cell.asNumber();
                        values[i] = number.stripTrailingZeros().toPlainString();
                        kinds.put(i, RawRecord.CellKind.NUMBER);
                    }
                }
                case EMPTY -> values[i] = null;
                case STRING -> values[i] = cell.asString();
                case FORMULA -> {
                    // the value Excel calculated and saved; a formula never calculated has none
                    if (cell.getValue() instanceof BigDecimal number) {
                        if (dateFormats.isDate(cell.getDataFormatString())) {
                            // Excel's day serial (1900 system, its leap-year bug absorbed by the epoch)
                            values[i] = java.time.LocalDate.of(1899, 12, 30)
                                    .plusDays(number.longValue())
                                    .toString();
                            kinds.put(i, RawRecord.CellKind.DATE);
                        } else {
                            values[i] = number.stripTrailingZeros().toPlainString();
                            kinds.put(i, RawRecord.CellKind.NUMBER);
                        }
                    } else {
                        values[i] = cell.getRawValue();
                    }
                }
                default -> values[i] = cell.getRawValue();
            }
        }
        return values;
    }

    /** A number format that shows a date: it has a day, month or year part outside quotes and brackets. */
    static boolean isDateFormat(String format) {
        if (format == null) {
            return false;
        }
        String bare = QUOTED_OR_BRACKETED.matcher(format).replaceAll("").toLowerCase(Locale.ROOT);
        if (bare.equals("general")) {
            return false;
        }
        return bare.contains("d") || bare.contains("y") || (bare.contains("m") && !bare.contains("0"));
    }

    /**
     * {@link #isDateFormat} remembered per format text: every number cell asks, and a sheet has few
     * formats (fastexcel hands the same text for cells of one style).
     */
    private static final class DateFormats {
        private final Map<String, Boolean> known = new HashMap<>();

        boolean isDate(String format) {
            if (format == null) {
                return false;
            }
            Boolean date = known.get(format);
            if (date == null) {
                date = isDateFormat(format);
                known.put(format, date);
            }
            return date;
        }
    }

    @Override
    public String rawSeparator() {
        return "|";
    }

    @Override
    public void close() throws IOException {
        close(workbook, rowStream);
    }

    private static void close(ReadableWorkbook workbook, Stream<Row> rowStream) {
        if (rowStream != null) {
            rowStream.close();
        }
        try {
            workbook.close();
        } catch (IOException e) {
            // nothing left to read from it
        }
    }
}
