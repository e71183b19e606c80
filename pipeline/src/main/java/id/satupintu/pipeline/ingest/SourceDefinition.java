package id.satupintu.pipeline.ingest;

import static java.util.Objects.requireNonNull;

import id.satupintu.schemas.program.Program;
import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How one kind of roster file is read: which program it belongs to, which files are it, their
 * dialect, and which header names carry each staged column. A new layout is a new entry in the
 * catalogue, not new code.
 *
 * @param columns staged column name to the header names (synonyms) that may carry it
 */
public record SourceDefinition(
        String id,
        String program,
        String filePattern,
        String format,
        String delimiter,
        String encoding,
        List<String> dateFormats,
        Map<String, List<String>> columns) {
    /** Staged columns every source must map. */
    public static final Set<String> REQUIRED_COLUMNS = Set.of("nik", "nama", "kode_desa");

    /** Staged columns a source may map. */
    public static final Set<String> MAPPABLE_COLUMNS =
            Set.of("nik", "no_kk", "nama", "sex", "birth_date", "kode_desa", "rt", "rw", "alamat", "benefit_rupiah");

    public SourceDefinition {
        requireNonNull(id, "id is null");
        requireNonNull(program, "program is null");
        requireNonNull(filePattern, "filePattern is null");
        format = format == null ? "CSV" : format.toUpperCase(Locale.ROOT);
        delimiter = delimiter == null ? "," : delimiter;
        encoding = encoding == null ? "UTF-8" : encoding;
        dateFormats = dateFormats == null ? List.of() : List.copyOf(dateFormats);
        columns = Map.copyOf(requireNonNull(columns, "columns is null"));
    }

    /** Every problem of the definition in one list, empty when it is usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (Program.fromCode(program).isEmpty()) {
            problems.add("source " + id + ": unknown program " + program);
        }
        if (!format.equals("CSV")) {
            problems.add("source " + id + ": unsupported format " + format);
        }
        if (delimiter.length() != 1) {
            problems.add("source " + id + ": delimiter must be one character");
        }
        if (!Charset.isSupported(encoding)) {
            problems.add("source " + id + ": unknown encoding " + encoding);
        }
        for (String required : REQUIRED_COLUMNS) {
            if (!columns.containsKey(required)) {
                problems.add("source " + id + ": no header mapped to required column " + required);
            }
        }
        for (String column : columns.keySet()) {
            if (!MAPPABLE_COLUMNS.contains(column)) {
                problems.add("source " + id + ": " + column + " is not a staged column");
            }
        }
        for (String pattern : dateFormats) {
            try {
                DateTimeFormatter.ofPattern(pattern);
            } catch (IllegalArgumentException e) {
                problems.add("source " + id + ": bad date format " + pattern);
            }
        }
        return problems;
    }

    public Program programEnum() {
        return Program.fromCode(program).orElseThrow();
    }

    public Charset charset() {
        return Charset.forName(encoding);
    }

    public char separator() {
        return delimiter.charAt(0);
    }

    public boolean matches(Path file) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + filePattern.toLowerCase(Locale.ROOT));
        return matcher.matches(Path.of(file.getFileName().toString().toLowerCase(Locale.ROOT)));
    }
}
