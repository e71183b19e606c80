package id.satupintu.jobs.refresh;

import id.satupintu.jobs.BatchApplication;
import id.satupintu.jobs.CommonOptions;
import id.satupintu.jobs.Language;
import id.satupintu.jobs.OperatorException;
import id.satupintu.jobs.OperatorMessage;
import id.satupintu.jobs.Periods;
import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "refresh", mixinStandardHelpOptions = true)
public final class RefreshCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--period", paramLabel = "YYYY-MM", required = true, descriptionKey = "period")
    String period;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        YearMonth month = Periods.parse(period);
        PrintWriter out = spec.commandLine().getOut();
        RefreshOutcome outcome = BatchApplication.run(
                options.dataDirectory(),
                options.languageProperty(),
                context -> refresh(context.getBean(RefreshRunner.class), month));
        print(
                outcome,
                options.messages(),
                out,
                options.dataDirectory().publishedWarehouse().toString());
        if (!outcome.succeeded()) {
            throw failure(outcome);
        }
        return 0;
    }

    /** The sentence an operator reads when a refresh did not complete: the step's own reason where it has one. */
    public static OperatorException failure(RefreshOutcome outcome) {
        if (outcome.failure() instanceof OperatorMessage reason) {
            return new OperatorException(reason.messageIndonesian(), reason.messageEnglish());
        }
        String detail =
                outcome.failure() == null ? "" : ": " + outcome.failure().getMessage();
        return new OperatorException(
                Language.format(
                                Language.messages(Language.INDONESIAN),
                                "refresh.failed",
                                outcome.period(),
                                outcome.status())
                        + detail,
                Language.format(Language.messages(Locale.ENGLISH), "refresh.failed", outcome.period(), outcome.status())
                        + detail);
    }

    private static RefreshOutcome refresh(RefreshRunner runner, YearMonth month) {
        try {
            return runner.refresh(month);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The refresh summary an operator reads: one line per file and where the warehouse is. */
    public static void print(RefreshOutcome outcome, ResourceBundle messages, PrintWriter out, String warehouse) {
        out.println(Language.format(messages, "refresh.header", outcome.period(), outcome.status()));
        for (RefreshOutcome.FileOutcome file : outcome.files()) {
            out.println(Language.format(
                    messages,
                    file.kept() ? "refresh.file.kept" : "refresh.file",
                    file.file(),
                    file.status(),
                    file.rowsRead(),
                    file.rowsStaged(),
                    file.rowsRejected()));
        }
        if (outcome.linkage().containsKey("persons")) {
            java.util.Map<String, Long> link = outcome.linkage();
            out.println(Language.format(
                    messages,
                    "refresh.linked",
                    link.getOrDefault("rows", 0L),
                    link.get("persons"),
                    link.getOrDefault("personsKeepingTheirId", 0L),
                    link.getOrDefault("merges", 0L),
                    link.getOrDefault("splits", 0L),
                    link.getOrDefault("nikGanda", 0L),
                    link.getOrDefault("reviewPairs", 0L),
                    link.getOrDefault("overridesApplied", 0L),
                    link.getOrDefault("rejectedRowsMatched", 0L)));
        }
        if (outcome.succeeded()) {
            out.println(Language.format(messages, "refresh.published", warehouse));
        }
    }
}
