package id.satupintu.jobs.demo;

import id.satupintu.jobs.BatchApplication;
import id.satupintu.jobs.CommonOptions;
import id.satupintu.jobs.Language;
import id.satupintu.jobs.generate.GenerateCommand;
import id.satupintu.jobs.refresh.RefreshCommand;
import id.satupintu.jobs.refresh.RefreshOutcome;
import id.satupintu.jobs.refresh.RefreshRunner;
import id.satupintu.pipeline.generate.GenerationResult;
import id.satupintu.pipeline.generate.GeneratorSettings;
import id.satupintu.pipeline.generate.SyntheticRosterGenerator;
import id.satupintu.pipeline.lake.DataDirectory;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The demo: synthetic rosters of Kabupaten Buleleng (51.08) for the two months before this one,
 * refreshed month by month into a published warehouse, then three queries to try.
 */
@Command(name = "demo", mixinStandardHelpOptions = true)
public final class DemoCommand implements Callable<Integer> {
    static final String KABUPATEN = "51.08";

    @Mixin
    CommonOptions options;

    @Option(names = "--persons", paramLabel = "N", descriptionKey = "demo-persons")
    Integer persons;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ResourceBundle messages = options.messages();
        DataDirectory data = options.dataDirectory();
        YearMonth first = YearMonth.now().minusMonths(2);
        long started = System.nanoTime();

        GeneratorSettings settings =
                GenerateCommand.settings(KABUPATEN, first, 2, persons, null, GeneratorSettings.DEFAULT_SEED, "default");
        out.println(Language.format(
                messages, "demo.generating", KABUPATEN, settings.persons(), first, first.plusMonths(1)));
        GenerationResult generated = new SyntheticRosterGenerator(settings).generate(data.root());
        GenerateCommand.print(generated, messages, out);

        List<RefreshOutcome> outcomes = BatchApplication.run(data, options.languageProperty(), context -> {
            RefreshRunner runner = context.getBean(RefreshRunner.class);
            List<RefreshOutcome> results = new ArrayList<>();
            for (YearMonth period : List.of(first, first.plusMonths(1))) {
                try {
                    RefreshOutcome outcome = runner.refresh(period, "demo");
                    results.add(outcome);
                    if (!outcome.succeeded()) {
                        break;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }
            return results;
        });
        for (RefreshOutcome outcome : outcomes) {
            RefreshCommand.print(
                    outcome, messages, out, data.publishedWarehouse().toString());
            if (!outcome.succeeded()) {
                throw RefreshCommand.failure(outcome);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        out.println();
        out.println(Language.format(messages, "demo.done", took.toMillis() / 1000.0, data.publishedWarehouse()));
        out.println(messages.getString("demo.try"));
        String dataDirOption = data.root().equals(new DataDirectory(java.nio.file.Path.of("satupintu-data")).root())
                ? ""
                : " --data-dir " + data.root();
        for (String query : exampleQueries()) {
            out.println("  java -jar jobs/target/satupintu.jar query" + dataDirOption + " \"" + query + "\"");
        }
        out.println(Language.format(messages, "demo.duckdb", data.publishedWarehouse()));
        return 0;
    }

    static List<String> exampleQueries() {
        return List.of(
                "SELECT period, program_code, sum(recipients) AS recipients FROM mart_recipients_kecamatan"
                        + " GROUP BY ALL ORDER BY ALL",
                "SELECT period, nama_kecamatan, recipients FROM mart_recipients_kecamatan"
                        + " WHERE program_code = 'PKH' ORDER BY period, nama_kecamatan",
                "SELECT period, program_code, rule_id, count(*) AS rows FROM reject GROUP BY ALL ORDER BY ALL");
    }
}
