package id.satupintu.jobs.generate;

import id.satupintu.jobs.CommonOptions;
import id.satupintu.jobs.Language;
import id.satupintu.jobs.OperatorException;
import id.satupintu.jobs.Periods;
import id.satupintu.pipeline.generate.FaultRates;
import id.satupintu.pipeline.generate.GeneratedFile;
import id.satupintu.pipeline.generate.GenerationResult;
import id.satupintu.pipeline.generate.GeneratorSettings;
import id.satupintu.pipeline.generate.SyntheticRosterGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes synthetic rosters (and their ground truth) for a kabupaten into an inbox. */
@Command(name = "generate", mixinStandardHelpOptions = true)
public final class GenerateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--kabupaten", paramLabel = "PP.KK", defaultValue = "51.08", descriptionKey = "kabupaten")
    String kabupaten;

    @Option(names = "--period", paramLabel = "YYYY-MM", descriptionKey = "generate-period")
    String period;

    @Option(names = "--months", paramLabel = "N", defaultValue = "1", descriptionKey = "months")
    int months;

    @Option(names = "--persons", paramLabel = "N", descriptionKey = "persons")
    Integer persons;

    @Option(names = "--scale", paramLabel = "F", descriptionKey = "scale")
    Double scale;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "20261123", descriptionKey = "seed")
    long seed;

    @Option(names = "--faults", paramLabel = "none|default|heavy", defaultValue = "default", descriptionKey = "faults")
    String faults;

    @Option(names = "--out", paramLabel = "DIR", descriptionKey = "out")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        YearMonth first = period == null ? YearMonth.now().minusMonths(1) : Periods.parse(period);
        GeneratorSettings settings = settings(kabupaten, first, months, persons, scale, seed, faults);
        Path root = out == null ? options.dataDirectory().root() : out.toAbsolutePath();
        GenerationResult result = new SyntheticRosterGenerator(settings).generate(root);
        print(result, options.messages(), spec.commandLine().getOut());
        return 0;
    }

    public static GeneratorSettings settings(
            String kabupaten, YearMonth first, int months, Integer persons, Double scale, long seed, String faults) {
        GeneratorSettings defaults;
        try {
            defaults = GeneratorSettings.defaults(kabupaten, first);
        } catch (IllegalArgumentException e) {
            throw new OperatorException(
                    "Kode kabupaten/kota tidak dikenal atau tidak sah: " + kabupaten,
                    "Unknown or invalid kabupaten/kota code: " + kabupaten + " (" + e.getMessage() + ")");
        }
        int population = defaults.persons();
        if (persons != null) {
            population = persons;
        } else if (scale != null) {
            population = (int) Math.max(1, Math.round(defaults.persons() * scale));
        }
        FaultRates faultRates;
        try {
            faultRates = FaultRates.of(faults);
        } catch (IllegalArgumentException e) {
            throw new OperatorException(
                    "--faults harus none, default atau heavy, bukan " + faults,
                    "--faults must be none, default or heavy, not " + faults);
        }
        try {
            return new GeneratorSettings(kabupaten, first, months, population, seed, faultRates);
        } catch (IllegalArgumentException e) {
            throw new OperatorException(
                    "Pengaturan generator tidak sah: " + e.getMessage(),
                    "Invalid generator settings: " + e.getMessage());
        }
    }

    public static void print(GenerationResult result, ResourceBundle messages, PrintWriter out) {
        for (GeneratedFile file : result.files()) {
            out.println(Language.format(
                    messages,
                    "generate.file",
                    file.period(),
                    file.source(),
                    file.rows(),
                    file.faultyRows(),
                    file.rejectRows(),
                    file.path()));
        }
    }
}
