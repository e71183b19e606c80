package id.satupintu.pipeline.linkage;

import static id.satupintu.pipeline.duckdb.DuckDb.execute;
import static id.satupintu.pipeline.duckdb.DuckDb.literal;
import static java.util.Objects.requireNonNull;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.name.IndonesianName;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fellegi–Sunter record linkage in DuckDB over table {@value LinkageRecords#TABLE}: exact valid
 * NIK first; then candidate pairs per blocking rule as equi-joins, each rule leaving out the pairs
 * of earlier rules, counted before they are made; comparison levels in SQL; u from random pairs;
 * m by EM over agreement-pattern counts, one EM per blocking rule with the rule's own columns left
 * out; the prior from the expected number of matches; match weights with term-frequency
 * adjustment; bands; and clusters of records that are one person.
 *
 * <p>Only counts are logged, never names or NIKs.
 */
public final class LinkageEngine {
    public static final String PREPARED = "linkage_prepared";
    public static final String CANDIDATE_PAIR = "linkage_candidate_pair";
    public static final String COMPARISON_VECTOR = "linkage_comparison_vector";
    public static final String SCORED_PAIR = "linkage_scored_pair";
    public static final String PERSON_CLUSTER = "linkage_person_cluster";

    /** Blocking rule number of pairs matched on an exact valid NIK. */
    public static final int EXACT_ID_RULE = 0;

    /** EM per blocking rule reads at most about this many pairs (a hash sample beyond). */
    static final long MAX_TRAINING_PAIRS = 2_000_000L;

    static final long SEED = 20_261_124L;

    private static final Logger log = LoggerFactory.getLogger(LinkageEngine.class);

    private final LinkageSpec spec;
    private final List<PersonClustering.Constraint> constraints;
    private final int nameChunk;

    public LinkageEngine(LinkageSpec spec) {
        this(spec, List.of());
    }

    /** An engine whose clustering applies reviewers' decisions over record ids. */
    public LinkageEngine(LinkageSpec spec, List<PersonClustering.Constraint> constraints) {
        this(spec, constraints, NAME_CHUNK);
    }

    LinkageEngine(LinkageSpec spec, List<PersonClustering.Constraint> constraints, int nameChunk) {
        this.spec = requireNonNull(spec, "spec is null");
        this.constraints = List.copyOf(constraints);
        this.nameChunk = nameChunk;
    }

    public LinkageResult run(DuckDBConnection connection) throws SQLException {
        checkColumns(connection);
        long records = single(connection, "SELECT count(*) FROM " + LinkageRecords.TABLE);
        long preparing = System.nanoTime();
        prepare(connection);
        log.debug("Prepared {} records (names parsed, term frequencies) in {} s", records, seconds(preparing));
        long blockingStarted = System.nanoTime();
        List<BlockingCount> blocking = makeCandidatePairs(connection);
        log.debug("Candidate pairs made in {} s", seconds(blockingStarted));
        long candidatePairs = blocking.stream().mapToLong(BlockingCount::pairs).sum();
        log.info(
                "Linkage of {} records: {} candidate pairs from {} blocking rules",
                records,
                candidatePairs,
                blocking.size());

        double[][] u = estimateU(connection);
        double[][] m = estimateM(connection, u);
        long totalPairs = totalPairs(connection);

        long started = System.nanoTime();
        Duration cpuStarted = processCpuTime();
        execute(
                connection,
                "CREATE TABLE " + COMPARISON_VECTOR + " AS "
                        + ComparisonSql.select(
                                spec.comparisons(),
                                CANDIDATE_PAIR + " p JOIN " + PREPARED + " l ON l.record_id = p.record_id_l JOIN "
                                        + PREPARED + " r ON r.record_id = p.record_id_r",
                                List.of("p.record_id_l", "p.record_id_r", "p.blocking_rule"),
                                true));
        double comparingSeconds = (System.nanoTime() - started) / 1e9;
        Duration comparingCpu = processCpuTime().minus(cpuStarted);
        log.debug("Comparison levels of {} pairs in {} s", candidatePairs, comparingSeconds);

        double lambda = estimateLambda(connection, m, u, totalPairs);
        MatchParameters parameters = new MatchParameters(lambda, m, u);

        started = System.nanoTime();
        cpuStarted = processCpuTime();
        score(connection, parameters);
        double scoringSeconds = comparingSeconds + (System.nanoTime() - started) / 1e9;
        double scoringCpuSeconds = (comparingCpu.plus(processCpuTime().minus(cpuStarted))).toNanos() / 1e9;
        log.debug("Match weights of {} pairs in {} s", candidatePairs, scoringSeconds - comparingSeconds);

        long matchPairs = single(connection, "SELECT count(*) FROM " + SCORED_PAIR + " WHERE band = 'match'");
        long reviewPairs = single(connection, "SELECT count(*) FROM " + SCORED_PAIR + " WHERE band = 'review'");
        long clusters =
                new PersonClustering(spec.thresholds().strongLink(), constraints).cluster(connection, spec.uniqueId());
        log.info(
                "Linkage scored {} pairs in {} s: {} match, {} review; {} clusters",
                candidatePairs,
                String.format(Locale.ROOT, "%.2f", scoringSeconds),
                matchPairs,
                reviewPairs,
                clusters);

        Optional<LinkageQuality> quality =
                spec.truthIfAny().isPresent() ? Optional.of(quality(connection)) : Optional.empty();
        return new LinkageResult(
                records,
                blocking,
                candidatePairs,
                parameters,
                lambda,
                matchPairs,
                reviewPairs,
                clusters,
                scoringSeconds,
                scoringCpuSeconds,
                quality);
    }

    private static String seconds(long startedNanos) {
        return String.format(Locale.ROOT, "%.2f", (System.nanoTime() - startedNanos) / 1e9);
    }

    /** CPU time of this process, all threads (DuckDB's native ones included); zero where unknown. */
    private static Duration processCpuTime() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private void checkColumns(DuckDBConnection connection) throws SQLException {
        Set<String> present = new HashSet<>(LinkageRecords.columnNames(connection, LinkageRecords.TABLE));
        // DuckDB matches identifiers without regard to case, and so does the spec
        Set<String> presentLowerCase = new HashSet<>();
        present.forEach(column -> presentLowerCase.add(column.toLowerCase(Locale.ROOT)));
        List<String> missing = spec.columns().stream()
                .filter(column -> !presentLowerCase.contains(column.toLowerCase(Locale.ROOT)))
                .toList();
        if (!missing.isEmpty()) {
            throw new LinkageException(
                    "Kolom yang disebut spesifikasi tidak ada di data: " + missing + "; kolom yang ada: "
                            + present.stream().sorted().toList(),
                    "Columns named by the spec are not in the data: " + missing + "; the data has: "
                            + present.stream().sorted().toList());
        }
    }

    /** Records with derived columns: parsed dates, Indonesian name keys, term frequencies, truth. */
    private void prepare(DuckDBConnection connection) throws SQLException {
        List<String> select = new ArrayList<>();
        List<String> joins = new ArrayList<>();
        select.add("r.*");
        try (BufferAllocator allocator = new RootAllocator()) {
            for (int c = 0; c < spec.comparisons().size(); c++) {
                ComparisonSpec comparison = spec.comparisons().get(c);
                String column = quoted(comparison.column());
                if (comparison.kind() == ComparisonKind.DATE) {
                    select.add("try_strptime(r." + column + ", " + literal(comparison.dateFormat()) + ")::DATE AS "
                            + quoted(comparison.column() + "__date"));
                }
                if (comparison.kind() == ComparisonKind.INDONESIAN_NAME) {
                    String table = "linkage_name_" + c;
                    long parsing = System.nanoTime();
                    parseNames(connection, allocator, comparison.column(), table);
                    log.debug("Names of {} parsed in {} s", comparison.column(), seconds(parsing));
                    for (String part : List.of("personal", "key", "distinctive")) {
                        select.add(table + "." + part + " AS " + quoted(comparison.column() + "__" + part));
                    }
                    joins.add(" LEFT JOIN " + table + " ON " + table + ".name = r." + column);
                }
                if (comparison.termFrequency()) {
                    // the share of records with the value, from a grouped count (cheaper than a
                    // window partitioned over every record)
                    String value = termFrequencyValue(comparison, c);
                    String counts = "linkage_tf_" + c;
                    String from = LinkageRecords.TABLE + " r" + String.join("", joins);
                    execute(
                            connection,
                            "CREATE TABLE " + counts + " AS SELECT " + value
                                    + " AS tf_value, count(*) / (SELECT"
                                    + " count(" + value + ") FROM " + from + ") AS tf FROM " + from + " WHERE "
                                    + value + " IS NOT NULL GROUP BY 1");
                    joins.add(" LEFT JOIN " + counts + " ON " + counts + ".tf_value = " + value);
                    select.add(counts + ".tf AS tf_" + c);
                }
            }
            spec.truthIfAny()
                    .ifPresent(truth -> select.add((truth.pattern() == null
                                    ? "r." + quoted(truth.column())
                                    : "nullif(regexp_extract(r." + quoted(truth.column()) + ", "
                                            + literal(truth.pattern()) + ", 1), '')")
                            + " AS linkage_truth"));
            execute(
                    connection,
                    "CREATE TABLE " + PREPARED + " AS SELECT " + String.join(", ", select) + " FROM "
                            + LinkageRecords.TABLE + " r" + String.join("", joins));
        }
    }

    private String termFrequencyValue(ComparisonSpec comparison, int index) {
        return comparison.kind() == ComparisonKind.INDONESIAN_NAME
                ? "linkage_name_" + index + ".distinctive"
                : "r." + quoted(comparison.column());
    }

    /** Distinct names parsed per round: what the heap holds of a name column, whatever the month's size. */
    static final int NAME_CHUNK = 262_144;

    /**
     * Parses one name column in Java into table {@code table} (name, personal, key, distinctive),
     * handing the keys to DuckDB as Arrow batches. Each distinct name is parsed once (a kabupaten's
     * rosters repeat names across programs and families), the names travel out of DuckDB as Arrow,
     * not row by row over JDBC, and {@value #NAME_CHUNK} at a time: Jawa Barat's millions of
     * distinct names held at once took a large part of the heap.
     */
    private void parseNames(DuckDBConnection connection, BufferAllocator allocator, String column, String table)
            throws SQLException {
        String distinct = table + "_distinct";
        execute(
                connection,
                "CREATE TABLE " + distinct + " AS SELECT DISTINCT " + quoted(column) + " AS name FROM "
                        + LinkageRecords.TABLE + " WHERE " + quoted(column) + " IS NOT NULL");
        execute(
                connection,
                "CREATE TABLE " + table + " (name VARCHAR, personal VARCHAR, key VARCHAR, distinctive VARCHAR)");
        long total = single(connection, "SELECT count(*) FROM " + distinct);
        for (long from = 0; from < total; from += nameChunk) {
            List<String> names = new ArrayList<>();
            // a table made by one CREATE … AS has row ids 0 … n - 1
            try (Statement statement = connection.createStatement();
                    DuckDBResultSet result = (DuckDBResultSet) statement.executeQuery("SELECT name FROM " + distinct
                            + " WHERE rowid >= " + from + " AND rowid < " + (from + nameChunk));
                    ArrowReader reader = (ArrowReader) result.arrowExportStream(allocator, 65_536)) {
                while (reader.loadNextBatch()) {
                    VarCharVector values =
                            (VarCharVector) reader.getVectorSchemaRoot().getVector(0);
                    for (int i = 0; i < values.getValueCount(); i++) {
                        names.add(new String(values.get(i), java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            } catch (java.io.IOException e) {
                throw new SQLException("Cannot read the names of " + column, e);
            }
            int rows = names.size();
            String[] written = names.toArray(String[]::new);
            String[] personal = new String[rows];
            String[] key = new String[rows];
            String[] distinctive = new String[rows];
            // parsing is pure and the names many: every core takes a share
            java.util.stream.IntStream.range(0, rows).parallel().forEach(i -> {
                IndonesianName name = IndonesianName.parse(written[i]);
                if (!name.personalName().isEmpty()) {
                    personal[i] = name.personalName();
                    key[i] = name.matchKey().replace(" ", "");
                    distinctive[i] = name.distinctiveKey().replace(" ", "");
                }
            });
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put("name", written);
            columns.put("personal", personal);
            columns.put("key", key);
            columns.put("distinctive", distinctive);
            String view = table + "_arrow_" + from / nameChunk;
            try (ArrowArrayStream stream = DuckDb.registerArrow(
                    connection, view, new ColumnBatchReader(allocator, columns, rows), allocator)) {
                execute(connection, "INSERT INTO " + table + " SELECT * FROM " + view);
            }
        }
        execute(connection, "DROP TABLE " + distinct);
    }

    /** The rules in order: exact valid NIK (when the spec names one), then the spec's rules. */
    private List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        if (spec.exactId() != null) {
            String l = "l." + quoted(spec.exactId());
            String r = "r." + quoted(spec.exactId());
            rules.add(new Rule(
                    EXACT_ID_RULE,
                    "exact_id(" + spec.exactId() + ")",
                    l + " = " + r + " AND " + validNik(l),
                    validNik("x." + quoted(spec.exactId())),
                    List.of("x." + quoted(spec.exactId())),
                    List.of(spec.exactId())));
        }
        for (int i = 0; i < spec.blocking().size(); i++) {
            BlockingRule rule = spec.blocking().get(i);
            rules.add(new Rule(
                    i + 1,
                    rule.toString(),
                    rule.condition(),
                    rule.keysPresent("x"),
                    rule.keys().stream()
                            .map(key -> BlockingRule.expression(key, "x"))
                            .toList(),
                    rule.columns()));
        }
        return rules;
    }

    private record Rule(
            int number,
            String text,
            String condition,
            String keysPresent,
            List<String> keyExpressions,
            List<String> columns) {
        /** k1 AS key_1, k2 AS key_2, … */
        String aliasedKeys() {
            List<String> aliased = new ArrayList<>();
            for (int i = 0; i < keyExpressions.size(); i++) {
                aliased.add(keyExpressions.get(i) + " AS key_" + (i + 1));
            }
            return String.join(", ", aliased);
        }

        String keyAliases() {
            List<String> aliases = new ArrayList<>();
            for (int i = 0; i < keyExpressions.size(); i++) {
                aliases.add("key_" + (i + 1));
            }
            return String.join(", ", aliases);
        }
    }

    /** A valid NIK by structure (DOMAIN.md §1.2): 16 digits, day 01–31 or 41–71, month 01–12, serial not 0000. */
    static String validNik(String value) {
        // TRY_CAST: DuckDB may test the parts before the pattern, and a failed cast would put the value in an error
        String day = "TRY_CAST(substr(" + value + ", 7, 2) AS INTEGER)";
        String month = "TRY_CAST(substr(" + value + ", 9, 2) AS INTEGER)";
        return "(regexp_full_match(" + value + ", '[1-9][0-9]{15}')"
                + " AND (" + day + " BETWEEN 1 AND 31 OR " + day + " BETWEEN 41 AND 71)"
                + " AND " + month + " BETWEEN 1 AND 12"
                + " AND substr(" + value + ", 13, 4) <> '0000')";
    }

    private String pairFilter() {
        return spec.linkType() == LinkType.LINK_ONLY ? "l.source_id < r.source_id" : "l.record_id < r.record_id";
    }

    private List<BlockingCount> makeCandidatePairs(DuckDBConnection connection) throws SQLException {
        List<Rule> rules = rules();
        List<Long> bounds = new ArrayList<>();
        long total = 0;
        for (Rule rule : rules) {
            long bound = upperBound(connection, rule);
            bounds.add(bound);
            total += bound;
            if (bound > spec.maxCandidatePairs() || total > spec.maxCandidatePairs()) {
                throw new LinkageException(
                        String.format(
                                Locale.ROOT,
                                "Aturan blocking %d (%s) akan menghasilkan sampai %,d pasangan kandidat (total %,d),"
                                        + " melebihi batas %,d; perketat aturan itu atau naikkan max_candidate_pairs",
                                rule.number(),
                                rule.text(),
                                bound,
                                total,
                                spec.maxCandidatePairs()),
                        String.format(
                                Locale.ROOT,
                                "Blocking rule %d (%s) would produce up to %,d candidate pairs (%,d in all), more"
                                        + " than the limit of %,d; tighten that rule or raise max_candidate_pairs",
                                rule.number(),
                                rule.text(),
                                bound,
                                total,
                                spec.maxCandidatePairs()));
            }
        }
        execute(
                connection,
                "CREATE TABLE " + CANDIDATE_PAIR + " (record_id_l BIGINT, record_id_r BIGINT, blocking_rule INTEGER)");
        List<BlockingCount> counts = new ArrayList<>();
        List<String> earlier = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            StringBuilder sql = new StringBuilder("INSERT INTO " + CANDIDATE_PAIR + " SELECT l.record_id, r.record_id, "
                    + rule.number() + " FROM " + PREPARED + " l JOIN " + PREPARED + " r ON " + rule.condition()
                    + " WHERE " + pairFilter());
            for (String condition : earlier) {
                sql.append(" AND NOT coalesce(").append(condition).append(", false)");
            }
            long pairs;
            try (Statement statement = connection.createStatement()) {
                pairs = statement.executeUpdate(sql.toString());
            }
            earlier.add(rule.condition());
            counts.add(new BlockingCount(rule.text(), bounds.get(i), pairs));
        }
        return counts;
    }

    /**
     * Pairs equal on the rule's keys, counted from the key groups without making a pair: the sum
     * of n(n-1)/2 over groups (for link-only, of the cross-source pairs in each group).
     */
    private long upperBound(DuckDBConnection connection, Rule rule) throws SQLException {
        String groups = "SELECT " + rule.aliasedKeys() + ", source_id, count(*) AS n FROM " + PREPARED + " x WHERE "
                + rule.keysPresent() + " GROUP BY ALL";
        return pairsInGroups(connection, groups, rule.keyAliases());
    }

    /** n(n-1)/2 summed over groups of {@code groups} (n per key and source), or the cross-source pairs. */
    private long pairsInGroups(DuckDBConnection connection, String groups, String keys) throws SQLException {
        String sql = spec.linkType() == LinkType.LINK_ONLY
                ? "SELECT coalesce(sum((total * total - squares) // 2), 0) FROM (SELECT sum(n) AS total,"
                        + " sum(n * n) AS squares FROM (" + groups + ") g GROUP BY " + keys + ")"
                : "SELECT coalesce(sum(total * (total - 1) // 2), 0) FROM (SELECT sum(n) AS total FROM (" + groups
                        + ") g GROUP BY " + keys + ")";
        return single(connection, sql);
    }

    private List<AgreementPattern> patterns(DuckDBConnection connection, String pairsSql) throws SQLException {
        int comparisons = spec.comparisons().size();
        List<String> gammas = new ArrayList<>();
        for (int c = 0; c < comparisons; c++) {
            gammas.add("gamma_" + c);
        }
        List<AgreementPattern> patterns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT " + String.join(", ", gammas) + ", count(*) FROM (" + pairsSql + ") GROUP BY ALL")) {
            while (result.next()) {
                int[] levels = new int[comparisons];
                for (int c = 0; c < comparisons; c++) {
                    levels[c] = result.getInt(c + 1);
                }
                patterns.add(new AgreementPattern(levels, result.getLong(comparisons + 1)));
            }
        }
        return patterns;
    }

    /**
     * u: the share of each level among random record pairs, nearly all of them two different
     * people. The pairs are every pair within a hash-ordered sample of about sqrt(2 · random_pairs)
     * records.
     */
    private double[][] estimateU(DuckDBConnection connection) throws SQLException {
        long sampleSize = (long) Math.ceil(Math.sqrt(2.0 * spec.randomPairs()));
        String sample = "SELECT * FROM " + PREPARED + " ORDER BY hash(record_id, " + SEED + ") LIMIT " + sampleSize;
        List<AgreementPattern> patterns = patterns(
                connection,
                ComparisonSql.select(
                        spec.comparisons(),
                        "(" + sample + ") l JOIN (" + sample + ") r ON " + pairFilter(),
                        List.of(),
                        false));
        double[][] u = new double[spec.comparisons().size()][];
        for (int c = 0; c < u.length; c++) {
            int levels = spec.comparisons().get(c).kind().levelCount();
            double[] counts = new double[levels];
            double present = 0;
            for (AgreementPattern pattern : patterns) {
                int level = pattern.level(c);
                if (level >= 0) {
                    counts[level] += pattern.pairs();
                    present += pattern.pairs();
                }
            }
            u[c] = new double[levels];
            for (int level = 0; level < levels; level++) {
                // half a pair where none was seen: rare agreement, not impossible agreement
                u[c][level] = present == 0 ? 1.0 / levels : Math.max(counts[level], 0.5) / (present + 0.5 * levels);
            }
        }
        return u;
    }

    /**
     * m by EM, once per blocking rule over the pairs that rule alone produces (earlier rules not
     * taken out), with the comparisons of the rule's own columns left out: within a block they
     * agree by construction. Each comparison's m is the average of its estimates weighted by the
     * expected matches of each rule.
     */
    private double[][] estimateM(DuckDBConnection connection, double[][] u) throws SQLException {
        int comparisons = spec.comparisons().size();
        double[][] start = new double[comparisons][];
        for (int c = 0; c < comparisons; c++) {
            start[c] = startingM(spec.comparisons().get(c).kind().levelCount());
        }
        double[][] sum = new double[comparisons][];
        double[] weight = new double[comparisons];
        for (int c = 0; c < comparisons; c++) {
            sum[c] = new double[start[c].length];
        }
        for (Rule rule : rules()) {
            if (rule.number() == EXACT_ID_RULE) {
                continue;
            }
            boolean[] active = new boolean[comparisons];
            boolean any = false;
            for (int c = 0; c < comparisons; c++) {
                active[c] = !rule.columns().contains(spec.comparisons().get(c).column());
                any |= active[c];
            }
            if (!any) {
                continue;
            }
            long bound = upperBound(connection, rule);
            String sampling = bound > MAX_TRAINING_PAIRS
                    ? " AND hash(l.record_id, r.record_id, " + SEED + ") % " + (bound / MAX_TRAINING_PAIRS + 1) + " = 0"
                    : "";
            List<AgreementPattern> patterns = patterns(
                    connection,
                    ComparisonSql.select(
                            spec.comparisons(),
                            PREPARED + " l JOIN " + PREPARED + " r ON " + rule.condition() + " WHERE " + pairFilter()
                                    + sampling,
                            List.of(),
                            false));
            long pairs = patterns.stream().mapToLong(AgreementPattern::pairs).sum();
            if (pairs == 0) {
                continue;
            }
            double[][] uniform = new double[comparisons][];
            for (int c = 0; c < comparisons; c++) {
                uniform[c] = start[c].clone();
            }
            ExpectationMaximisation.Estimate estimate =
                    ExpectationMaximisation.estimate(patterns, new MatchParameters(0.3, uniform, u), active);
            double expectedMatches = estimate.parameters().lambda() * pairs;
            log.info(
                    "EM on blocking rule {}: {} pairs, {} iterations, lambda {}",
                    rule.number(),
                    pairs,
                    estimate.iterations(),
                    String.format(Locale.ROOT, "%.4f", estimate.parameters().lambda()));
            for (int c = 0; c < comparisons; c++) {
                if (!active[c]) {
                    continue;
                }
                for (int level = 0; level < sum[c].length; level++) {
                    sum[c][level] += expectedMatches * estimate.parameters().m(c, level);
                }
                weight[c] += expectedMatches;
            }
        }
        double[][] m = new double[comparisons][];
        for (int c = 0; c < comparisons; c++) {
            m[c] = new double[start[c].length];
            for (int level = 0; level < m[c].length; level++) {
                m[c][level] = weight[c] == 0 ? start[c][level] : sum[c][level] / weight[c];
            }
        }
        return m;
    }

    /** Starting m: most matches at the best level, each level below four times less likely. */
    static double[] startingM(int levels) {
        double[] m = new double[levels];
        double total = 0;
        for (int level = 0; level < levels; level++) {
            m[level] = Math.pow(4, level);
            total += m[level];
        }
        for (int level = 0; level < levels; level++) {
            m[level] /= total;
        }
        return m;
    }

    private long totalPairs(DuckDBConnection connection) throws SQLException {
        if (spec.linkType() == LinkType.DEDUPE) {
            long n = single(connection, "SELECT count(*) FROM " + PREPARED);
            return Math.max(1, n * (n - 1) / 2);
        }
        return Math.max(
                1,
                single(
                        connection,
                        "SELECT coalesce((sum(n) * sum(n) - sum(n * n)) // 2, 0) FROM (SELECT count(*) AS n FROM "
                                + PREPARED + " GROUP BY source_id)"));
    }

    /**
     * The prior: the share of matches among all record pairs, found as the fixed point where it
     * equals the expected matches among the candidate pairs divided by all pairs (pairs blocking
     * did not produce are taken as non-matches). Pairs equal on a valid NIK count as matches.
     */
    private double estimateLambda(DuckDBConnection connection, double[][] m, double[][] u, long totalPairs)
            throws SQLException {
        long exactIdPairs = single(
                connection, "SELECT count(*) FROM " + CANDIDATE_PAIR + " WHERE blocking_rule = " + EXACT_ID_RULE);
        List<AgreementPattern> patterns =
                patterns(connection, "SELECT * FROM " + COMPARISON_VECTOR + " WHERE blocking_rule <> " + EXACT_ID_RULE);
        MatchParameters weights = new MatchParameters(0.5, m, u);
        double[] bayesFactor = new double[patterns.size()];
        for (int p = 0; p < patterns.size(); p++) {
            double log2 = 0;
            for (int c = 0; c < m.length; c++) {
                log2 += weights.weight(c, patterns.get(p).level(c));
            }
            bayesFactor[p] = Math.pow(2, log2);
        }
        double lambda = Math.min(
                0.5,
                Math.max(
                        1e-12,
                        0.5
                                * (patterns.stream()
                                                .mapToLong(AgreementPattern::pairs)
                                                .sum()
                                        + exactIdPairs)
                                / (double) totalPairs));
        for (int iteration = 0; iteration < ExpectationMaximisation.MAX_ITERATIONS; iteration++) {
            double odds = lambda / (1 - lambda);
            double expected = exactIdPairs;
            for (int p = 0; p < patterns.size(); p++) {
                double posteriorOdds = odds * bayesFactor[p];
                double posterior = Double.isInfinite(posteriorOdds) ? 1 : posteriorOdds / (1 + posteriorOdds);
                expected += posterior * patterns.get(p).pairs();
            }
            double next = Math.min(0.5, Math.max(1e-12, expected / totalPairs));
            if (Math.abs(next - lambda) <= lambda * 1e-9) {
                lambda = next;
                break;
            }
            lambda = next;
        }
        return lambda;
    }

    private void score(DuckDBConnection connection, MatchParameters parameters) throws SQLException {
        List<String> terms = new ArrayList<>();
        terms.add(Double.toString(MatchParameters.log2(parameters.lambda() / (1 - parameters.lambda()))));
        for (int c = 0; c < spec.comparisons().size(); c++) {
            ComparisonSpec comparison = spec.comparisons().get(c);
            StringBuilder levels = new StringBuilder("CASE gamma_" + c);
            for (int level = 0; level < comparison.kind().levelCount(); level++) {
                levels.append(" WHEN ").append(level).append(" THEN ").append(parameters.weight(c, level));
            }
            terms.add(levels.append(" ELSE 0 END").toString());
            if (comparison.termFrequency()) {
                // a common value agreeing is less telling: u of exact agreement becomes the value's frequency
                double uExact =
                        Math.max(parameters.u(c, comparison.kind().termFrequencyFromLevel()), MatchParameters.FLOOR);
                terms.add("CASE WHEN gamma_" + c + " >= " + comparison.kind().termFrequencyFromLevel()
                        + " THEN coalesce(log2(" + uExact + " / tf_" + c + "), 0) ELSE 0 END");
            }
        }
        List<String> gammas = new ArrayList<>();
        for (int c = 0; c < spec.comparisons().size(); c++) {
            gammas.add("gamma_" + c);
        }
        Thresholds thresholds = spec.thresholds();
        // an exact-id pair on which every other present comparison disagrees, at least two of them:
        // one NIK carried by two different people (NIK ganda), kept apart and shown as a conflict
        List<String> present = new ArrayList<>();
        List<String> agreeing = new ArrayList<>();
        for (int c = 0; c < spec.comparisons().size(); c++) {
            if (!spec.comparisons().get(c).column().equals(spec.exactId())) {
                present.add("CASE WHEN gamma_" + c + " >= 0 THEN 1 ELSE 0 END");
                agreeing.add("CASE WHEN gamma_" + c + " > 0 THEN 1 ELSE 0 END");
            }
        }
        // a pair that disagrees outright on a required comparison (the personal name, say) is never a
        // match or a review case, however much else agrees: people born on one day in one kecamatan
        // have NIKs one serial digit apart
        List<String> disagreeing = new ArrayList<>();
        for (int c = 0; c < spec.comparisons().size(); c++) {
            if (spec.comparisons().get(c).required()) {
                disagreeing.add("gamma_" + c + " = 0");
            }
        }
        String vetoed = disagreeing.isEmpty()
                ? "false"
                : "blocking_rule <> " + EXACT_ID_RULE + " AND (" + String.join(" OR ", disagreeing) + ")";
        String conflict = present.size() < 2
                ? "false"
                : "blocking_rule = " + EXACT_ID_RULE + " AND " + String.join(" + ", present) + " >= 2 AND "
                        + String.join(" + ", agreeing) + " = 0";
        execute(
                connection,
                "CREATE TABLE " + SCORED_PAIR + " AS"
                        + " WITH weighted AS (SELECT *, " + String.join(" + ", terms) + " AS match_weight FROM "
                        + COMPARISON_VECTOR + "),"
                        + " flagged AS (SELECT *, " + conflict + " AS conflict FROM weighted),"
                        + " scored AS (SELECT *, CASE WHEN blocking_rule = " + EXACT_ID_RULE
                        + " AND NOT conflict THEN 1.0 ELSE 1 / (1 + pow(2, -match_weight)) END AS match_probability"
                        + " FROM flagged)"
                        + " SELECT record_id_l, record_id_r, blocking_rule, " + String.join(", ", gammas)
                        + ", match_weight, match_probability,"
                        + " CASE WHEN conflict THEN 'conflict' WHEN " + vetoed + " THEN 'non_match'"
                        + " WHEN match_probability >= " + thresholds.match() + " THEN 'match'"
                        + " WHEN match_probability >= " + thresholds.review()
                        + " THEN 'review' ELSE 'non_match' END AS band FROM scored");
    }

    private LinkageQuality quality(DuckDBConnection connection) throws SQLException {
        long truePairs = pairsWithin(connection, PREPARED, "linkage_truth");
        String joined = " p JOIN " + PREPARED + " l ON l.record_id = p.record_id_l JOIN " + PREPARED
                + " r ON r.record_id = p.record_id_r";
        long matched = single(connection, "SELECT count(*) FROM " + SCORED_PAIR + " WHERE band = 'match'");
        long matchedCorrect = single(
                connection,
                "SELECT count(*) FROM " + SCORED_PAIR + joined
                        + " WHERE p.band = 'match' AND l.linkage_truth = r.linkage_truth");
        long candidates = single(connection, "SELECT count(*) FROM " + CANDIDATE_PAIR);
        long candidatesCorrect = single(
                connection,
                "SELECT count(*) FROM " + CANDIDATE_PAIR + joined + " WHERE l.linkage_truth = r.linkage_truth");
        String clustered = "(SELECT c.cluster_id, c.source_id, p.linkage_truth FROM " + PERSON_CLUSTER + " c JOIN "
                + PREPARED + " p USING (record_id))";
        long clusterPairs = pairsWithin(connection, clustered, "cluster_id");
        long clusterCorrect = pairsWithin(connection, clustered, "cluster_id, linkage_truth");
        return new LinkageQuality(
                new PairQuality(truePairs, matched, matchedCorrect),
                new PairQuality(truePairs, clusterPairs, clusterCorrect),
                new PairQuality(truePairs, candidates, candidatesCorrect));
    }

    /** Record pairs (cross-source ones for link-only) within groups of equal non-null values. */
    private long pairsWithin(DuckDBConnection connection, String relation, String groupColumns) throws SQLException {
        String present = String.join(
                " AND ",
                List.of(groupColumns.split(",\\s*")).stream()
                        .map(column -> column + " IS NOT NULL")
                        .toList());
        String groups = "SELECT " + groupColumns + ", source_id, count(*) AS n FROM " + relation + " g WHERE " + present
                + " GROUP BY ALL";
        return pairsInGroups(connection, groups, groupColumns);
    }

    static long single(DuckDBConnection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
