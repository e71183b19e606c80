package id.satupintu.pipeline.linkage;

import static id.satupintu.pipeline.duckdb.DuckDb.execute;

import id.satupintu.pipeline.duckdb.DuckDb;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntToLongFunction;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups records into persons: connected components of the matched pairs, guarded against
 * chaining. Pairs are taken strongest first; a pair joins a lone record to a group freely, but
 * joins two groups of several records only when it is a strong link or when a second matched pair
 * also joins them. One weak pair between two people's records never makes them one person.
 *
 * <p>A record marked {@code attach_only} in the records table (a roster row rejected for its NIK,
 * say) takes part in no cluster: it stays alone, and the caller attaches it to the person of its
 * best match, so it can never join two persons.
 *
 * <p>Reviewers' decisions come in as {@link Constraint}s: a same-person decision joins its records
 * before any pair is taken; a different-persons decision keeps its two sides apart, whatever pairs
 * (an exact NIK included) or chains of pairs would join them.
 */
public final class PersonClustering {
    private static final Logger log = LoggerFactory.getLogger(PersonClustering.class);

    private final double strongLink;
    private final List<Constraint> constraints;

    public PersonClustering(double strongLink) {
        this(strongLink, List.of());
    }

    public PersonClustering(double strongLink, List<Constraint> constraints) {
        this.strongLink = strongLink;
        this.constraints = List.copyOf(constraints);
    }

    /** A matched pair of record ids with its match probability. */
    public record Link(long left, long right, double probability) {}

    /**
     * A reviewer's decision over record ids: {@code same} joins every record of both sides into one
     * person; otherwise no record of the left side ends up with a record of the right side. A
     * same-person decision that would join two sides some different-persons decision keeps apart is
     * not applied.
     */
    public record Constraint(boolean same, long[] left, long[] right) {}

    /**
     * Cluster ids for records 1..{@code maxRecordId}: the smallest record id of each cluster;
     * index 0 is unused. Pairs of equal probability are taken in record id order.
     */
    public long[] clusters(int maxRecordId, List<Link> links) {
        List<Link> sorted = new ArrayList<>(links);
        sorted.sort(Comparator.comparingDouble(Link::probability)
                .reversed()
                .thenComparingLong(Link::left)
                .thenComparingLong(Link::right));
        Components components = new Components(maxRecordId);
        for (Link link : sorted) {
            components.offer((int) link.left(), (int) link.right(), link.probability());
        }
        components.finish();
        long[] cluster = new long[maxRecordId + 1];
        for (int i = 1; i <= maxRecordId; i++) {
            cluster[i] = components.clusterOf(i);
        }
        return cluster;
    }

    /**
     * The union-find over records 1..n that pairs are offered to strongest first. It holds two ints
     * per record and the weak pairs it defers (those between two groups of several records), never
     * the matched pairs themselves: 22 M records take 176 MB of heap however many pairs match.
     */
    final class Components {
        /** a record's parent; after {@link #finish()}, its root, or at a root minus one minus its smallest record */
        private final int[] parent;
        /** the group's size at a root */
        private final int[] size;
        /**
         * each different-persons decision d tags its left records 2d and its right records 2d + 1; a
         * group may not hold both tags of one decision
         */
        private final Map<Integer, Set<Integer>> tags = new HashMap<>();

        private int[] deferredLeft = new int[1024];
        private int[] deferredRight = new int[1024];
        private int deferred;
        private double lastProbability = Double.POSITIVE_INFINITY;
        private boolean finished;
        private int clusters;

        Components(int maxRecordId) {
            parent = new int[maxRecordId + 1];
            size = new int[maxRecordId + 1];
            for (int i = 0; i <= maxRecordId; i++) {
                parent[i] = i;
                size[i] = 1;
            }
            for (int d = 0; d < constraints.size(); d++) {
                Constraint constraint = constraints.get(d);
                if (!constraint.same()) {
                    for (long record : constraint.left()) {
                        tags.computeIfAbsent((int) record, r -> new HashSet<>()).add(2 * d);
                    }
                    for (long record : constraint.right()) {
                        tags.computeIfAbsent((int) record, r -> new HashSet<>()).add(2 * d + 1);
                    }
                }
            }
            for (Constraint constraint : constraints) {
                if (constraint.same()) {
                    joinDecided(constraint);
                }
            }
        }

