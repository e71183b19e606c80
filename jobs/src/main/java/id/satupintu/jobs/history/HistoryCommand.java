package id.satupintu.jobs.history;

import id.satupintu.jobs.BatchApplication;
import id.satupintu.jobs.CommonOptions;
import id.satupintu.jobs.Language;
import id.satupintu.jobs.query.TablePrinter;
import id.satupintu.jobs.refresh.RunHistory;
import id.satupintu.jobs.refresh.RunSummary;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The refresh runs, newest first: month, start, duration, outcome and rows through each stage. */
@Command(name = "history", mixinStandardHelpOptions = true)
public final class HistoryCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Mixin
    CommonOptions options;

    @Option(names = "--last", paramLabel = "N", defaultValue = "20", descriptionKey = "history-last")
    int last;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<RunSummary> runs = BatchApplication.run(
                options.dataDirectory(),
                context -> context.getBean(RunHistory.class).recent(last));
        print(runs, options.messages(), spec.commandLine().getOut(), LocalDateTime.now());
        return 0;
    }

    static void print(List<RunSummary> runs, ResourceBundle messages, PrintWriter out, LocalDateTime now) {
        if (runs.isEmpty()) {
            out.println(messages.getString("history.none"));
            return;
        }
        List<String> columns = List.of(messages.getString("history.columns").split(","));
        List<Boolean> numeric = List.of(true, false, false, true, false, true, true, true, true, true, false);
        List<List<String>> rows = new ArrayList<>();
        for (RunSummary run : runs) {
            rows.add(List.of(
                    Long.toString(run.runId()),
                    run.period(),
                    run.started().format(TIME),
                    duration(run.duration(now)),
                    run.status().name(),
                    Language.format(messages, "history.number", run.rowsRead()),
                    Language.format(messages, "history.number", run.rowsStaged()),
                    Language.format(messages, "history.number", run.rowsRejected()),
                    Language.format(messages, "history.number", run.persons()),
                    Language.format(messages, "history.number", run.enrollments()),
                    run.step()
                            .map(step -> step
                                    + run.failure()
                                            .map(f -> ": " + firstLine(f))
                                            .orElse(""))
                            .orElse("")));
        }
        TablePrinter.print(new TablePrinter.Table(columns, numeric, rows, false), out);
    }

    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }
}
