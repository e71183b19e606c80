package id.satupintu.pipeline.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * CSV through FastCSV: separator and encoding from the catalogue or detected, a UTF-8 BOM
 * skipped, title lines above the header skipped. Source rows are file line numbers (the header on
 * line 1 puts the first data row on line 2, as a spreadsheet shows it).
 */
final class CsvRecordReader implements RecordReader {
    private static final char[] SEPARATOR_CANDIDATES = {';', ',', '\t', '|'};
    private static final int SNIFF_BYTES = 64 * 1024;

    /**
     * The longest field read, in characters: a longer one (a runaway quote, a hostile file) refuses
     * the file; a field over {@link RowJudge#LONGEST_VALUE} but within this is one rejected row.
     */
    static final int LONGEST_FIELD_CHARACTERS = 1 << 20;

    static final int LONGEST_RECORD_CHARACTERS = 4 << 20;

    /** The most fields of a record (a spreadsheet has at most 16,384 columns). */
    static final int MOST_FIELDS = 16_384;

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final String fileName;
    private final CsvReader<CsvRecord> csv;
    private final Iterator<CsvRecord> records;
    private final Deque<CsvRecord> buffered;
    private final List<String> header;
    private final char separator;
    private long lastLine;

    private CsvRecordReader(
            String fileName,
            CsvReader<CsvRecord> csv,
            Iterator<CsvRecord> records,
            Deque<CsvRecord> buffered,
            List<String> header,
            char separator) {
        this.fileName = fileName;
        this.csv = csv;
        this.records = records;
        this.buffered = buffered;
        this.header = header;
        this.separator = separator;
    }

    static CsvRecordReader open(Path file, SourceDefinition source) throws RosterFileRefusedException {
        String fileName = file.getFileName().toString();
        byte[] head = head(file);
        // a byte order mark says what the bytes are, whatever the catalogue expects
        Charset byteOrderMark = byteOrderMarkCharset(head);
        Charset charset = byteOrderMark != null
                ? byteOrderMark
                : source.charset() != null ? source.charset() : detectCharset(head);
        TextFileCheck.refuseIfNotText(fileName, head, charset);
        String headText = new String(head, charset);
        char detected = detectSeparator(headText);
        char separator = source.delimiter() != null ? source.delimiter().charAt(0) : detected;
        CsvReader<CsvRecord> csv;
        try {
            csv = CsvReader.builder()
                    .fieldSeparator(separator)
                    .detectBomHeader(true)
                    .allowExtraFields(true)
                    .allowMissingFields(true)
                    .allowExtraCharsAfterClosingQuote(true)
                    .maxBufferSize(LONGEST_RECORD_CHARACTERS)
                    .build(
                            CsvRecordHandler.builder()
                                    .maxFields(MOST_FIELDS)
                                    .maxFieldSize(LONGEST_FIELD_CHARACTERS)
                                    .maxRecordSize(LONGEST_RECORD_CHARACTERS)
                                    .build(),
                            file,
                            charset);
        } catch (IOException e) {
            throw new RosterFileRefusedException(
                    fileName, "berkas tidak dapat dibuka: " + e.getMessage(), "cannot open file: " + e.getMessage());
        }
        try {
            Iterator<CsvRecord> records = csv.iterator();
            List<CsvRecord> firstRecords = new ArrayList<>();
            try {
                while (firstRecords.size() < source.headerSearchRows() && records.hasNext()) {
                    firstRecords.add(records.next());
                }
            } catch (CsvParseException | UncheckedIOException e) {
                if (firstRecords.isEmpty()) {
                    throw e;
                }
                long line = firstRecords.get(firstRecords.size() - 1).getStartingLineNumber();
                throw new RosterFileRefusedException(
                        fileName,
                        "berkas tidak dapat diurai sesudah baris " + line + ": " + e.getMessage(),
                        "the file cannot be parsed after line " + line + ": " + e.getMessage());
            }
            List<List<String>> firstRows =
                    firstRecords.stream().map(CsvRecord::getFields).toList();
            int headerAt;
            try {
                headerAt = RecordReader.headerPosition(fileName, firstRows, source);
            } catch (RosterFileRefusedException e) {
                if (detected == separator || firstRows.isEmpty()) {
                    throw e;
                }
                throw new RosterFileRefusedException(
                        fileName,
                        e.reasonIndonesian() + "; baris judul tampaknya dipisah dengan '" + detected + "', bukan '"
                                + separator + "' seperti tata letak sumber ini",
                        e.reasonEnglish() + "; the header seems separated by '" + detected + "', not by '" + separator
                                + "' as this source's layout says");
            }
            List<String> header = firstRows.get(headerAt);
            RecordReader.checkColumnCount(fileName, header, source);
            RecordReader.checkColumnsNamedOnce(fileName, header, source);
            Deque<CsvRecord> buffered = new ArrayDeque<>(firstRecords.subList(headerAt + 1, firstRecords.size()));
            return new CsvRecordReader(fileName, csv, records, buffered, header, separator);
        } catch (CsvParseException | UncheckedIOException e) {
            closeQuietly(csv);
            throw new RosterFileRefusedException(
                    fileName,
                    "baris judul tidak dapat dibaca: " + e.getMessage(),
                    "cannot read header: " + e.getMessage());
        } catch (RosterFileRefusedException e) {
            closeQuietly(csv);
            throw e;
        }
    }

