package id.satupintu.pipeline.report;

/**
 * How the values of a column are written: text stays text (codes, NIK-like values and names never
 * become numbers, so no leading zero or 16th digit is lost), numbers are stored as numbers with a
 * number format that groups thousands. The format is Excel's built-in {@code #,##0}: Excel shows
 * it with the separators of the reader's locale, {@code 1.234.567} on an Indonesian Windows.
 */
public enum ColumnKind {
    /** Text, neutralized ({@link CellText}); the cell format is text ({@code @}) so an edit keeps it text. */
    TEXT("@"),
    /** A whole number: persons, rows, rupiah without sen. */
    INTEGER("#,##0"),
    /** A decimal number with two decimals: rupiah with sen. */
    AMOUNT("#,##0.00"),
    /** A share in percent with one decimal. */
    PERCENT("0.0");

    private final String format;

    ColumnKind(String format) {
        this.format = format;
    }

    /** The Excel number format of the column's cells. */
    public String format() {
        return format;
    }
}
