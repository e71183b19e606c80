package id.satupintu.pipeline.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which files of one period's inbox are ingested, and which stand aside:
 *
 * <ul>
 *   <li><b>Replaced</b>: files of the same source whose names differ only by a revision marker
 *       at the end ({@code _rev2}, {@code -revisi1}, {@code _perbaikan2}, {@code _v3}, {@code (2)})
 *       are deliveries of one roster; the highest revision (no marker = 0) is ingested, the others
 *       are {@code SUPERSEDED} by it.
 *   <li><b>Delivered twice</b>: files with the same SHA-256 are one delivery; the one kept is the
 *       newest revision, else the first by name; the others are {@code DUPLICATE} of it.
 * </ul>
 *
 * The decision depends only on the names and bytes in the folder, so every run and every worker
 * decides the same. Only files of equal size are hashed against each other.
 */
final class DeliveryPlan {
    private static final Pattern REVISION =
            Pattern.compile("(?i)^(.*?)(?:[ _-]*(?:rev(?:isi)?|perbaikan|v)[ _-]?(\\d+)|\\s*\\((\\d+)\\))$");

    private DeliveryPlan() {}

    /** What happens to one file: ingested, or set aside for another file of the folder. */
    record Decision(Status status, Optional<String> otherFile) {
        Decision {
            requireNonNull(status, "status is null");
            requireNonNull(otherFile, "otherFile is null");
        }

        static final Decision INGEST = new Decision(Status.INGEST, Optional.empty());
    }

    enum Status {
        INGEST,
        SUPERSEDED,
        DUPLICATE
    }

    /**
     * The decision for {@code file} among the deliveries of its folder: the entries the catalogue
     * knows that {@code isDelivery} accepts (regular files of the period; a symbolic link or a file
     * of another month never replaces nor duplicates a file).
     */
    static Decision decide(
            Path file, SourceCatalogue catalogue, Predicate<Path> isDelivery, Function<Path, String> sha256) {
        List<Path> siblings;
        try (Stream<Path> listing = Files.list(file.toAbsolutePath().getParent())) {
            siblings = listing.filter(path -> !path.getFileName().toString().startsWith("."))
                    .filter(path -> catalogue.sourceFor(path).isPresent())
                    .filter(isDelivery)
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + file.getParent(), e);
        }
        Path self = file.toAbsolutePath();
        if (siblings.size() < 2 || !siblings.contains(self)) {
            return Decision.INGEST;
        }
        Map<Path, String> hashes = new HashMap<>();
        Function<Path, String> hash = path -> hashes.computeIfAbsent(path, sha256);

        // 1. within a roster's deliveries the highest revision wins
        Map<String, List<Path>> deliveries = new LinkedHashMap<>();
        for (Path sibling : siblings) {
            String key = catalogue.sourceFor(sibling).orElseThrow().id() + "/" + deliveryKey(sibling);
            deliveries.computeIfAbsent(key, k -> new ArrayList<>()).add(sibling);
        }
        List<Path> winners = new ArrayList<>();
        for (List<Path> group : deliveries.values()) {
            Path winner = group.stream()
                    .max(Comparator.comparingInt(DeliveryPlan::revision)
                            .thenComparing(path -> path.getFileName().toString()))
                    .orElseThrow();
            winners.add(winner);
            if (group.contains(self) && !winner.equals(self)) {
                boolean sameBytes =
                        size(self) == size(winner) && hash.apply(self).equals(hash.apply(winner));
                return new Decision(
                        sameBytes ? Status.DUPLICATE : Status.SUPERSEDED,
                        Optional.of(winner.getFileName().toString()));
            }
        }
        // 2. the same bytes under two names: the first by name is kept
        for (Path other : winners) {
            if (other.equals(self)) {
                return Decision.INGEST;
            }
            if (size(other) == size(self) && hash.apply(other).equals(hash.apply(self))) {
                return new Decision(
                        Status.DUPLICATE, Optional.of(other.getFileName().toString()));
            }
        }
        return Decision.INGEST;
    }

    /** The file name without its revision marker, lower case: {@code pkh_5108_202610_rev2.csv} → {@code pkh_5108_202610.csv}. */
    static String deliveryKey(Path file) {
        String[] stemAndExtension = stemAndExtension(file);
        Matcher matcher = REVISION.matcher(stemAndExtension[0]);
        String stem = matcher.matches() ? matcher.group(1) : stemAndExtension[0];
        return (stem + stemAndExtension[1]).toLowerCase(Locale.ROOT);
    }

    /** The revision number at the end of the file name, 0 when it has none. */
    static int revision(Path file) {
        Matcher matcher = REVISION.matcher(stemAndExtension(file)[0]);
        if (!matcher.matches()) {
            return 0;
        }
        String number = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
        return Integer.parseInt(number);
    }

    private static String[] stemAndExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? new String[] {name, ""} : new String[] {name.substring(0, dot), name.substring(dot)};
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
