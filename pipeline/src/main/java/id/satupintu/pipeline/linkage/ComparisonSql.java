package id.satupintu.pipeline.linkage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the comparison model files ({@code comparisons/<kind>.sql}) into one SELECT over record
 * pairs. A model names the left and right values as {@code {l}}, {@code {r}}, derived values as
 * {@code {l:key}}, and a Jaro-Winkler similarity as {@code {jw}} or {@code {jw:key}}. Values and
 * similarities are computed once per pair in an inner projection, so a model may test one
 * similarity against several bands without DuckDB computing it again for each.
 */
final class ComparisonSql {
    private static final String RESOURCES = "/id/satupintu/pipeline/linkage/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(l|r|jw)(?::([a-z]+))?}");

    private ComparisonSql() {}

    /**
     * SELECT carried columns, gamma_0 … (TINYINT levels) and, when asked, tf_0 … (the frequency of
     * the more common of the two values) FROM {@code from}, where {@code from} joins the left
     * record as {@code l} and the right one as {@code r}.
     */
    static String select(List<ComparisonSpec> comparisons, String from, List<String> carried, boolean termFrequencies) {
        Map<String, String> inner = new LinkedHashMap<>();
        List<String> outer = new ArrayList<>();
        for (String column : carried) {
            String alias = column.substring(column.indexOf('.') + 1);
            inner.put(alias, column);
            outer.add(alias);
        }
        for (int c = 0; c < comparisons.size(); c++) {
            outer.add("CAST(" + level(comparisons.get(c), c, inner) + " AS TINYINT) AS gamma_" + c);
        }
        if (termFrequencies) {
            for (int c = 0; c < comparisons.size(); c++) {
                if (comparisons.get(c).termFrequency()) {
                    inner.put("tf_" + c, "greatest(l.tf_" + c + ", r.tf_" + c + ")");
                    outer.add("tf_" + c);
                }
            }
        }
        List<String> innerColumns = new ArrayList<>();
        inner.forEach((alias, expression) -> innerColumns.add(expression + " AS " + alias));
        return "SELECT " + String.join(", ", outer) + " FROM (SELECT " + String.join(", ", innerColumns) + " FROM "
                + from + ")";
    }

    /** The level expression of one comparison over the inner projection's columns, which it adds to. */
    static String level(ComparisonSpec comparison, int index, Map<String, String> inner) {
        String template = resource(comparison.kind().resource());
        List<Double> thresholds = comparison.thresholds();
        for (int i = 0; i < thresholds.size(); i++) {
            template = template.replace("{t" + (i + 1) + "}", Double.toString(thresholds.get(i)));
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            String what = matcher.group(1);
            String suffix = matcher.group(2);
            String column = "\"" + comparison.column() + (suffix == null ? "" : "__" + suffix) + "\"";
            String alias = what + "_" + index + (suffix == null ? "" : "_" + suffix);
            inner.putIfAbsent(
                    alias,
                    what.equals("jw")
                            ? "jaro_winkler_similarity(l." + column + ", r." + column + ")"
                            : what + "." + column);
            matcher.appendReplacement(sql, alias);
        }
        matcher.appendTail(sql);
        return "(\n" + sql.toString().strip() + "\n)";
    }

    private static String resource(String name) {
        try (InputStream in = ComparisonSql.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
