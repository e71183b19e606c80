package id.satupintu.pipeline.report;

/**
 * Text as it goes into a cell of a workbook or a CSV that people open in a spreadsheet. A cell
 * whose text starts with {@code =}, {@code +}, {@code -} or {@code @} (or a tab or carriage return)
 * is what Excel and LibreOffice take for a formula when the text is typed, pasted, re-saved as CSV
 * or opened from a CSV ("CSV injection"); such text gets a leading apostrophe, the character a
 * person types in Excel to say "this is text". The apostrophe shows in the cell: the reader sees
 * that the text was neutralized, and nothing runs.
 */
public final class CellText {
    /** What a neutralized text starts with. */
    public static final char NEUTRALIZER = '\'';

    private CellText() {}

    /** The text unchanged, or with an apostrophe before it when a spreadsheet could run it; null stays null. */
    public static String neutralized(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> NEUTRALIZER + text;
            default -> text;
        };
    }

    /** Whether a spreadsheet could take the text for a formula. */
    public static boolean isHostile(String text) {
        return text != null && !text.isEmpty() && !neutralized(text).equals(text);
    }
}
