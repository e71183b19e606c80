package id.satupintu.jobs.review;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * The musyawarah desa review round trip: {@code review export} writes each desa's workbook of cases,
 * {@code review import FILE} reads a filled one back into the overrides every later refresh applies.
 */
@Command(
        name = "review",
        mixinStandardHelpOptions = true,
        subcommands = {ReviewExportCommand.class, ReviewImportCommand.class})
public final class ReviewCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
