package id.satupintu.pipeline.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON lines (one object per line) through Jackson's streaming parser. The header is the keys of
 * the first objects, followed by every header name the catalogue maps, so a row that lacks a key
 * has a null there. A number keeps the text it was written with ({@code 5.10801e15} stays
 * visible as scientific notation); a floating-point number is marked
 * {@link RawRecord.CellKind#NUMBER}. A line that is not a JSON object is a malformed record for
 * the judge, not the end of the file. Source rows are line numbers.
 */
final class JsonLinesRecordReader implements RecordReader {
    private static final JsonFactory JSON = new JsonFactory();

    /** The longest line read whole, in characters; a longer one is a rejected row, its start kept. */
    static final int LONGEST_LINE = 1 << 20;

    /**
     * Starts what the bounded line reader returns for a line beyond {@link #LONGEST_LINE}: this
     * marker (no JSON line starts with a NUL) and the line's first characters; the rest is skipped.
     */
    private static final String OVERLONG_PREFIX = "\0overlong\0";

    private final String fileName;
    private final BoundedLines lines;
    private final Deque<String[]> buffered;
    private final List<String> header;
    private final Map<String, Integer> positions;
    private long lineNumber;

    private JsonLinesRecordReader(
            String fileName, BoundedLines lines, Deque<String[]> buffered, List<String> header, long lineNumber) {
        this.fileName = fileName;
        this.lines = lines;
        this.buffered = buffered;
        this.header = List.copyOf(header);
        this.positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            positions.putIfAbsent(header.get(i), i);
        }
        this.lineNumber = lineNumber;
    }

    static JsonLinesRecordReader open(Path file, SourceDefinition source) throws RosterFileRefusedException {
        String fileName = file.getFileName().toString();
        BoundedLines lines;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            TextFileCheck.refuseIfNotText(fileName, in.readNBytes(64 * 1024), UTF_8);
        } catch (IOException e) {
            throw new RosterFileRefusedException(
                    fileName, "berkas tidak dapat dibuka: " + e.getMessage(), "cannot open file: " + e.getMessage());
        }
        try {
            lines = new BoundedLines(Files.newBufferedReader(file, UTF_8));
        } catch (IOException e) {
            throw new RosterFileRefusedException(
                    fileName, "berkas tidak dapat dibuka: " + e.getMessage(), "cannot open file: " + e.getMessage());
        }
        try {
            Deque<String[]> buffered = new ArrayDeque<>();
            LinkedHashMap<String, Boolean> seenKeys = new LinkedHashMap<>();
            long lineNumber = 0;
            String line;
            while (buffered.size() < source.headerSearchRows() && (line = lines.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // a UTF-8 byte order mark
                }
                buffered.add(new String[] {Long.toString(lineNumber), line});
                Map<String, String> object = parse(line, new HashMap<>());
                if (object != null) {
                    object.keySet().forEach(key -> seenKeys.put(key, true));
                }
            }
            if (buffered.stream().allMatch(entry -> entry[1].isBlank())) {
                throw new RosterFileRefusedException(fileName, "berkas kosong", "empty file");
            }
            List<String> seen = new ArrayList<>(seenKeys.keySet());
            if (seen.isEmpty()) {
                throw new RosterFileRefusedException(
                        fileName,
                        "berkas bukan JSON lines (satu objek per baris)",
                        "not JSON lines (one object a line)");
            }
            RecordReader.headerPosition(fileName, List.of(seen), source);
            List<String> header = new ArrayList<>(seen);
            source.columns().values().stream()
                    .flatMap(List::stream)
                    .filter(name -> !header.contains(name))
                    .distinct()
                    .forEach(header::add);
            return new JsonLinesRecordReader(fileName, lines, buffered, header, lineNumber);
        } catch (IOException | UncheckedIOException e) {
            closeQuietly(lines);
            throw new RosterFileRefusedException(
                    fileName, "berkas tidak dapat dibaca: " + e.getMessage(), "cannot read file: " + e.getMessage());
        } catch (RosterFileRefusedException e) {
            closeQuietly(lines);
            throw e;
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public RawRecord next() throws IOException {
        while (true) {
            long row;
            String line;
            if (!buffered.isEmpty()) {
                String[] entry = buffered.poll();
                row = Long.parseLong(entry[0]);
                line = entry[1];
            } else {
                line = lines.readLine();
                if (line == null) {
                    return null;
                }
                row = ++lineNumber;
            }
            if (line.startsWith(OVERLONG_PREFIX)) {
                return RawRecord.overlong(row, line.substring(OVERLONG_PREFIX.length()));
            }
            if (line.isBlank()) {
                continue;
            }
            Map<String, RawRecord.CellKind> kindsByKey = new HashMap<>(2);
            Map<String, String> object = parse(line, kindsByKey);
            if (object == null) {
                return RawRecord.malformed(row, line);
            }
            String[] values = new String[header.size()];
            Map<Integer, RawRecord.CellKind> kinds = new HashMap<>(2);
            for (Map.Entry<String, String> field : object.entrySet()) {
                Integer position = positions.get(field.getKey());
                if (position != null) {
                    values[position] = field.getValue();
                    RawRecord.CellKind kind = kindsByKey.get(field.getKey());
                    if (kind != null) {
                        kinds.put(position, kind);
                    }
                }
            }
            return new RawRecord(row, Arrays.asList(values), kinds, line);
        }
    }

    /**
     * Lines of a reader without their terminators (LF, CR LF or CR), each at most
     * {@link #LONGEST_LINE} characters: a longer one comes back as {@link #OVERLONG_PREFIX} and its
     * first characters, the rest read past, so one runaway line never has to fit in memory.
     */
    static final class BoundedLines implements java.io.Closeable {
        private final java.io.Reader in;
        private final char[] buffer = new char[1 << 16];
        private int position;
        private int limit;
        private boolean afterCarriageReturn;

        BoundedLines(java.io.Reader in) {
            this.in = in;
        }

        /** The next line, or null at the end. */
        String readLine() throws IOException {
            StringBuilder line = new StringBuilder();
            boolean overlong = false;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer, 0, buffer.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        if (line.isEmpty() && !overlong) {
                            return null;
                        }
                        break;
                    }
                }
                if (afterCarriageReturn) {
                    afterCarriageReturn = false;
                    if (buffer[position] == '\n') {
                        position++;
                        continue;
                    }
                }
                int start = position;
                while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                    position++;
                }
                int room = LONGEST_LINE - line.length();
                if (position - start > room) {
                    overlong = true;
                }
                line.append(buffer, start, Math.min(position - start, room));
                if (position < limit) {
                    afterCarriageReturn = buffer[position] == '\r';
                    position++;
                    break;
                }
            }
            return overlong ? OVERLONG_PREFIX + line.substring(0, 200) : line.toString();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** The object's scalar fields as text, or null when the line is not one JSON object. */
    private static Map<String, String> parse(String line, Map<String, RawRecord.CellKind> kinds) {
        if (line.isBlank()) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            String key;
            while ((key = parser.nextName()) != null) {
                JsonToken token = parser.nextToken();
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        parser.skipChildren();
                        fields.put(key, null);
                    }
                    case VALUE_NULL -> fields.put(key, null);
                    case VALUE_NUMBER_FLOAT -> {
                        fields.put(key, parser.getString());
                        kinds.put(key, RawRecord.CellKind.NUMBER);
                    }
                    default -> fields.put(key, parser.getString());
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return null;
            }
            return fields;
        } catch (JacksonException e) {
            return null;
        }
    }

    @Override
    public String rawSeparator() {
        return ",";
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    private static void closeQuietly(BoundedLines lines) {
        try {
            lines.close();
        } catch (IOException e) {
            // the file is refused anyway
        }
    }
}
