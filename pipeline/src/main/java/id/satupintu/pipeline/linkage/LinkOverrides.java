package id.satupintu.pipeline.linkage;

import static java.util.Objects.requireNonNull;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.lake.DecisionFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.duckdb.DuckDBConnection;

/**
 * The review decisions that every later link applies: {@code config/link-overrides.csv} in the data
 * directory, one decision a line, appended to and never rewritten.
 *
 * <pre>
 * decision,left,right,decided_by,decided_on,reference
 * DIFFERENT_PERSONS,row:PKH:3f2a…,row:BPNT:3f2a…,Dinsos Buleleng,2026-10-14,BA/017/DINSOS/X/2026
 * SAME_PERSON,person:P0a1b2c3d4e5f60718293,person:P9f8e7d6c5b4a39281706,Dinsos Buleleng,2026-10-14,BA/018/DINSOS/X/2026
 * </pre>
 *
 * <p>A side is a person ({@code person:ID}, the stable person id: every row that has carried that
 * id in a linked month up to the one being linked) or a row ({@code row:PROGRAM:PERSON_KEY}, the
 * rows of one program carrying one NIK key, which is how a row is found again next month; file row
 * numbers are not stable). No NIK and no name is ever written here. Blank lines and lines starting
 * with {@code #} are skipped; a later line about the same two sides replaces an earlier one. A line
 * that cannot be read stops the link with its line number, so a decision is never silently lost.
 */
public final class LinkOverrides {
    public static final String HEADER = "decision,left,right,decided_by,decided_on,reference";

    private static final Pattern PERSON_ID = Pattern.compile("P[0-9a-f]{19}");
    private static final Pattern PERSON_KEY = Pattern.compile("[0-9a-f]{16,128}");
    private static final Pattern PROGRAM = Pattern.compile("[A-Z0-9_-]{1,40}");

    private LinkOverrides() {}

    /** What a reviewer decided about two sides. */
    public enum Kind {
        SAME_PERSON,
        DIFFERENT_PERSONS
    }

    /** One side of a decision: a person by its id, or the rows of one program carrying one NIK key. */
    public record Side(String personId, String programCode, String personKey) {
        public static Side person(String personId) {
            return new Side(requireNonNull(personId, "personId is null"), null, null);
        }

        public static Side row(String programCode, String personKey) {
            return new Side(
                    null, requireNonNull(programCode, "programCode is null"), requireNonNull(personKey, "personKey"));
        }

        public boolean isPerson() {
            return personId != null;
        }

        /** {@code person:ID} or {@code row:PROGRAM:PERSON_KEY}. */
        public String text() {
            return isPerson() ? "person:" + personId : "row:" + programCode + ":" + personKey;
        }

