package id.satupintu.jobs;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the {@code satupintu} command line in the test's JVM: exit code and what it printed. */
public record CommandRun(int exitCode, String out, String err) {
    public static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = SatuPintu.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}
