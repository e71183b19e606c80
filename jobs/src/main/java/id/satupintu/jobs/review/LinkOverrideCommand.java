package id.satupintu.jobs.review;

import id.satupintu.jobs.CommonOptions;
import id.satupintu.jobs.Language;
import id.satupintu.jobs.OperatorException;
import id.satupintu.jobs.Periods;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.lake.DataDirectoryLock;
import id.satupintu.pipeline.linkage.LinkOverrides;
import id.satupintu.pipeline.linkage.LinkOverrides.Decision;
import id.satupintu.pipeline.linkage.LinkOverrides.Kind;
import id.satupintu.pipeline.linkage.LinkOverrides.Side;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Records one reviewer's decision in {@code config/link-overrides.csv}: two rows or two persons are
 * one person, or two people. Every later link applies it. A side is {@code person:ID}, {@code
 * row:PROGRAM:NIK_KEY}, or a row of a linked month as the review queue names it, {@code FILE#ROW}
 * with {@code --period}, which is written down as its program and NIK key. No NIK and no name is
 * written or printed. It holds the data-directory lock while it reads the link and appends, so a
 * refresh never reads the file half written; while a refresh runs, it is refused with the run named.
 */
@Command(name = "link-override", mixinStandardHelpOptions = true)
public final class LinkOverrideCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Option(
            names = "--decision",
            paramLabel = "SAME_PERSON|DIFFERENT_PERSONS",
            required = true,
            descriptionKey = "override-decision")
    String decision;

    @Option(names = "--left", paramLabel = "SIDE", required = true, descriptionKey = "override-left")
    String left;

    @Option(names = "--right", paramLabel = "SIDE", required = true, descriptionKey = "override-right")
    String right;

    @Option(names = "--period", paramLabel = "YYYY-MM", descriptionKey = "override-period")
    String period;

    @Mixin
    DecisionOptions decisionOptions;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DataDirectory data = options.dataDirectory();
        Kind kind;
        try {
            kind = Kind.valueOf(decision.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new OperatorException(
                    "--decision harus SAME_PERSON atau DIFFERENT_PERSONS",
                    "--decision must be SAME_PERSON or DIFFERENT_PERSONS");
        }
        LocalDate on = decisionOptions.decidedOn();
        // a refresh reads the decisions under this lock: none is written while it runs
        try (DataDirectoryLock lock = ReviewLock.take(data, "link-override")) {
            Side leftSide = side(data, left, "kiri", "left");
            Side rightSide = side(data, right, "kanan", "right");
            Decision recorded;
            try {
                recorded = new Decision(
                        0, kind, leftSide, rightSide, decisionOptions.decidedBy(), on, decisionOptions.reference());
            } catch (IllegalArgumentException e) {
                throw new OperatorException(
                        "Kedua sisi harus berbeda, dan --by serta --reference wajib diisi",
                        "The two sides must differ, and --by and --reference are required");
            }
            LinkOverrides.append(data.linkOverrides(), recorded);
            spec.commandLine()
                    .getOut()
                    .println(Language.format(
                            options.messages(),
                            "override.recorded",
                            kind.name(),
                            leftSide.text(),
                            rightSide.text(),
                            recorded.reference(),
                            data.linkOverrides()));
        }
        return 0;
    }

    /** person:ID, row:PROGRAM:NIK_KEY, or FILE#ROW of the month given with --period. */
    private Side side(DataDirectory data, String text, String nameIndonesian, String nameEnglish) {
        Optional<Side> parsed = Side.parse(text);
        if (parsed.isPresent()) {
            return parsed.get();
        }
        int hash = text.lastIndexOf('#');
        long row = -1;
        if (hash > 0) {
            try {
                row = Long.parseLong(text.substring(hash + 1).strip());
            } catch (NumberFormatException e) {
                row = -1;
            }
        }
        if (row < 0) {
            // the text is not echoed: an operator may have typed a NIK
            throw new OperatorException(
                    "Sisi " + nameIndonesian + " harus person:ID, row:PROGRAM:KUNCI_NIK atau BERKAS#BARIS",
                    "The " + nameEnglish + " side must be person:ID, row:PROGRAM:NIK_KEY or FILE#ROW");
        }
        if (period == null) {
            throw new OperatorException(
                    "Sisi BERKAS#BARIS memerlukan --period, bulan antrean tinjauan itu",
                    "A FILE#ROW side needs --period, the month of that review queue");
        }
        String file = text.substring(0, hash).strip();
        try {
            long number = row;
            LinkOverrides.RowLookup found = LinkOverrides.rowOf(data, Periods.parse(period), file, row)
                    .orElseThrow(() -> new OperatorException(
                            "Baris " + number + " dari " + file + " tidak ada dalam penautan " + period,
                            "Row " + number + " of " + file + " is not in the link of " + period));
            if (found.rows() > 1) {
                // a decision on this side would also bind the other rows of the program with that NIK
                throw new OperatorException(
                        "Baris " + number + " dari " + file + " tidak dapat dibedakan dari " + (found.rows() - 1)
                                + " baris lain program " + found.side().programCode() + " dengan NIK yang sama;"
                                + " keputusan atas baris seperti ini belum dapat dicatat",
                        "Row " + number + " of " + file + " cannot be told apart from " + (found.rows() - 1)
                                + " other rows of program " + found.side().programCode() + " with the same NIK;"
                                + " a decision on such a row cannot be recorded yet");
            }
            return found.side();
        } catch (SQLException e) {
            throw new OperatorException(
                    "Hasil penautan " + period + " tidak terbaca: " + e.getMessage(),
                    "The link of " + period + " cannot be read: " + e.getMessage());
        }
    }
}
