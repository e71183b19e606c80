package id.satupintu.jobs;

import id.satupintu.jobs.dedupe.DedupeCommand;
import id.satupintu.jobs.demo.DemoCommand;
import id.satupintu.jobs.generate.GenerateCommand;
import id.satupintu.jobs.history.HistoryCommand;
import id.satupintu.jobs.history.StatusCommand;
import id.satupintu.jobs.match.MatchCommand;
import id.satupintu.jobs.opendata.OpenDataCommand;
import id.satupintu.jobs.query.QueryCommand;
import id.satupintu.jobs.refresh.BackfillCommand;
import id.satupintu.jobs.refresh.RefreshCommand;
import id.satupintu.jobs.refresh.RestartCommand;
import id.satupintu.jobs.report.ReportCommand;
import id.satupintu.jobs.review.LinkOverrideCommand;
import id.satupintu.jobs.review.ReviewCommand;
import id.satupintu.jobs.review.StatusOverrideCommand;
import id.satupintu.jobs.rollback.RollbackCommand;
import id.satupintu.jobs.schedule.ScheduleCommand;
import id.satupintu.jobs.serve.ServeCommand;
import id.satupintu.jobs.serve.UserCommand;
import id.satupintu.jobs.ujipublik.UjiPublikCommand;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.ResourceBundle;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code satupintu} command line. */
@Command(
        name = "satupintu",
        mixinStandardHelpOptions = true,
        version = "SatuPintu 0.1.0",
        subcommands = {
            DemoCommand.class,
            GenerateCommand.class,
            RefreshCommand.class,
            RestartCommand.class,
            BackfillCommand.class,
            ScheduleCommand.class,
            QueryCommand.class,
            RollbackCommand.class,
            HistoryCommand.class,
            StatusCommand.class,
            DedupeCommand.class,
            LinkOverrideCommand.class,
            StatusOverrideCommand.class,
            MatchCommand.class,
            ReportCommand.class,
            OpenDataCommand.class,
            UjiPublikCommand.class,
            ReviewCommand.class,
            ServeCommand.class,
            UserCommand.class
        })
public final class SatuPintu implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns its exit code: 0 on success, 1 on failure, 2 on bad usage. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Locale locale = Language.fromArguments(args);
        ResourceBundle messages = Language.messages(locale);
        CommandLine commandLine = new CommandLine(new SatuPintu());
        commandLine.setResourceBundle(messages);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            err.println(Language.format(messages, "failure", failureSentence(exception, locale)));
            return 1;
        });
        return commandLine.execute(args);
    }

    static String failureSentence(Throwable exception, Locale locale) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof OperatorMessage operatorMessage) {
                return operatorMessage.message(locale);
            }
        }
        String message = exception.getMessage();
        return message == null ? exception.getClass().getSimpleName() : message;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
