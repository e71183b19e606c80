package id.satupintu.pipeline.report;

import static java.util.Objects.requireNonNull;

/** One column of a table sheet: its header as the reader sees it, its kind and its width in characters. */
public record SheetColumn(String header, ColumnKind kind, double width) {
    public SheetColumn {
        requireNonNull(header, "header is null");
        requireNonNull(kind, "kind is null");
        if (width <= 0) {
            throw new IllegalArgumentException("width must be positive: " + width);
        }
    }

    public static SheetColumn text(String header, double width) {
        return new SheetColumn(header, ColumnKind.TEXT, width);
    }

    public static SheetColumn integer(String header) {
        return new SheetColumn(header, ColumnKind.INTEGER, Math.max(12, header.length() + 2));
    }

    /** Whole rupiah. */
    public static SheetColumn rupiah(String header) {
        return new SheetColumn(header, ColumnKind.INTEGER, Math.max(18, header.length() + 2));
    }

    /** Rupiah with sen. */
    public static SheetColumn amount(String header) {
        return new SheetColumn(header, ColumnKind.AMOUNT, Math.max(18, header.length() + 2));
    }
}