        private void joinDecided(Constraint constraint) {
            Set<Integer> roots = new LinkedHashSet<>();
            for (long[] side : List.of(constraint.left(), constraint.right())) {
                for (long record : side) {
                    roots.add(find((int) record));
                }
            }
            Set<Integer> joined = new HashSet<>();
            boolean allowed = true;
            for (int root : roots) {
                for (int tag : tags.getOrDefault(root, Set.of())) {
                    allowed &= !joined.contains(tag ^ 1);
                }
                joined.addAll(tags.getOrDefault(root, Set.of()));
            }
            if (allowed && !roots.isEmpty()) {
                int first = roots.iterator().next();
                for (int root : roots) {
                    union(find(first), find(root));
                }
            }
        }

        /**
         * Takes a matched pair; pairs must come strongest first. It joins a lone record to a group,
         * or two groups when strong; a weak pair between two groups waits for {@link #finish()}.
         */
        void offer(int left, int right, double probability) {
            if (finished) {
                throw new IllegalStateException("the clusters are already made");
            }
            if (probability > lastProbability) {
                throw new IllegalArgumentException("matched pairs must come strongest first");
            }
            lastProbability = probability;
            int a = find(left);
            int b = find(right);
            if (a == b || !allowed(a, b)) {
                return;
            }
            if (size[a] == 1 || size[b] == 1 || probability >= strongLink) {
                union(a, b);
            } else {
                if (deferred == deferredLeft.length) {
                    deferredLeft = Arrays.copyOf(deferredLeft, deferred * 2);
                    deferredRight = Arrays.copyOf(deferredRight, deferred * 2);
                }
                deferredLeft[deferred] = left;
                deferredRight[deferred] = right;
                deferred++;
            }
        }

        /**
         * Joins two groups that at least two deferred weak pairs join, until no more join; then
         * labels each group with its smallest record id.
         */
        void finish() {
            if (finished) {
                return;
            }
            boolean joined = true;
            while (joined && deferred > 0) {
                joined = false;
                Map<Long, Integer> linksBetween = new HashMap<>();
                for (int i = 0; i < deferred; i++) {
                    int a = find(deferredLeft[i]);
                    int b = find(deferredRight[i]);
                    if (a != b && allowed(a, b)) {
                        linksBetween.merge(groupPair(a, b), 1, Integer::sum);
                    }
                }
                int still = 0;
                for (int i = 0; i < deferred; i++) {
                    int a = find(deferredLeft[i]);
                    int b = find(deferredRight[i]);
                    if (a == b || !allowed(a, b)) {
                        continue;
                    }
                    if (linksBetween.getOrDefault(groupPair(a, b), 0) >= 2) {
                        union(a, b);
                        joined = true;
                    } else {
                        deferredLeft[still] = deferredLeft[i];
                        deferredRight[still] = deferredRight[i];
                        still++;
                    }
                }
                deferred = still;
            }
            deferredLeft = null;
            deferredRight = null;
            // every record points at its root; then each root, reached first from its smallest
            // record (ascending order), holds minus one minus that record
            for (int i = 1; i < parent.length; i++) {
                parent[i] = find(i);
            }
            for (int i = 1; i < parent.length; i++) {
                int root = parent[i];
                if (root >= 0 && parent[root] >= 0) {
                    parent[root] = -i - 1;
                    clusters++;
                }
            }
            finished = true;
        }

        /** The cluster of a record after {@link #finish()}: the smallest record id in it. */
        int clusterOf(int record) {
            int root = parent[record];
            return root < 0 ? -root - 1 : -parent[root] - 1;
        }

        /** The number of records in the cluster of a record, after {@link #finish()}. */
        int sizeOf(int record) {
            int root = parent[record];
            return size[root < 0 ? record : root];
        }

        /** The number of clusters, after {@link #finish()}. */
        int clusters() {
            return clusters;
        }

