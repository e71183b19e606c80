package id.satupintu.jobs.history;

import id.satupintu.jobs.BatchApplication;
import id.satupintu.jobs.CommonOptions;
import id.satupintu.jobs.Language;
import id.satupintu.jobs.refresh.RunHistory;
import id.satupintu.jobs.refresh.RunSummary;
import id.satupintu.pipeline.lake.DataDirectoryLock;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** What is happening now: the run in progress (step, rows so far) or the last run, and the warehouse. */
@Command(name = "status", mixinStandardHelpOptions = true)
public final class StatusCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ResourceBundle messages = options.messages();
        Optional<String> holder = DataDirectoryLock.holder(options.dataDirectory());
        record Seen(Optional<RunSummary> running, List<RunSummary> last) {}
        Seen seen = BatchApplication.run(options.dataDirectory(), context -> {
            RunHistory history = context.getBean(RunHistory.class);
            return new Seen(history.running(), history.recent(1));
        });
        LocalDateTime now = LocalDateTime.now();
        if (seen.running().isPresent()) {
            RunSummary run = seen.running().get();
            out.println(Language.format(
                    messages,
                    "status.running",
                    run.runId(),
                    run.period(),
                    run.step().orElse("-"),
                    HistoryCommand.duration(run.duration(now)),
                    run.rowsRead(),
                    run.rowsStaged(),
                    run.rowsRejected()));
        } else if (seen.last().isEmpty()) {
            out.println(messages.getString("history.none"));
        } else {
            RunSummary run = seen.last().get(0);
            out.println(Language.format(
                    messages,
                    "status.last",
                    run.runId(),
                    run.period(),
                    run.status().name(),
                    run.ended().orElse(run.started()).withNano(0).toString().replace('T', ' '),
                    run.rowsRead(),
                    run.rowsStaged(),
                    run.rowsRejected()));
        }
        holder.ifPresent(text -> out.println(Language.format(messages, "status.lock", text)));
        var warehouse = options.dataDirectory().publishedWarehouse();
        out.println(
                Files.exists(warehouse)
                        ? Language.format(messages, "status.warehouse", warehouse)
                        : messages.getString("status.no-warehouse"));
        return 0;
    }
}
