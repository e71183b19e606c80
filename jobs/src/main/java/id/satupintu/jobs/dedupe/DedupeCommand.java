package id.satupintu.jobs.dedupe;

import id.satupintu.jobs.Language;
import id.satupintu.jobs.OperatorException;
import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.linkage.BlockingCount;
import id.satupintu.pipeline.linkage.LinkageEngine;
import id.satupintu.pipeline.linkage.LinkageException;
import id.satupintu.pipeline.linkage.LinkageOutput;
import id.satupintu.pipeline.linkage.LinkageQuality;
import id.satupintu.pipeline.linkage.LinkageRecords;
import id.satupintu.pipeline.linkage.LinkageResult;
import id.satupintu.pipeline.linkage.LinkageSpec;
import id.satupintu.pipeline.linkage.LinkageSpecFile;
import id.satupintu.pipeline.linkage.PairQuality;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import org.duckdb.DuckDBConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Deduplicates one CSV file or links several with a linkage spec (YAML): scored pairs and person
 * clusters under {@code --out}, and precision, recall and F1 when the spec names a ground truth.
 */
@Command(name = "dedupe", mixinStandardHelpOptions = true)
public final class DedupeCommand implements Callable<Integer> {
    @Option(names = "--input", paramLabel = "FILE.csv", required = true, descriptionKey = "dedupe-input")
    List<Path> inputs;

    @Option(names = "--spec", paramLabel = "SPEC.yml", required = true, descriptionKey = "dedupe-spec")
    Path specFile;

    @Option(names = "--out", paramLabel = "DIR", required = true, descriptionKey = "dedupe-out")
    Path out;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", descriptionKey = "threads")
    int threads;

    @Option(names = "--lang", paramLabel = "id|en", defaultValue = "id", descriptionKey = "lang")
    String lang;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ResourceBundle messages = Language.messages(Language.locale(lang));
        PrintWriter printer = spec.commandLine().getOut();
        try {
            LinkageSpec linkage = LinkageSpecFile.read(specFile);
            try (DuckDBConnection connection = DuckDb.inMemory(threads)) {
                LinkageRecords.loadCsv(connection, inputs);
                LinkageResult result = new LinkageEngine(linkage).run(connection);
                List<Path> written = LinkageOutput.write(connection, out.toAbsolutePath(), linkage.uniqueId());
                print(result, inputs.size(), messages, printer);
                printer.println(Language.format(
                        messages, "dedupe.written", written.get(0).getParent()));
            }
        } catch (LinkageException e) {
            throw new OperatorException(e.messageIndonesian(), e.messageEnglish());
        } catch (SQLException e) {
            throw new OperatorException(
                    "Penautan gagal di DuckDB: " + e.getMessage(), "Linkage failed in DuckDB: " + e.getMessage());
        }
        return 0;
    }

    static void print(LinkageResult result, int files, ResourceBundle messages, PrintWriter out) {
        out.println(Language.format(messages, "dedupe.records", result.records(), files));
        for (int i = 0; i < result.blocking().size(); i++) {
            BlockingCount count = result.blocking().get(i);
            out.println(Language.format(messages, "dedupe.rule", count.rule(), count.upperBound(), count.pairs()));
        }
        out.println(Language.format(
                messages,
                "dedupe.scored",
                result.candidatePairs(),
                result.scoringSeconds(),
                Math.round(result.pairsPerSecond()),
                result.scoringCpuSeconds(),
                Math.round(result.pairsPerCpuSecond())));
        out.println(Language.format(
                messages, "dedupe.bands", result.matchPairs(), result.reviewPairs(), result.clusters()));
        if (result.quality().isPresent()) {
            LinkageQuality quality = result.quality().get();
            printQuality(messages, out, "dedupe.quality.pairs", quality.matchedPairs());
            printQuality(messages, out, "dedupe.quality.clusters", quality.clusterPairs());
            out.println(Language.format(
                    messages,
                    "dedupe.quality.blocking",
                    quality.blocking().recall(),
                    quality.blocking().correct(),
                    quality.blocking().truePairs()));
        }
    }

    private static void printQuality(ResourceBundle messages, PrintWriter out, String key, PairQuality quality) {
        out.println(Language.format(
                messages,
                key,
                quality.precision(),
                quality.recall(),
                quality.f1(),
                quality.correct(),
                quality.predicted(),
                quality.truePairs()));
    }
}
