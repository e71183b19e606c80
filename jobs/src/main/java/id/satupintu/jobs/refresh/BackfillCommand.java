package id.satupintu.jobs.refresh;

import id.satupintu.jobs.BatchApplication;
import id.satupintu.jobs.CommonOptions;
import id.satupintu.jobs.OperatorException;
import id.satupintu.jobs.Periods;
import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Refreshes every month from one to another, in month order, stopping at the first that fails. */
@Command(name = "backfill", mixinStandardHelpOptions = true)
public final class BackfillCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--from", paramLabel = "YYYY-MM", required = true, descriptionKey = "backfill-from")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM", required = true, descriptionKey = "backfill-to")
    String to;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        YearMonth first = Periods.parse(from);
        YearMonth last = Periods.parse(to);
        if (last.isBefore(first)) {
            throw new OperatorException(
                    "--to (" + last + ") lebih awal dari --from (" + first + ")",
                    "--to (" + last + ") is before --from (" + first + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        java.util.Map<String, Object> language = options.languageProperty();
        List<RefreshOutcome> outcomes = BatchApplication.run(options.dataDirectory(), language, context -> {
            RefreshRunner runner = context.getBean(RefreshRunner.class);
            List<RefreshOutcome> done = new ArrayList<>();
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                try {
                    RefreshOutcome outcome = runner.refresh(month, "backfill --from " + first + " --to " + last);
                    done.add(outcome);
                    if (!outcome.succeeded()) {
                        break;
                    }
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }
            return done;
        });
        for (RefreshOutcome outcome : outcomes) {
            RefreshCommand.print(
                    outcome,
                    options.messages(),
                    out,
                    options.dataDirectory().publishedWarehouse().toString());
            if (!outcome.succeeded()) {
                throw RefreshCommand.failure(outcome);
            }
        }
        return 0;
    }
}
