package id.satupintu.pipeline.ingest;

import static java.util.Objects.requireNonNull;

import id.satupintu.schemas.program.Program;
import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How one kind of source is read: which program (or reference extract) it belongs to, which files
 * are it, their format and dialect, where the header is, which header names carry each staged
 * column, and in which code system the region is written. A new layout is a new entry in the
 * catalogue, not new code.
 *
 * @param kind {@code ROSTER} (program rows, staged lake) or {@code REFERENCE} (Dukcapil events,
 *     exclusion lists: reference lake)
 * @param program program code of a roster source; null for a reference source
 * @param referenceType what a reference source holds ({@code DUKCAPIL_PERISTIWA},
 *     {@code PENGECUALIAN_ASN}, …); null for a roster source
 * @param filePattern glob on the file name, case-insensitive
 * @param format {@code CSV}, {@code XLSX}, {@code JSON_LINES} or {@code JDBC}
 * @param delimiter CSV field separator; null to detect it from the first lines
 * @param encoding CSV character set; null to detect it (a BOM, else UTF-8 when the bytes are valid
 *     UTF-8, else windows-1252)
 * @param sheet XLSX sheet name; null for the first sheet
 * @param headerSearchRows how many leading rows may hold titles before the header row
 * @param columnCount the number of header fields the layout has; null when it may vary. A file
 *     whose header has another count is refused.
 * @param codeSystem how the row's region is written: {@code KEMENDAGRI} (one desa code column),
 *     {@code BPS} (four columns {@code bps_provinsi}, {@code bps_kabupaten}, {@code bps_kecamatan},
 *     {@code bps_desa}, bridged to Kemendagri) or {@code NAMES} (desa and kecamatan names)
 * @param unit what one row stands for: {@code PERSON}, {@code FAMILY}, {@code CUSTOMER} or
 *     {@code EVENT}
 * @param dateFormats patterns tried in order for date columns (java.time syntax)
 * @param columns staged column name to the header names (synonyms) that may carry it
 * @param jdbcUrl for {@code JDBC}: the connection URL of the other database
 * @param jdbcQuery for {@code JDBC}: the query, or a plain table name; the query may name the
 *     period as {@code :period} ({@code YYYY-MM} text), {@code :period_start} and
 *     {@code :period_end} (dates, end exclusive), bound as parameters ({@link JdbcQuery})
 */
