package id.satupintu.pipeline.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The sources SatuPintu knows how to read, from JSON configuration. */
public record SourceCatalogue(List<SourceDefinition> sources) {
    public static final String DEFAULT_RESOURCE = "/id/satupintu/pipeline/ingest/default-sources.json";

    public SourceCatalogue {
        sources = List.copyOf(requireNonNull(sources, "sources is null"));
        List<String> problems = new ArrayList<>(
                sources.stream().flatMap(source -> source.problems().stream()).toList());
        Set<String> ids = new HashSet<>();
        for (SourceDefinition source : sources) {
            if (!ids.add(source.id())) {
                problems.add("source id " + source.id() + " is used twice");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid source catalogue: " + String.join("; ", problems));
        }
    }

    /** The catalogue that covers every layout the synthetic generator writes. */
    public static SourceCatalogue defaults() {
        try (InputStream stream = SourceCatalogue.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (stream == null) {
                throw new IllegalStateException("Missing " + DEFAULT_RESOURCE);
            }
            return JsonMapper.shared().readValue(stream, SourceCatalogue.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SourceCatalogue read(Path file) {
        try {
            return JsonMapper.shared().readValue(Files.readAllBytes(file), SourceCatalogue.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read source catalogue " + file, e);
        } catch (JacksonException e) {
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                throw new IllegalArgumentException("Source catalogue " + file + ": " + invalid.getMessage(), e);
            }
            throw new IllegalArgumentException(
                    "Source catalogue " + file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The built-in catalogue with a deployment's own entries: the deployment's first, in its order
     * (so they win for a file name both match), then the built-in entries whose id it does not
     * reuse. An entry with the id of a built-in one replaces it.
     */
    public SourceCatalogue withEntriesOf(SourceCatalogue deployment) {
        Set<String> replaced = new HashSet<>();
        deployment.sources().forEach(source -> replaced.add(source.id()));
        List<SourceDefinition> merged = new ArrayList<>(deployment.sources());
        sources.stream().filter(source -> !replaced.contains(source.id())).forEach(merged::add);
        return new SourceCatalogue(merged);
    }

    /** The sources read from another database rather than from inbox files. */
    public List<SourceDefinition> jdbcSources() {
        return sources.stream()
                .filter(source -> source.format().equals(SourceDefinition.JDBC))
                .toList();
    }

    /** The first source whose file pattern matches the file name. */
    public Optional<SourceDefinition> sourceFor(Path file) {
        return sources.stream().filter(source -> source.matches(file)).findFirst();
    }

    /**
     * Every source whose file pattern matches the file name, in catalogue order: layout versions
     * of one roster share a pattern, and ingest reads the file as the first whose header fits.
     */
    public List<SourceDefinition> sourcesFor(Path file) {
        return sources.stream().filter(source -> source.matches(file)).toList();
    }
}
