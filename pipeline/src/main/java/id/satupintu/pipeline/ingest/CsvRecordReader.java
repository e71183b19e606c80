package id.satupintu.pipeline.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final String fileName;
    private final CsvReader<CsvRecord> csv;
    private final Iterator<CsvRecord> records;
    private final Deque<CsvRecord> buffered;
    private final List<String> header;
    private final char separator;

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
        Charset charset = source.charset() != null ? source.charset() : detectCharset(head);
        char separator =
                source.delimiter() != null ? source.delimiter().charAt(0) : detectSeparator(new String(head, charset));
        CsvReader<CsvRecord> csv;
        try {
            csv = CsvReader.builder()
                    .fieldSeparator(separator)
                    .detectBomHeader(true)
                    .allowExtraFields(true)
                    .allowMissingFields(true)
                    .ofCsvRecord(file, charset);
        } catch (IOException e) {
            throw new RosterFileRefusedException(
                    fileName, "berkas tidak dapat dibuka: " + e.getMessage(), "cannot open file: " + e.getMessage());
        }
        try {
            Iterator<CsvRecord> records = csv.iterator();
            List<CsvRecord> firstRecords = new ArrayList<>();
            while (firstRecords.size() < source.headerSearchRows() && records.hasNext()) {
                firstRecords.add(records.next());
            }
            List<List<String>> firstRows =
                    firstRecords.stream().map(CsvRecord::getFields).toList();
            int headerAt = RecordReader.headerPosition(fileName, firstRows, source);
            List<String> header = firstRows.get(headerAt);
            RecordReader.checkColumnCount(fileName, header, source);
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

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public RawRecord next() throws IOException {
        try {
            CsvRecord record;
            if (!buffered.isEmpty()) {
                record = buffered.poll();
            } else if (records.hasNext()) {
                record = records.next();
            } else {
                return null;
            }
            return RawRecord.text(record.getStartingLineNumber(), record.getFields());
        } catch (CsvParseException | UncheckedIOException e) {
            throw new IOException("File " + fileName + " cannot be parsed: " + e.getMessage(), e);
        }
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