        /** Reads {@code person:ID} or {@code row:PROGRAM:PERSON_KEY}; empty when it is neither. */
        public static java.util.Optional<Side> parse(String text) {
            String value = text.trim();
            if (value.startsWith("person:")
                    && PERSON_ID.matcher(value.substring(7)).matches()) {
                return java.util.Optional.of(person(value.substring(7)));
            }
            if (value.startsWith("row:")) {
                String[] parts = value.substring(4).split(":", -1);
                if (parts.length == 2
                        && PROGRAM.matcher(parts[0]).matches()
                        && PERSON_KEY.matcher(parts[1]).matches()) {
                    return java.util.Optional.of(row(parts[0], parts[1]));
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** One line of the file. {@code line} is its line number (0 for one not yet written). */
    public record Decision(
            int line, Kind kind, Side left, Side right, String decidedBy, LocalDate decidedOn, String reference) {
        public Decision {
            requireNonNull(kind, "kind is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
            requireNonNull(decidedBy, "decidedBy is null");
            requireNonNull(decidedOn, "decidedOn is null");
            requireNonNull(reference, "reference is null");
            if (left.equals(right)) {
                throw new IllegalArgumentException("a decision needs two different sides");
            }
            if (decidedBy.isBlank() || reference.isBlank()) {
                throw new IllegalArgumentException("who decided and the reference are required");
            }
        }

        /** The two sides as an unordered pair, to tell when a later line replaces this one. */
        String pairKey() {
            String a = left.text();
            String b = right.text();
            return a.compareTo(b) <= 0 ? a + " " + b : b + " " + a;
        }

        String csvLine() {
            return String.join(
                    ",",
                    kind.name(),
                    left.text(),
                    right.text(),
                    DecisionFile.field(decidedBy),
                    decidedOn.toString(),
                    DecisionFile.field(reference));
        }
    }

    /**
     * The decisions in force: every line of the file, the latest line for each pair of sides; an
     * empty list when there is no file.
     */
    public static List<Decision> read(Path file) {
        Map<String, Decision> latest = new LinkedHashMap<>();
        for (DecisionFile.Line line : DecisionFile.read(file, HEADER)) {
            Decision decision = parseLine(file, line.number(), line.text());
            latest.remove(decision.pairKey());
            latest.put(decision.pairKey(), decision);
        }
        return List.copyOf(latest.values());
    }

    /**
     * The row side of one staged row of a linked month, as the review queue names it (file and row
     * number): its program and NIK key, which find the row again in later months, and how many rows
     * of that program carry that NIK key in the month (more than one: the side cannot tell them
     * apart). Empty when the month's link has no such row.
     */
    public static java.util.Optional<RowLookup> rowOf(
            DataDirectory data, YearMonth period, String sourceFile, long sourceRow) throws SQLException {
        Path personLink = data.linkedPartition(period).resolve("person_link.parquet");
        if (!Files.isRegularFile(personLink)) {
            return java.util.Optional.empty();
        }
        try (DuckDBConnection connection = DuckDb.inMemory(1);
                PreparedStatement statement =
                        connection.prepareStatement("SELECT l.program_code, l.person_key, count(*) FROM read_parquet("
                                + DuckDb.literal(personLink) + ") l JOIN read_parquet(" + DuckDb.literal(personLink)
                                + ") o USING (program_code, person_key) WHERE l.source_file = ? AND l.source_row = ?"
                                + " GROUP BY ALL")) {
            statement.setString(1, sourceFile);
            statement.setLong(2, sourceRow);
            try (ResultSet result = statement.executeQuery()) {
                return result.next()
                        ? java.util.Optional.of(
                                new RowLookup(Side.row(result.getString(1), result.getString(2)), result.getLong(3)))
                        : java.util.Optional.empty();
            }
        }
    }

    /** A row side found from a file and row number, and the month's rows it stands for. */
    public record RowLookup(Side side, long rows) {}

    /** Appends one decision, writing the header first when the file is new. */
    public static void append(Path file, Decision decision) {
        DecisionFile.append(file, HEADER, decision.csvLine());
    }

    private static Decision parseLine(Path file, int number, String line) {
        List<String> fields = DecisionFile.fields(line);
        if (fields == null || fields.size() != 6) {
            throw bad(file, number, "harus berisi 6 kolom: " + HEADER, "must have 6 fields: " + HEADER);
        }
        Kind kind;
        try {
            kind = Kind.valueOf(fields.get(0).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(
                    file,
                    number,
                    "keputusan harus SAME_PERSON atau DIFFERENT_PERSONS",
                    "the decision must be SAME_PERSON or DIFFERENT_PERSONS");
        }
        Side left = Side.parse(fields.get(1))
                .orElseThrow(() -> bad(
                        file,
                        number,
                        "sisi kiri harus person:ID atau row:PROGRAM:KUNCI_NIK",
                        "the left side must be person:ID or row:PROGRAM:NIK_KEY"));
        Side right = Side.parse(fields.get(2))
                .orElseThrow(() -> bad(
                        file,
                        number,
                        "sisi kanan harus person:ID atau row:PROGRAM:KUNCI_NIK",
                        "the right side must be person:ID or row:PROGRAM:NIK_KEY"));
        LocalDate decidedOn;
        try {
            decidedOn = LocalDate.parse(fields.get(4).strip());
        } catch (DateTimeParseException e) {
            throw bad(
                    file,
                    number,
                    "tanggal keputusan harus berbentuk YYYY-MM-DD",
                    "the decision date must be YYYY-MM-DD");
        }
        try {
            return new Decision(
                    number,
                    kind,
                    left,
                    right,
                    fields.get(3).strip(),
                    decidedOn,
                    fields.get(5).strip());
        } catch (IllegalArgumentException e) {
            throw bad(
                    file,
                    number,
                    "kedua sisi harus berbeda, dan pemutus serta nomor berita acara wajib diisi",
                    "the two sides must differ, and who decided and the reference are required");
        }
    }

    private static LinkageException bad(Path file, int line, String indonesian, String english) {
        return new LinkageException(
                "Baris " + line + " dari " + file + " tidak terbaca: " + indonesian,
                "Line " + line + " of " + file + " cannot be read: " + english);
    }
}