public record SourceDefinition(
        String id,
        String kind,
        String program,
        String referenceType,
        String filePattern,
        String format,
        String delimiter,
        String encoding,
        String sheet,
        Integer headerSearchRows,
        Integer columnCount,
        String codeSystem,
        String unit,
        List<String> dateFormats,
        Map<String, List<String>> columns,
        String jdbcUrl,
        String jdbcQuery) {
    public static final String ROSTER = "ROSTER";
    public static final String REFERENCE = "REFERENCE";

    public static final String CSV = "CSV";
    public static final String XLSX = "XLSX";
    public static final String JSON_LINES = "JSON_LINES";
    public static final String JDBC = "JDBC";

    /** The reference type of a DTSEN extract: its rows need a No. KK (the family) and a desil. */
    public static final String DTSEN = "DTSEN";

    public static final String KEMENDAGRI = "KEMENDAGRI";
    public static final String BPS = "BPS";
    public static final String NAMES = "NAMES";

    private static final Set<String> KINDS = Set.of(ROSTER, REFERENCE);
    private static final Set<String> FORMATS = Set.of(CSV, XLSX, JSON_LINES, JDBC);
    private static final Set<String> CODE_SYSTEMS = Set.of(KEMENDAGRI, BPS, NAMES);
    private static final Set<String> UNITS = Set.of("PERSON", "FAMILY", "CUSTOMER", "EVENT");

    /** Staged columns a source may map. */
    public static final Set<String> MAPPABLE_COLUMNS = Set.of(
            "nik",
            "no_kk",
            "nama",
            "sex",
            "birth_date",
            "kode_desa",
            "bps_provinsi",
            "bps_kabupaten",
            "bps_kecamatan",
            "bps_desa",
            "desa_name",
            "kecamatan_name",
            "rt",
            "rw",
            "alamat",
            "benefit_rupiah",
            "period",
            "source_record_id",
            "event_type",
            "event_date",
            "kode_wilayah_tujuan",
            "detail",
            "desil");

    public static final List<String> BPS_COLUMNS =
            List.of("bps_provinsi", "bps_kabupaten", "bps_kecamatan", "bps_desa");

    public SourceDefinition {
        requireNonNull(id, "id is null");
        kind = kind == null ? ROSTER : kind.toUpperCase(Locale.ROOT);
        filePattern = filePattern == null ? "" : filePattern;
        format = format == null ? CSV : format.toUpperCase(Locale.ROOT);
        headerSearchRows = headerSearchRows == null ? 10 : headerSearchRows;
        codeSystem = codeSystem == null ? KEMENDAGRI : codeSystem.toUpperCase(Locale.ROOT);
        unit = unit == null ? "PERSON" : unit.toUpperCase(Locale.ROOT);
        dateFormats = dateFormats == null ? List.of() : List.copyOf(dateFormats);
        columns = Map.copyOf(requireNonNull(columns, "columns is null"));
    }

    /** Staged columns this source must find in the header, by kind and code system. */
    public Set<String> requiredColumns() {
        Set<String> required = new LinkedHashSet<>();
        required.add("nik");
        if (isReference()) {
            if (DTSEN.equals(referenceType)) {
                required.addAll(List.of("no_kk", "desil"));
            }
            return required;
        }
        required.add("nama");
        switch (codeSystem) {
            case BPS -> required.addAll(BPS_COLUMNS);
            case NAMES -> required.addAll(List.of("desa_name", "kecamatan_name"));
            default -> required.add("kode_desa");
        }
        return required;
    }

    /** Every problem of the definition in one list, empty when it is usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!KINDS.contains(kind)) {
            problems.add("source " + id + ": unknown kind " + kind);
        }
        if (isReference()) {
            if (referenceType == null || !referenceType.matches("[A-Z][A-Z0-9_]*")) {
                problems.add("source " + id + ": a reference source needs a referenceType in UPPER_SNAKE_CASE");
            }
        } else if (program == null || Program.fromCode(program).isEmpty()) {
            problems.add("source " + id + ": unknown program " + program);
        }
        if (!FORMATS.contains(format)) {
            problems.add("source " + id + ": unsupported format " + format);
        }
        if (format.equals(JDBC) && (jdbcUrl == null || jdbcQuery == null)) {
            problems.add("source " + id + ": a JDBC source needs jdbcUrl and jdbcQuery");
        }
        if (format.equals(JDBC) && jdbcQuery != null) {
            for (String unknown : JdbcQuery.parse(jdbcQuery).unknownParameters()) {
                problems.add("source " + id + ": unknown placeholder :" + unknown + " in jdbcQuery (known: "
                        + String.join(
                                ", ",
                                JdbcQuery.PLACEHOLDERS.stream()
                                        .sorted()
                                        .map(name -> ":" + name)
                                        .toList())
                        + ")");
            }
        }
        if (!format.equals(JDBC) && filePattern.isEmpty()) {
            problems.add("source " + id + ": no filePattern");
        }
        if (delimiter != null && delimiter.length() != 1) {
            problems.add("source " + id + ": delimiter must be one character");
        }
        if (encoding != null && !Charset.isSupported(encoding)) {
            problems.add("source " + id + ": unknown encoding " + encoding);
        }
        if (!CODE_SYSTEMS.contains(codeSystem)) {
            problems.add("source " + id + ": unknown code system " + codeSystem);
        }
        if (!UNITS.contains(unit)) {
            problems.add("source " + id + ": unknown unit " + unit);
        }
        if (headerSearchRows < 1) {
            problems.add("source " + id + ": headerSearchRows must be at least 1");
        }
        for (String required : requiredColumns()) {
            if (!columns.containsKey(required)) {
                problems.add("source " + id + ": no header mapped to required column " + required);
            }
        }
        for (Map.Entry<String, List<String>> column : columns.entrySet()) {
            if (!MAPPABLE_COLUMNS.contains(column.getKey())) {
                problems.add("source " + id + ": " + column.getKey() + " is not a staged column");
            }
            if (column.getKey().equals("desil") && !isReference()) {
                problems.add("source " + id + ": desil is read from reference extracts (DTSEN) only");
            }
            if (column.getValue() == null || column.getValue().isEmpty()) {
                problems.add("source " + id + ": no header names for " + column.getKey());
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

    public boolean isReference() {
        return REFERENCE.equals(kind);
    }

    /** The lake partition value: the program code of a roster, the reference type of a reference. */
    public String partition() {
        return isReference() ? referenceType : program;
    }

    /** The charset named in the catalogue; null when it is to be detected. */
    public Charset charset() {
        return encoding == null ? null : Charset.forName(encoding);
    }

    public boolean matches(Path file) {
        if (filePattern.isEmpty()) {
            return false;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + filePattern.toLowerCase(Locale.ROOT));
        return matcher.matches(Path.of(file.getFileName().toString().toLowerCase(Locale.ROOT)));
    }

    /** Header cell text as compared with the catalogue: BOM removed, single spaces, upper case. */
    static String headerKey(String header) {
        if (header == null) {
            return "";
        }
        return header.replace("\uFEFF", "").strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }
}
