package id.satupintu.pipeline.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A file of reviewers' decisions under {@code config/} ({@code link-overrides.csv}, {@code
 * status-overrides.csv}): plain CSV with a header, one decision a line, appended to and never
 * rewritten, so it can be kept under version control and read by people. Fields holding a comma or
 * a quote are quoted as in RFC 4180; a line break inside a field is written as a space. Blank lines
 * and lines starting with {@code #} are not decisions.
 */
public final class DecisionFile {
    private DecisionFile() {}

    /** One decision line as written: its line number in the file and its text, stripped. */
    public record Line(int number, String text) {
        public Line {
            requireNonNull(text, "text is null");
        }
    }

    /**
     * The decision lines of the file, in file order, without blank lines, comments and the header
     * (when it is the first line); an empty list when there is no file.
     */
    public static List<Line> read(Path file, String header) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        List<Line> decisions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.equals(header))) {
                continue;
            }
            decisions.add(new Line(i + 1, line));
        }
        return decisions;
    }

    /**
     * Appends one line, writing the header first when the file is new, on a line of its own when the
     * file does not end with one, and forces it to disk before returning.
     */
    public static void append(Path file, String header, String line) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            StringBuilder text = new StringBuilder();
            if (!Files.exists(file) || Files.size(file) == 0) {
                text.append(header).append('\n');
            } else if (!endsWithNewline(file)) {
                text.append('\n');
            }
            text.append(line).append('\n');
            Files.writeString(
                    file,
                    text,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to " + file, e);
        }
    }

    /** The fields of one CSV line (RFC 4180 quoting); null when a quote is left open. */
    public static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }

    /** One field as written: on one line, quoted when it holds a comma or a quote. */
    public static String field(String value) {
        String single = value.replace('\n', ' ').replace('\r', ' ');
        return single.contains(",") || single.contains("\"") ? "\"" + single.replace("\"", "\"\"") + "\"" : single;
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return true;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            return last.get(0) == '\n';
        }
    }
}
