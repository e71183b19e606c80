package id.satupintu.pipeline.opendata;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The settings of the published aggregates, from {@code config/opendata.properties} of the data
 * directory (optional; every key has a default):
 *
 * <pre>
 * # counts below this are hidden (primary suppression), default 5
 * small-cell-threshold = 5
 * # license of the published data, as a CKAN license id, default CC-BY-4.0
 * license = CC-BY-4.0
 * # who publishes it, default "Dinas Sosial" and the kabupaten's name
 * publisher = Dinas Sosial Kabupaten Buleleng
 * </pre>
 */
public record OpenDataSettings(int smallCellThreshold, String license, Optional<String> publisher) {
    public static final String DEFAULT_LICENSE = "CC-BY-4.0";
    private static final Set<String> KEYS = Set.of("small-cell-threshold", "license", "publisher");

    public OpenDataSettings {
        requireNonNull(license, "license is null");
        requireNonNull(publisher, "publisher is null");
        if (smallCellThreshold < 1 || smallCellThreshold > 1000) {
            throw new IllegalArgumentException("the small-cell threshold must be 1 to 1000: " + smallCellThreshold);
        }
    }

    public static OpenDataSettings defaults() {
        return new OpenDataSettings(SmallCellSuppression.DEFAULT_THRESHOLD, DEFAULT_LICENSE, Optional.empty());
    }

    public OpenDataSettings withThreshold(int threshold) {
        return new OpenDataSettings(threshold, license, publisher);
    }

    /** The settings of the file, or the defaults when there is none. */
    public static OpenDataSettings read(Path file) {
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (IllegalArgumentException e) {
            throw new OpenDataException(
                    file + " tidak terbaca: " + e.getMessage(), file + " cannot be read: " + e.getMessage());
        }
        for (String key : properties.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new OpenDataException(
                        file + ": kunci " + key + " tidak dikenal (yang dikenal: small-cell-threshold, license,"
                                + " publisher)",
                        file + ": unknown key " + key + " (known: small-cell-threshold, license, publisher)");
            }
        }
        int threshold = SmallCellSuppression.DEFAULT_THRESHOLD;
        String text = properties.getProperty("small-cell-threshold");
        if (text != null) {
            try {
                threshold = Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                threshold = -1;
            }
            if (threshold < 1 || threshold > 1000) {
                throw new OpenDataException(
                        file + ": small-cell-threshold harus bilangan bulat 1 sampai 1000",
                        file + ": small-cell-threshold must be a whole number from 1 to 1000");
            }
        }
        String license = properties.getProperty("license", DEFAULT_LICENSE).strip();
        String publisher = properties.getProperty("publisher", "").strip();
        return new OpenDataSettings(
                threshold,
                license.isEmpty() ? DEFAULT_LICENSE : license,
                Optional.of(publisher).filter(p -> !p.isEmpty()));
    }
}
