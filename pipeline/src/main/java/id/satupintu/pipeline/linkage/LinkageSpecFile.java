package id.satupintu.pipeline.linkage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a linkage spec from YAML. Example (FEBRL benchmark):
 *
 * <pre>
 * unique_id: rec_id
 * link_type: dedupe            # dedupe | link_and_dedupe | link_only
 * exact_id: nik                # optional: equal valid NIKs match outright
 * comparisons:
 *   - {column: given_name, kind: name}
 *   - {column: date_of_birth, kind: date, date_format: '%Y%m%d'}
 *   - {column: nama, kind: indonesian_name, thresholds: [0.92, 0.9], term_frequency: true}
 * blocking:
 *   - [soc_sec_id]
 *   - [given_name, surname]
 *   - [postcode, prefix(surname, 2)]
 * thresholds: {match: 0.9, review: 0.5, strong_link: 0.99}
 * max_candidate_pairs: 50000000
 * random_pairs: 1000000
 * truth: {column: rec_id, pattern: 'rec-(\d+)'}
 * </pre>
 */
public final class LinkageSpecFile {
    private static final Set<String> TOP_LEVEL = Set.of(
            "unique_id",
            "link_type",
            "exact_id",
            "comparisons",
            "blocking",
            "thresholds",
            "max_candidate_pairs",
            "random_pairs",
            "truth");
    private static final Set<String> COMPARISON =
            Set.of("column", "kind", "thresholds", "term_frequency", "date_format", "required");

    private LinkageSpecFile() {}

    public static LinkageSpec read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new LinkageException(
                    "Berkas spesifikasi tidak dapat dibaca: " + file, "The spec file cannot be read: " + file);
        } catch (IllegalArgumentException | JacksonException e) {
            throw new LinkageException(
                    "Spesifikasi " + file.getFileName() + " tidak sah: " + e.getMessage(),
                    "The spec " + file.getFileName() + " is not valid: " + e.getMessage());
        }
    }

    public static LinkageSpec parse(String yaml) {
        ObjectMapper mapper = YAMLMapper.builder().build();
        JsonNode root = mapper.readTree(yaml);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the spec must be a YAML mapping");
        }
        checkKeys(root, TOP_LEVEL, "spec");
        List<ComparisonSpec> comparisons = new ArrayList<>();
        for (JsonNode node : array(root, "comparisons")) {
            checkKeys(node, COMPARISON, "comparison");
            ComparisonKind kind = ComparisonKind.fromSpecName(text(node, "kind", null));
            List<Double> thresholds = new ArrayList<>();
            if (node.has("thresholds")) {
                for (JsonNode threshold : node.get("thresholds")) {
                    thresholds.add(threshold.asDouble());
                }
            }
            boolean termFrequency =
                    node.has("term_frequency") ? node.get("term_frequency").asBoolean() : kind.termFrequencyByDefault();
            comparisons.add(new ComparisonSpec(
                    text(node, "column", null),
                    kind,
                    thresholds,
                    termFrequency,
                    text(node, "date_format", null),
                    node.has("required") && node.get("required").asBoolean()));
        }
        List<BlockingRule> blocking = new ArrayList<>();
        for (JsonNode node : array(root, "blocking")) {
            List<String> keys = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(key -> keys.add(key.asString()));
            } else {
                keys.add(node.asString());
            }
            blocking.add(new BlockingRule(keys));
        }
        Thresholds thresholds = Thresholds.DEFAULT;
        if (root.has("thresholds")) {
            JsonNode node = root.get("thresholds");
            checkKeys(node, Set.of("match", "review", "strong_link"), "thresholds");
            thresholds = new Thresholds(
                    node.path("match").asDouble(Thresholds.DEFAULT.match()),
                    node.path("review").asDouble(Thresholds.DEFAULT.review()),
                    node.path("strong_link").asDouble(Thresholds.DEFAULT.strongLink()));
        }
        Truth truth = null;
        if (root.has("truth")) {
            JsonNode node = root.get("truth");
            checkKeys(node, Set.of("column", "pattern"), "truth");
            truth = new Truth(text(node, "column", null), text(node, "pattern", null));
        }
        return new LinkageSpec(
                text(root, "unique_id", null),
                LinkType.fromSpecName(text(root, "link_type", "dedupe")),
                text(root, "exact_id", null),
                comparisons,
                blocking,
                thresholds,
                root.path("max_candidate_pairs").asLong(LinkageSpec.DEFAULT_MAX_CANDIDATE_PAIRS),
                root.path("random_pairs").asLong(LinkageSpec.DEFAULT_RANDOM_PAIRS),
                truth);
    }

    private static List<JsonNode> array(JsonNode root, String name) {
        JsonNode node = root.get(name);
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(name + " must be a list");
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    private static String text(JsonNode node, String name, String fallback) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? fallback : value.asString();
    }

    private static void checkKeys(JsonNode node, Set<String> known, String what) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(what + " must be a mapping");
        }
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown " + what + " key '" + name + "'; known: "
                        + known.stream().sorted().toList());
            }
        }
    }
}
