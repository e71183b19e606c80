package id.satupintu.pipeline;

import id.satupintu.pipeline.generate.GeneratedFile;
import id.satupintu.pipeline.generate.GenerationResult;
import id.satupintu.pipeline.generate.GeneratorSettings;
import id.satupintu.pipeline.generate.SyntheticRosterGenerator;
import id.satupintu.pipeline.ingest.RosterIngest;
import id.satupintu.pipeline.ingest.SourceCatalogue;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.privacy.Pseudonymizer;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Predicate;

/** A real lake for tests: generated rosters of a kabupaten, ingested with a fixed test key. */
public final class TestLakes {
    /** The pseudonym key of every test lake; never a deployment's. */
    public static final Pseudonymizer PSEUDONYMIZER =
            new Pseudonymizer("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    private TestLakes() {}

    /** Generates the rosters into {@code root}'s inbox and ingests the files {@code which} accepts. */
    public static GenerationResult generateAndIngest(
            Path root, GeneratorSettings settings, Predicate<GeneratedFile> which) throws Exception {
        GenerationResult generated = new SyntheticRosterGenerator(settings).generate(root);
        RosterIngest ingest = new RosterIngest(
                new DataDirectory(root), SourceCatalogue.defaults(), WilayahTable.national(), PSEUDONYMIZER);
        for (GeneratedFile file : generated.files()) {
            if (which.test(file)) {
                ingest.ingest(file.period(), file.path());
            }
        }
        return generated;
    }
}
