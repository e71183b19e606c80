package id.satupintu.jobs;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Roster months as operators type them on the command line. */
public final class Periods {
    private Periods() {}

    public static YearMonth parse(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new OperatorException(
                    "Periode harus berbentuk YYYY-MM, misalnya 2026-10, bukan '" + text + "'",
                    "The period must look like YYYY-MM, for example 2026-10, not '" + text + "'");
        }
    }
}
