package id.satupintu.pipeline.warehouse;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;

/** A warehouse file that is built and tested, not yet published; with the rows of each table. */
public record BuiltWarehouse(Path file, Map<String, Long> tableRows) {
    public BuiltWarehouse {
        requireNonNull(file, "file is null");
        tableRows = Map.copyOf(requireNonNull(tableRows, "tableRows is null"));
    }
}
