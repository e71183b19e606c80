package id.satupintu.pipeline.linkage;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A blocking rule: record pairs equal on every key become candidates. A key is a column
 * ({@code surname}), the first n characters of one ({@code prefix(surname, 3)}), or the match
 * key of an {@code indonesian_name} column ({@code name_key(nama)}).
 */
public record BlockingRule(List<String> keys) {
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern PREFIX =
            Pattern.compile("prefix\\(\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*,\\s*(\\d+)\\s*\\)");
    private static final Pattern NAME_KEY = Pattern.compile("name_key\\(\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)");

    public BlockingRule {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a blocking rule needs at least one key");
        }
        for (String key : keys) {
            expression(key, "x");
        }
    }

    public static BlockingRule of(String... keys) {
        return new BlockingRule(List.of(keys));
    }

    /** The columns the rule's keys read. */
    public List<String> columns() {
        return keys.stream().map(BlockingRule::column).toList();
    }

    static String column(String key) {
        Matcher prefix = PREFIX.matcher(key.strip());
        if (prefix.matches()) {
            return prefix.group(1);
        }
        Matcher nameKey = NAME_KEY.matcher(key.strip());
        if (nameKey.matches()) {
            return nameKey.group(1);
        }
        return key.strip();
    }

    /** The SQL of one key on the record aliased {@code alias}. */
    static String expression(String key, String alias) {
        String text = key.strip();
        if (COLUMN.matcher(text).matches()) {
            return alias + ".\"" + text + "\"";
        }
        Matcher prefix = PREFIX.matcher(text);
        if (prefix.matches()) {
            return "substr(" + alias + ".\"" + prefix.group(1) + "\", 1, " + Integer.parseInt(prefix.group(2)) + ")";
        }
        Matcher nameKey = NAME_KEY.matcher(text);
        if (nameKey.matches()) {
            return alias + ".\"" + nameKey.group(1) + "__key\"";
        }
        throw new IllegalArgumentException(
                "blocking key '" + key + "' is not a column, prefix(column, n) or name_key(column)");
    }

    /** l.k1 = r.k1 AND … */
    String condition() {
        return String.join(
                " AND ",
                keys.stream()
                        .map(key -> expression(key, "l") + " = " + expression(key, "r"))
                        .toList());
    }

    /** k1 IS NOT NULL AND … on one record aliased {@code alias}. */
    String keysPresent(String alias) {
        return String.join(
                " AND ",
                keys.stream()
                        .map(key -> expression(key, alias) + " IS NOT NULL")
                        .toList());
    }

    @Override
    public String toString() {
        return String.join(" & ", keys);
    }
}
