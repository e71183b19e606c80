package id.satupintu.pipeline.ingest;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * One data row as a reader found it, before any judgement: the field texts in header order, the
 * row number a user would look up in the source (spreadsheet row, CSV line, JSON line, result
 * row), and hints about cells that were not text.
 *
 * @param values field texts in header order; null where the row has no such cell. Readers hand
 *     over lists they no longer change.
 * @param cellKinds header position to the kind of a non-text cell; empty for plain text rows
 * @param rawText the row as written (a JSON line), or null to join the values
 * @param overlong whether the row was too long to read (see {@link #overlong})
 */
public record RawRecord(
        long sourceRow, List<String> values, Map<Integer, CellKind> cellKinds, String rawText, boolean overlong) {
    public RawRecord {
        requireNonNull(values, "values is null");
        requireNonNull(cellKinds, "cellKinds is null");
    }

    public RawRecord(long sourceRow, List<String> values, Map<Integer, CellKind> cellKinds, String rawText) {
        this(sourceRow, values, cellKinds, rawText, false);
    }

    /**
     * A row too long to read at all (a JSON line beyond the reader's limit): only its start is
     * kept, to show in the rejected lake.
     */
    public static RawRecord overlong(long sourceRow, String start) {
        return new RawRecord(sourceRow, List.of(), Map.of(), requireNonNull(start, "start is null"), true);
    }

    public static RawRecord text(long sourceRow, List<String> values) {
        return new RawRecord(sourceRow, values, Map.of(), null);
    }

    /** A row the reader could not split into fields (a JSON line that is not an object). */
    public static RawRecord malformed(long sourceRow, String rawText) {
        return new RawRecord(sourceRow, List.of(), Map.of(), requireNonNull(rawText, "rawText is null"));
    }

    public boolean isMalformed() {
        return values.isEmpty() && !overlong;
    }

    public String value(int position) {
        return position < 0 || position >= values.size() ? null : values.get(position);
    }

    public CellKind kind(int position) {
        return cellKinds.isEmpty() ? CellKind.TEXT : cellKinds.getOrDefault(position, CellKind.TEXT);
    }

    /** What a cell held in its source, beyond its text. */
    public enum CellKind {
        TEXT,
        /**
         * A number cell (XLSX) or number column (JDBC floating point): a 16-digit identifier in it
         * has lost its 16th digit.
         */
        NUMBER,
        /** A date cell; its text is the ISO date {@code yyyy-MM-dd}. */
        DATE
    }
}