    /** The charset a byte order mark at the start of the file names, or null without one. */
    static Charset byteOrderMarkCharset(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return UTF_8;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public RawRecord next() throws IOException {
        CsvRecord record;
        try {
            if (!buffered.isEmpty()) {
                record = buffered.poll();
            } else if (records.hasNext()) {
                record = records.next();
            } else {
                return null;
            }
        } catch (CsvParseException | UncheckedIOException e) {
            throw new RefusedWhileReading(new RosterFileRefusedException(
                    fileName,
                    "berkas tidak dapat diurai sesudah baris " + lastLine + ": " + e.getMessage(),
                    "the file cannot be parsed after line " + lastLine + ": " + e.getMessage()));
        }
        lastLine = record.getStartingLineNumber();
        if (record.getFieldCount() != header.size() && swallowsLines(record)) {
            // an unclosed quote: every line up to the next quote character became part of one value
            throw new RefusedWhileReading(new RosterFileRefusedException(
                    fileName,
                    "tanda kutip di baris " + lastLine + " tidak ditutup: baris-baris di bawahnya terbaca sebagai"
                            + " satu isian; perbaiki tanda kutipnya",
                    "the quote opened on line " + lastLine + " is never closed: the lines below it read as one"
                            + " value; fix the quote"));
        }
        return RawRecord.text(record.getStartingLineNumber(), record.getFields());
    }

    /** Whether a value of the record runs over a line break into more text: lines swallowed by a quote. */
    private static boolean swallowsLines(CsvRecord record) {
        for (String field : record.getFields()) {
            int lineBreak = indexOfLineBreak(field);
            if (lineBreak >= 0 && !field.substring(lineBreak).isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static int indexOfLineBreak(String field) {
        int newline = field.indexOf('\n');
        int carriageReturn = field.indexOf('\r');
        if (newline < 0) {
            return carriageReturn;
        }
        return carriageReturn < 0 ? newline : Math.min(newline, carriageReturn);
    }

    @Override
    public String rawSeparator() {
        return String.valueOf(separator);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    private static byte[] head(Path file) throws RosterFileRefusedException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            String fileName = file.getFileName().toString();
            throw new RosterFileRefusedException(
                    fileName, "berkas tidak dapat dibuka: " + e.getMessage(), "cannot open file: " + e.getMessage());
        }
    }

    /** UTF-8 when the file has a UTF-8 BOM or its first bytes decode as UTF-8, else windows-1252. */
    static Charset detectCharset(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return UTF_8;
        }
        CharsetDecoder decoder = UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(head.length + 1);
        // a character cut at the end of the sniffed bytes is not an error, unless they are the whole file
        boolean wholeFile = head.length < SNIFF_BYTES;
        ByteBuffer input = ByteBuffer.wrap(head);
        CoderResult result = decoder.decode(input, out, wholeFile);
        return result.isError() || (wholeFile && input.hasRemaining()) ? WINDOWS_1252 : UTF_8;
    }

    /** The candidate separator that occurs most often on one of the first lines. */
    static char detectSeparator(String head) {
        String[] lines = head.split("\r?\n", 12);
        char best = ',';
        int bestCount = 0;
        for (char candidate : SEPARATOR_CANDIDATES) {
            for (int i = 0; i < Math.min(lines.length, 11); i++) {
                int count = countOutsideQuotes(lines[i], candidate);
                if (count > bestCount) {
                    best = candidate;
                    bestCount = count;
                }
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char candidate) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == candidate && !quoted) {
                count++;
            }
        }
        return count;
    }

    private static void closeQuietly(CsvReader<CsvRecord> csv) {
        try {
            csv.close();
        } catch (IOException e) {
            // the file is refused anyway
        }
    }
}
