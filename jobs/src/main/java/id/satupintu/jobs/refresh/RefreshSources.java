package id.satupintu.jobs.refresh;

import static java.util.Objects.requireNonNull;

import id.satupintu.jobs.OperatorException;
import id.satupintu.pipeline.ingest.RosterIngest;
import id.satupintu.pipeline.ingest.SourceCatalogue;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.privacy.Pseudonymizer;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The source catalogue a refresh reads with: the built-in one, plus the deployment's entries from
 * {@code config/sources.json} in the data directory (or the file {@code satupintu.source-catalogue}
 * names), which add sources (a JDBC source, a local layout) and replace built-in entries of the
 * same id. The file is read again at each run, so a long-running {@code schedule} sees an edit at
 * its next refresh without a restart.
 */
final class RefreshSources {
    static final String DEFAULT_FILE = "config/sources.json";

    private final DataDirectory dataDirectory;
    private final Path file;
    private final boolean configured;
    private SourceCatalogue cachedCatalogue;
    private RosterIngest cachedIngest;

    /** @param configuredFile the catalogue file; blank for {@code config/sources.json} of the data directory */
    RefreshSources(DataDirectory dataDirectory, String configuredFile) {
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null");
        this.configured =
                !requireNonNull(configuredFile, "configuredFile is null").isBlank();
        this.file = configured
                ? Path.of(configuredFile.strip())
                : dataDirectory.root().resolve(DEFAULT_FILE);
    }

    /** The catalogue as the configuration says now. */
    SourceCatalogue catalogue() {
        if (!Files.exists(file)) {
            if (configured) {
                throw new OperatorException(
                        "Katalog sumber tidak ditemukan: " + file, "Source catalogue not found: " + file);
            }
            return SourceCatalogue.defaults();
        }
        try {
            return SourceCatalogue.defaults().withEntriesOf(SourceCatalogue.read(file));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // the message names the file and every problem of the catalogue
            throw new OperatorException(
                    "Katalog sumber tidak dapat dipakai: " + e.getMessage(),
                    "The source catalogue cannot be used: " + e.getMessage());
        }
    }

    /** The ingest over the current catalogue; built again only when the catalogue changed. */
    synchronized RosterIngest ingest() {
        SourceCatalogue catalogue = catalogue();
        if (cachedIngest == null || !catalogue.equals(cachedCatalogue)) {
            cachedIngest = new RosterIngest(
                    dataDirectory,
                    catalogue,
                    WilayahTable.national(),
                    Pseudonymizer.fromKeyFile(dataDirectory.pseudonymKey()));
            cachedCatalogue = catalogue;
        }
        return cachedIngest;
    }
}
