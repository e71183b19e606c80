package id.satupintu.jobs.refresh;

import id.satupintu.jobs.BatchApplication;
import id.satupintu.jobs.CommonOptions;
import id.satupintu.jobs.Periods;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Resumes the latest refresh that did not complete, at the step where it stopped. */
@Command(name = "restart", mixinStandardHelpOptions = true)
public final class RestartCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--period", paramLabel = "YYYY-MM", descriptionKey = "restart-period")
    String period;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Optional<YearMonth> month = Optional.ofNullable(period).map(Periods::parse);
        RefreshOutcome outcome = BatchApplication.run(options.dataDirectory(), options.languageProperty(), context -> {
            try {
                return context.getBean(RefreshRunner.class).restart(month);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        RefreshCommand.print(
                outcome,
                options.messages(),
                spec.commandLine().getOut(),
                options.dataDirectory().publishedWarehouse().toString());
        if (!outcome.succeeded()) {
            throw RefreshCommand.failure(outcome);
        }
        return 0;
    }
}