        private int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        /** Whether groups a and b may be one person: no decision has one side in each. */
        private boolean allowed(int a, int b) {
            Set<Integer> first = tags.get(a);
            Set<Integer> second = tags.get(b);
            if (first == null || second == null) {
                return true;
            }
            Set<Integer> smaller = first.size() <= second.size() ? first : second;
            Set<Integer> larger = smaller == first ? second : first;
            for (int tag : smaller) {
                if (larger.contains(tag ^ 1)) {
                    return false;
                }
            }
            return true;
        }

        private void union(int a, int b) {
            if (a == b) {
                return;
            }
            if (size[a] < size[b]) {
                int swap = a;
                a = b;
                b = swap;
            }
            parent[b] = a;
            size[a] += size[b];
            Set<Integer> moved = tags.remove(b);
            if (moved != null) {
                tags.computeIfAbsent(a, r -> new HashSet<>()).addAll(moved);
            }
        }
    }

    /**
     * Clusters the matched pairs of {@value LinkageEngine#SCORED_PAIR} into table {@value
     * LinkageEngine#PERSON_CLUSTER} (record_id, source_id, unique_id, cluster_id, cluster_size);
     * returns the number of clusters. The pairs stream from DuckDB in order, strongest first, and
     * the cluster ids go back as Arrow batches: the heap holds the union-find and nothing per pair.
     */
    long cluster(DuckDBConnection connection, String uniqueIdColumn) throws SQLException {
        int maxRecordId = (int)
                LinkageEngine.single(connection, "SELECT coalesce(max(record_id), 0) FROM " + LinkageRecords.TABLE);
        // records marked attach_only (optional column) may match a person but never join records
        // into one: their pairs stay out of the clusters, and each stays a cluster of its own
        boolean attachOnly = LinkageEngine.single(
                        connection,
                        "SELECT count(*) FROM duckdb_columns() WHERE table_name = '" + LinkageRecords.TABLE
                                + "' AND column_name = 'attach_only'")
                > 0;
        String matched = "SELECT record_id_l, record_id_r, match_probability FROM " + LinkageEngine.SCORED_PAIR
                + " WHERE band = 'match'"
                // one equality per side: two hash anti-joins (an IN over both columns was planned as a
                // nested loop, 5.7 s of a Cirebon month's link step)
                + (attachOnly
                        ? " AND record_id_l NOT IN (SELECT record_id FROM " + LinkageRecords.TABLE
                                + " WHERE attach_only) AND record_id_r NOT IN (SELECT record_id FROM "
                                + LinkageRecords.TABLE + " WHERE attach_only)"
                        : "")
                + " ORDER BY match_probability DESC, record_id_l, record_id_r";
        long started = System.nanoTime();
        Components components = new Components(maxRecordId);
        long pairs = 0;
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(matched)) {
            while (result.next()) {
                components.offer(result.getInt(1), result.getInt(2), result.getDouble(3));
                pairs++;
            }
        }
        components.finish();
        log.debug(
                "Clustered {} records through {} matched pairs in {} ms",
                maxRecordId,
                pairs,
                (System.nanoTime() - started) / 1_000_000);
        started = System.nanoTime();
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("record_id", (IntToLongFunction) row -> row + 1L);
        columns.put("cluster_id", (IntToLongFunction) row -> components.clusterOf(row + 1));
        // cluster sizes from the union-find: a grouping over the records and two joins ran out of
        // DuckDB's 1.5 GB on Jawa Barat's 22 M records
        columns.put("cluster_size", (IntToLongFunction) row -> components.sizeOf(row + 1));
        try (BufferAllocator allocator = new RootAllocator();
                ArrowArrayStream stream = DuckDb.registerArrow(
                        connection,
                        "linkage_cluster_assignment",
                        new ColumnBatchReader(allocator, columns, maxRecordId),
                        allocator)) {
            execute(
                    connection,
                    "CREATE TABLE " + LinkageEngine.PERSON_CLUSTER + " AS SELECT r.record_id, r.source_id,"
                            + " r." + LinkageEngine.quoted(uniqueIdColumn) + " AS unique_id, a.cluster_id,"
                            + " a.cluster_size FROM " + LinkageRecords.TABLE + " r JOIN linkage_cluster_assignment a"
                            + " USING (record_id)");
        }
        log.debug("Wrote the clusters in {} ms", (System.nanoTime() - started) / 1_000_000);
        return components.clusters();
    }

    private static long groupPair(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }
}
