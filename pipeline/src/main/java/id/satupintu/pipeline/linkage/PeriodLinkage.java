package id.satupintu.pipeline.linkage;

import static id.satupintu.pipeline.duckdb.DuckDb.execute;
import static id.satupintu.pipeline.duckdb.DuckDb.literal;
import static java.util.Objects.requireNonNull;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.lake.LakeFiles;
import id.satupintu.schemas.contract.LakeContracts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The link step of a monthly refresh: every staged roster row of a period, across programs, is
 * linked into persons ({@link LinkageEngine} with the built-in spec {@value #SPEC_RESOURCE}), and
 * each person gets an id that stays from month to month.
 *
 * <p>Writes under {@code lake/linked/period=YYYY-MM/}: {@code person_link.parquet} (each staged row
 * and its person, {@link LakeContracts#PERSON_LINK}), {@code link_event.parquet} (merges, splits and
 * NIK ganda, {@link LakeContracts#LINK_EVENT}) and {@code review_pair.parquet} (pairs for a person
 * to decide: the review band and the conflicts). Running it again on the same lake writes the same
 * files.
 *
 * <p>Stable ids: a person takes the id its rows had in the latest earlier linked period, by vote
 * of its rows (a row votes with its NIK key and program, or its NIK key alone); when two persons of
 * the period claim one id, the one with more votes keeps it and the other is a split with a new id;
 * a person whose rows carried several earlier ids keeps the strongest and records the others as
 * merged into it. A new person's id is derived from the period and its first row, so it is the same
 * on every rerun.
 *
 * <p>Reviewers' decisions in {@code config/link-overrides.csv} ({@link LinkOverrides}) are applied
 * to every link: same-person decisions join their rows, different-persons decisions keep their
 * sides apart even against an exact NIK; decided pairs leave the review queue and each decision
 * applied is an {@code OVERRIDE_SAME} or {@code OVERRIDE_DIFFERENT} link event with its reference.
 */
public final class PeriodLinkage {
    static final String SPEC_RESOURCE = "/id/satupintu/pipeline/linkage/period-linkage.yml";

    private static final Logger log = LoggerFactory.getLogger(PeriodLinkage.class);

    /** DuckDB's memory for one period's link; it spills to {@code lake/linked/.spill} beyond. */
    static final String MEMORY_LIMIT = "1536MB";

    /**
     * Staged rows up to which a period is linked in an in-memory database; a larger period is linked
     * in a scratch database file under {@code lake/linked/.spill}. In memory, Jawa Barat's 22 M rows
     * spilled 11 GB of table pages and its joins of every record could not pin their blocks at
     * 1.5 GB; in a file, the tables are compressed and their pages dropped rather than spilled. The
     * file costs the Cirebon month's 1.3 M rows 2.3 s (12.5 s against 14.7 s). The link's working
     * tables are plain tables, not temporary ones, for that reason: a temporary table stays in
     * memory (and spills) even when the database is a file.
     */
    static final long IN_MEMORY_ROWS = 4_000_000;

    private final DataDirectory data;
    private final LinkageSpec spec;
    private final int threads;
    private final long inMemoryRows;

    public PeriodLinkage(DataDirectory data, int threads) {
        this(data, defaultSpec(), threads);
    }

    PeriodLinkage(DataDirectory data, LinkageSpec spec, int threads) {
        this(data, spec, threads, IN_MEMORY_ROWS);
    }

    PeriodLinkage(DataDirectory data, LinkageSpec spec, int threads, long inMemoryRows) {
        this.data = requireNonNull(data, "data is null");
        this.spec = requireNonNull(spec, "spec is null");
        this.threads = threads;
        this.inMemoryRows = inMemoryRows;
    }

    /** What one period's link found. */
    public record Result(
            YearMonth period,
            long rows,
            long candidatePairs,
            long persons,
            long inherited,
            long merges,
            long splits,
            long nikGanda,
            long reviewPairs,
            long overridesApplied,
            long rejectedMatched,
            double seconds) {}

    /**
     * The columns the period spec compares, made from staged-row columns ({@code prefix} is a table
     * alias with its dot, or empty): NIK, name, birth date, desa, KK, RT/RW and street.
     */
    public static String specColumns(String prefix) {
        return prefix + "nik, " + prefix + "nama_normalized AS nama, strftime(" + prefix
                + "birth_date, '%Y-%m-%d') AS tanggal_lahir, " + prefix + "kode_desa, " + prefix + "no_kk, CASE WHEN "
                + prefix + "rt IS NOT NULL AND " + prefix + "rw IS NOT NULL THEN " + prefix + "rt || '/' || " + prefix
                + "rw END AS rt_rw, upper(" + prefix + "alamat) AS alamat";
    }

    public static LinkageSpec defaultSpec() {
        try (InputStream stream = PeriodLinkage.class.getResourceAsStream(SPEC_RESOURCE)) {
            return LinkageSpecFile.parse(new String(
                    requireNonNull(stream, SPEC_RESOURCE + " missing").readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Result link(YearMonth period) throws SQLException {
        long started = System.nanoTime();
        Path staged = data.staged().resolve("period=" + period);
        Path out = data.linkedPartition(period);
        Path spill = spillFolder();
        try {
            // DuckDB creates its spill folder only when it first spills, and not its parents: the
            // first link of a data directory has no lake/linked yet
            Files.createDirectories(spill);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + spill, e);
        }
        Path scratch = scratchFile(period, LakeFiles.hasParquet(staged, "*.parquet") ? stagedRows(staged) : 0);
        try (DuckDBConnection connection =
                scratch == null ? DuckDb.inMemory(threads) : DuckDb.scratchFile(scratch, threads)) {
            // bounded memory whatever the period's size: DuckDB spills beyond it
            execute(connection, "SET memory_limit = " + literal(DuckDb.memoryLimit("link", MEMORY_LIMIT)));
            execute(connection, "SET temp_directory = " + literal(spill));
            execute(connection, "SET preserve_insertion_order = true");
            loadRejectedHints(connection, period);
            if (!LakeFiles.hasParquet(staged, "*.parquet")) {
                execute(
                        connection,
                        "CREATE TABLE " + LinkageRecords.TABLE + " (record_id BIGINT, source_id INTEGER,"
                                + " row_ref VARCHAR, program_code VARCHAR, source_file VARCHAR, source_row BIGINT,"
                                + " person_key VARCHAR, nik VARCHAR, nama VARCHAR, tanggal_lahir VARCHAR, kode_desa VARCHAR,"
                                + " no_kk VARCHAR, rt_rw VARCHAR, alamat VARCHAR, attach_only BOOLEAN)");
            } else {
                loadRecords(connection, staged);
            }
            long rows = LinkageEngine.single(
                    connection, "SELECT count(*) FROM " + LinkageRecords.TABLE + " WHERE NOT attach_only");
            long records = LinkageEngine.single(connection, "SELECT count(*) FROM " + LinkageRecords.TABLE);
            log.debug("Read {} staged rows of {} in {} s", rows, period, (System.nanoTime() - started) / 1e9);
            List<LinkOverrides.Decision> decisions = LinkOverrides.read(data.linkOverrides());
            List<PersonClustering.Constraint> constraints = resolveOverrides(connection, period, decisions);
            long candidatePairs = 0;
            if (records > 1) {
                candidatePairs =
                        new LinkageEngine(spec, constraints).run(connection).candidatePairs();
            } else {
                execute(
                        connection,
                        "CREATE TABLE " + LinkageEngine.PERSON_CLUSTER + " AS SELECT record_id, record_id AS"
                                + " cluster_id FROM " + LinkageRecords.TABLE);
                execute(
                        connection,
                        "CREATE TABLE " + LinkageEngine.SCORED_PAIR + " (record_id_l BIGINT, record_id_r BIGINT,"
                                + " match_probability DOUBLE, band VARCHAR)");
            }
            Optional<Path> previous = previousLink(period);
            assignIds(connection, period, previous);
            recordOverrides(connection);

            String periodText = literal(period.toString());
            LakeFiles.copyAtomically(
                    connection,
                    "SELECT " + periodText + " AS period, program_code, source_file, source_row, person_key, person_id"
                            + " FROM member ORDER BY source_file, source_row",
                    LakeContracts.PERSON_LINK,
                    out.resolve("person_link.parquet"));
            LakeFiles.copyAtomically(
                    connection,
                    "SELECT " + periodText + " AS period, event, person_id, other_person_id, rows, reference FROM"
                            + " link_event ORDER BY event, person_id, other_person_id, reference",
                    LakeContracts.LINK_EVENT,
                    out.resolve("link_event.parquet"));
            LakeFiles.copyAtomically(
                    connection,
                    "SELECT " + periodText + " AS period, l.program_code AS program_code_l, l.source_file AS"
                            + " source_file_l, l.source_row AS source_row_l, l.person_key AS person_key_l, l.person_id"
                            + " AS person_id_l, r.program_code AS program_code_r, r.source_file AS source_file_r,"
                            + " r.source_row AS source_row_r, r.person_key AS person_key_r, r.person_id AS"
                            // probabilities to 6 decimals: the weights' last bits vary with DuckDB's
                            // parallel sums, and a rerun must write the same files
                            + " person_id_r, round(p.match_probability, 6) AS match_probability, p.band FROM "
                            + LinkageEngine.SCORED_PAIR + " p JOIN member l ON l.record_id = p.record_id_l"
                            + " JOIN member r ON r.record_id = p.record_id_r WHERE p.band IN ('review', 'conflict')"
                            + " AND l.person_id <> r.person_id"
                            // a pair a reviewer has decided leaves the queue
                            + " AND NOT EXISTS (SELECT 1 FROM decided_side a JOIN decided_side b ON"
                            + " b.decision_no = a.decision_no AND b.side <> a.side WHERE a.record_id = p.record_id_l"
                            + " AND b.record_id = p.record_id_r)"
                            + " ORDER BY source_file_l, source_row_l, source_file_r, source_row_r",
                    LakeContracts.REVIEW_PAIR,
                    out.resolve("review_pair.parquet"));
            // each row rejected for its NIK: the person of its best matched or uncertain pair
            execute(
                    connection,
                    "CREATE TABLE rejected_link AS SELECT program_code, source_file, source_row, person_id,"
                            + " match_probability, band FROM (SELECT a.program_code, a.source_file, a.source_row,"
                            + " m.person_id, s.match_probability, s.band, row_number() OVER (PARTITION BY a.record_id"
                            + " ORDER BY s.match_probability DESC, m.person_id) AS choice FROM (SELECT record_id_l AS"
                            + " attached, record_id_r AS other, round(match_probability, 6) AS match_probability, band"
                            + " FROM "
                            + LinkageEngine.SCORED_PAIR + " UNION ALL SELECT record_id_r, record_id_l,"
                            + " round(match_probability, 6), band FROM " + LinkageEngine.SCORED_PAIR + ") s JOIN "
                            + LinkageRecords.TABLE + " a ON a.record_id = s.attached AND a.attach_only JOIN member m"
                            + " ON m.record_id = s.other WHERE s.band IN ('match', 'review')) WHERE choice = 1");
            attachByRecordId(connection, period, previous);
            LakeFiles.copyAtomically(
                    connection,
                    "SELECT " + periodText + " AS period, program_code, source_file, source_row, person_id,"
                            + " match_probability, band, basis FROM rejected_link ORDER BY source_file, source_row",
                    LakeContracts.REJECTED_LINK,
                    out.resolve("rejected_link.parquet"));
            Result result = new Result(
                    period,
                    rows,
                    candidatePairs,
                    LinkageEngine.single(connection, "SELECT count(DISTINCT person_id) FROM member"),
                    LinkageEngine.single(connection, "SELECT count(*) FROM person WHERE inherited"),
                    LinkageEngine.single(connection, "SELECT count(*) FROM link_event WHERE event = 'MERGE'"),
                    LinkageEngine.single(connection, "SELECT count(*) FROM link_event WHERE event = 'SPLIT'"),
                    LinkageEngine.single(connection, "SELECT count(*) FROM link_event WHERE event = 'NIK_GANDA'"),
                    LinkageEngine.single(
                            connection,
                            "SELECT count(*) FROM read_parquet(" + literal(out.resolve("review_pair.parquet")) + ")"),
                    LinkageEngine.single(connection, "SELECT count(*) FROM override_applied"),
                    LinkageEngine.single(connection, "SELECT count(*) FROM rejected_link WHERE band = 'match'"),
                    (System.nanoTime() - started) / 1e9);
            log.info(
                    "Linked {} rows of {} into {} persons ({} kept their id): {} merges, {} splits, {} NIK ganda,"
                            + " {} pairs to review; {} of {} review decisions applied; {} rows rejected for their"
                            + " NIK matched to a person",
                    result.rows(),
                    period,
                    result.persons(),
                    result.inherited(),
                    result.merges(),
                    result.splits(),
                    result.nikGanda(),
                    result.reviewPairs(),
                    result.overridesApplied(),
                    decisions.size(),
                    result.rejectedMatched());
            long unresolved = LinkageEngine.single(
                    connection,
                    "SELECT count(*) FROM override_decision WHERE decision_no NOT IN (SELECT decision_no FROM"
                            + " override_applied) AND decision_no IN (SELECT decision_no FROM override_usable)");
            if (unresolved > 0) {
                log.warn(
                        "{} same-person decisions of {} were not applied: they would join sides that a"
                                + " different-persons decision keeps apart",
                        unresolved,
                        data.linkOverrides());
            }
            return result;
        } finally {
            if (scratch != null) {
                DuckDb.deleteDatabase(scratch);
            }
        }
    }

    /** The scratch database file a period of so many staged rows is linked in; null: in memory. */
    Path scratchFile(YearMonth period, long stagedRows) {
        return stagedRows > inMemoryRows ? spillFolder().resolve("link-" + period + ".duckdb") : null;
    }

    /** Where the link spills and keeps its scratch database file. */
    private Path spillFolder() {
        return data.linked().resolve(".spill");
    }

    /** The period's staged rows, from the Parquet footers. */
    private static long stagedRows(Path staged) throws SQLException {
        try (DuckDBConnection connection = DuckDb.inMemory(1)) {
            return LinkageEngine.single(
                    connection,
                    "SELECT count(*) FROM read_parquet("
                            + literal(staged.resolve("**").resolve("*.parquet"))
                            + ", hive_partitioning = false, union_by_name = true)");
        }
    }

    /**
     * Completes {@code rejected_link} (rows rejected for their NIK, attached by the model) with the
     * source's own row id: a rejected row whose IDARTBDT, NOKA_JKN or IDPEL carried one person's
     * staged row of the same program in the latest earlier linked month belongs to that person, when
     * the person is in this month (basis RECORD_ID). It wins over an uncertain model pair and yields
     * to a model match; each row's basis is set.
     */
    private void attachByRecordId(DuckDBConnection connection, YearMonth period, Optional<Path> previous)
            throws SQLException {
        execute(connection, "ALTER TABLE rejected_link ADD COLUMN basis VARCHAR DEFAULT 'MODEL'");
        if (previous.isEmpty()) {
            return;
        }
        Path previousStaged = data.staged().resolve(previous.get().getParent().getFileName());
        if (!LakeFiles.hasParquet(previousStaged, "*.parquet")
                || LinkageEngine.single(connection, "SELECT count(*) FROM rejected_hint") == 0) {
            return;
        }
        execute(
                connection,
                "CREATE TABLE rejected_by_record_id AS SELECT r.program_code, r.source_file, r.source_row,"
                        + " p.person_id FROM rejected_hint r JOIN (SELECT s.program_code, s.source_record_id,"
                        + " any_value(l.person_id) AS person_id FROM read_parquet("
                        + literal(previousStaged.resolve("**").resolve("*.parquet"))
                        + ", hive_partitioning = false, union_by_name = true) s JOIN read_parquet("
                        + literal(previous.get()) + ") l USING (source_file, source_row) WHERE s.source_record_id IS"
                        + " NOT NULL GROUP BY ALL HAVING count(DISTINCT l.person_id) = 1) p USING (program_code,"
                        + " source_record_id) WHERE p.person_id IN (SELECT person_id FROM member)");
        execute(
                connection,
                "DELETE FROM rejected_link l USING rejected_by_record_id r WHERE l.band = 'review' AND l.source_file ="
                        + " r.source_file AND l.source_row = r.source_row");
        execute(
                connection,
                "INSERT INTO rejected_link SELECT r.program_code, r.source_file, r.source_row, r.person_id, 1.0,"
                        + " 'match', 'RECORD_ID' FROM rejected_by_record_id r WHERE NOT EXISTS (SELECT 1 FROM"
                        + " rejected_link l WHERE l.source_file = r.source_file AND l.source_row = r.source_row)");
    }

    /**
     * The period's roster rows rejected for their NIK that still name a person in a known desa (the
     * identity hints ingest keeps), read once into {@code rejected_hint}; empty without rejected files.
     * Read under the rejected-row contract, so files written before a hint column existed read it as
     * null.
     */
    private void loadRejectedHints(DuckDBConnection connection, YearMonth period) throws SQLException {
        Path rejected = data.rejected().resolve("period=" + period);
        execute(connection, "CREATE TABLE rejected_contract (" + LakeContracts.REJECTED_ROW.duckDbColumns() + ")");
        execute(
                connection,
                "CREATE TABLE rejected_hint AS SELECT program_code, source_file, source_row, nama_normalized,"
                        + " birth_date, kode_desa, no_kk, rt, rw, alamat, source_record_id FROM (SELECT * FROM"
                        + " rejected_contract"
                        + (LakeFiles.hasParquet(rejected, "*.parquet")
                                ? " UNION ALL BY NAME SELECT * FROM read_parquet("
                                        + literal(rejected.resolve("**").resolve("*.parquet"))
                                        + ", hive_partitioning = false, union_by_name = true)"
                                : "")
                        + ") WHERE nama_normalized IS NOT NULL AND kode_desa IS NOT NULL");
    }

    /**
     * Table {@value LinkageRecords#TABLE}: the period's staged rows, then its rows rejected for their
     * NIK that still name a person in a known desa (identity hints), which only attach to a person.
     * Record ids run 1, 2, … in (attach_only, file, row) order, numbered one source file at a time:
     * a sort of the whole month's rows ran out of DuckDB's 1.5 GB as it began on Jawa Barat's 22 M
     * rows (in one run of three at 2 threads, every run at 1), and a window over the month before it.
     */
    private static void loadRecords(DuckDBConnection connection, Path staged) throws SQLException {
        String columns = "0 AS source_id, source_file || ':' || source_row AS row_ref, program_code, source_file,"
                + " source_row, person_key, " + specColumns("");
        String stagedRows = "read_parquet(" + literal(staged.resolve("**").resolve("*.parquet"))
                + ", hive_partitioning = false, union_by_name = true, filename = true)";
        execute(
                connection,
                "CREATE TABLE " + LinkageRecords.TABLE + " AS SELECT 0::BIGINT AS record_id, " + columns
                        + ", false AS attach_only FROM " + stagedRows + " LIMIT 0");
        // each source file's rows, with the Parquet files holding them (one, as ingest writes them)
        Map<String, List<String>> files = new TreeMap<>();
        Map<String, Long> counts = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT source_file, filename, count(*) FROM " + stagedRows + " GROUP BY ALL")) {
            while (result.next()) {
                files.computeIfAbsent(result.getString(1), file -> new ArrayList<>())
                        .add(result.getString(2));
                counts.merge(result.getString(1), result.getLong(3), Long::sum);
            }
        }
        long offset = 0;
        for (Map.Entry<String, List<String>> file : files.entrySet()) {
            execute(
                    connection,
                    "INSERT INTO " + LinkageRecords.TABLE + " SELECT " + offset
                            + " + row_number() OVER (ORDER BY source_row) AS record_id, " + columns
                            + ", false AS attach_only FROM read_parquet(["
                            + String.join(
                                    ", ",
                                    file.getValue().stream()
                                            .map(DuckDb::literal)
                                            .toList())
                            + "], union_by_name = true) WHERE source_file = " + literal(file.getKey()));
            offset += counts.get(file.getKey());
        }
        // the identity hints have no NIK and no person key
        execute(
                connection,
                "INSERT INTO " + LinkageRecords.TABLE + " SELECT " + offset
                        + " + row_number() OVER (ORDER BY source_file, source_row) AS record_id, " + columns
                        + ", true AS attach_only FROM (SELECT *, NULL::VARCHAR AS person_key, NULL::VARCHAR AS nik"
                        + " FROM rejected_hint)");
    }

    /** The latest linked period before this one, if any. */
    private Optional<Path> previousLink(YearMonth period) {
        Path linked = data.linked();
        if (!Files.isDirectory(linked)) {
            return Optional.empty();
        }
        try (Stream<Path> folders = Files.list(linked)) {
            return folders.filter(folder -> folder.getFileName().toString().startsWith("period="))
                    .filter(folder -> {
                        String text = folder.getFileName().toString().substring("period=".length());
                        return text.compareTo(period.toString()) < 0;
                    })
                    .map(folder -> folder.resolve("person_link.parquet"))
                    .filter(Files::isRegularFile)
                    .max(Path::compareTo);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + linked, e);
        }
    }

    private static void assignIds(DuckDBConnection connection, YearMonth period, Optional<Path> previous)
            throws SQLException {
        execute(
                connection,
                "CREATE TABLE cluster_member AS SELECT r.record_id, c.cluster_id, r.program_code, r.source_file,"
                        + " r.source_row, r.person_key FROM " + LinkageRecords.TABLE + " r JOIN "
                        + LinkageEngine.PERSON_CLUSTER + " c USING (record_id) WHERE NOT r.attach_only");
        if (previous.isPresent()) {
            String earlier = "read_parquet(" + literal(previous.get()) + ")";
            execute(
                    connection,
                    "CREATE TABLE previous_by_program AS SELECT person_key, program_code, min(person_id) AS"
                            + " person_id FROM " + earlier + " GROUP BY ALL");
            execute(
                    connection,
                    "CREATE TABLE previous_by_key AS SELECT DISTINCT person_key, person_id FROM " + earlier);
        } else {
            execute(
                    connection,
                    "CREATE TABLE previous_by_program (person_key VARCHAR, program_code VARCHAR, person_id"
                            + " VARCHAR)");
            execute(connection, "CREATE TABLE previous_by_key (person_key VARCHAR, person_id VARCHAR)");
        }
        // each row votes for the id its NIK key had in the same program, else for every id of its key
        execute(
                connection,
                "CREATE TABLE vote AS SELECT m.cluster_id, coalesce(p.person_id, k.person_id) AS person_id,"
                        + " count(*) AS votes FROM cluster_member m LEFT JOIN previous_by_program p ON"
                        + " p.person_key = m.person_key AND p.program_code = m.program_code LEFT JOIN previous_by_key k"
                        + " ON p.person_id IS NULL AND k.person_key = m.person_key"
                        + " WHERE coalesce(p.person_id, k.person_id) IS NOT NULL GROUP BY ALL");
        execute(
                connection,
                "CREATE TABLE claim AS SELECT cluster_id, person_id, votes FROM (SELECT *, row_number() OVER"
                        + " (PARTITION BY cluster_id ORDER BY votes DESC, person_id) AS choice FROM vote) WHERE"
                        + " choice = 1");
        execute(
                connection,
                "CREATE TABLE winner AS SELECT cluster_id, person_id FROM (SELECT *, row_number() OVER"
                        + " (PARTITION BY person_id ORDER BY votes DESC, cluster_id) AS rank FROM claim) WHERE rank = 1");
        // a new person's id from its first row in (file, row) order: the smallest record id, found by
        // an integer grouping (the least 'file:row' text per person held a string per group and ran
        // out of DuckDB's 1.5 GB over Jawa Barat's 16 M persons)
        execute(
                connection,
                "CREATE TABLE person AS WITH first_row AS (SELECT cluster_id, min(record_id) AS record_id,"
                        + " count(*) AS rows FROM cluster_member GROUP BY cluster_id) SELECT f.cluster_id,"
                        + " coalesce(w.person_id, 'P' || left(sha256(" + literal(period.toString())
                        + " || ':' || m.source_file || ':' || m.source_row), 19)) AS person_id,"
                        + " w.person_id IS NOT NULL AS inherited, f.rows FROM first_row f JOIN cluster_member m"
                        + " USING (record_id) LEFT JOIN winner w ON w.cluster_id = f.cluster_id");
        execute(
                connection,
                "CREATE TABLE member AS SELECT m.*, p.person_id FROM cluster_member m JOIN person p USING"
                        + " (cluster_id)");
        execute(
                connection,
                "CREATE TABLE link_event AS"
                        // a person whose rows carried other earlier ids that no person of the period kept
                        + " SELECT 'MERGE' AS event, p.person_id, v.person_id AS other_person_id, v.votes AS rows,"
                        + " CAST(NULL AS VARCHAR) AS reference FROM vote v JOIN person p USING (cluster_id)"
                        + " WHERE v.person_id <> p.person_id AND v.person_id NOT IN (SELECT person_id FROM winner)"
                        // a person that claimed an earlier id another person of the period kept
                        + " UNION ALL SELECT 'SPLIT', c.person_id, p.person_id, p.rows, NULL FROM claim c JOIN person p"
                        + " USING (cluster_id) WHERE NOT p.inherited"
                        // one valid NIK on rows of persons that share nothing else
                        + " UNION ALL SELECT 'NIK_GANDA', least(l.person_id, r.person_id), greatest(l.person_id,"
                        + " r.person_id), count(*), NULL FROM " + LinkageEngine.SCORED_PAIR + " s JOIN member l ON"
                        + " l.record_id = s.record_id_l JOIN member r ON r.record_id = s.record_id_r WHERE"
                        + " s.band = 'conflict' AND l.person_id <> r.person_id GROUP BY ALL");
    }

    /**
     * Finds the rows of this period each decision's sides stand for, into {@code override_side}
     * (decision_no, side L or R, record_id), and returns the decisions with rows on both sides as
     * clustering constraints. A row side is the rows of its program carrying its NIK key; a person
     * side is the rows whose program and NIK key carried that person id in any linked month up to
     * this one (this month's earlier link included). A row on both sides of a different-persons
     * decision is left out of it; a same-person decision joins all its rows, so an id already merged
     * into the other still holds them together. Rows of one program that share a NIK key in the
     * month, or that shared it with another person's row in the month of the person id, belong to no
     * side: nothing without a name tells them apart.
     */
    private List<PersonClustering.Constraint> resolveOverrides(
            DuckDBConnection connection, YearMonth period, List<LinkOverrides.Decision> decisions) throws SQLException {
        execute(
                connection,
                "CREATE TABLE override_decision (decision_no INTEGER, kind VARCHAR, reference VARCHAR, side"
                        + " VARCHAR, person_id VARCHAR, program_code VARCHAR, person_key VARCHAR)");
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO override_decision VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int d = 0; d < decisions.size(); d++) {
                LinkOverrides.Decision decision = decisions.get(d);
                for (String side : List.of("L", "R")) {
                    LinkOverrides.Side value = side.equals("L") ? decision.left() : decision.right();
                    insert.setInt(1, d);
                    insert.setString(2, decision.kind().name());
                    insert.setString(3, decision.reference());
                    insert.setString(4, side);
                    insert.setString(5, value.personId());
                    insert.setString(6, value.programCode());
                    insert.setString(7, value.personKey());
                    insert.addBatch();
                }
            }
            if (!decisions.isEmpty()) {
                insert.executeBatch();
            }
        }
        boolean personSides = decisions.stream()
                .anyMatch(d -> d.left().isPerson() || d.right().isPerson());
        if (personSides && Files.isDirectory(data.linked()) && hasLinks(data.linked())) {
            execute(
                    connection,
                    // a program and NIK key on rows of two persons in a month (a NIK ganda within one
                    // program) does not say which row was which person: it stands for neither
                    "CREATE TABLE person_history AS SELECT DISTINCT person_id, program_code, person_key FROM"
                            + " (SELECT *, min(person_id) OVER (PARTITION BY period, program_code, person_key) AS"
                            + " first_id, max(person_id) OVER (PARTITION BY period, program_code, person_key) AS"
                            + " last_id FROM read_parquet("
                            + literal(data.linked().resolve("period=*").resolve("person_link.parquet"))
                            + ", hive_partitioning = false) WHERE period <= " + literal(period.toString())
                            + ") WHERE first_id = last_id AND person_id IN (SELECT person_id FROM override_decision)");
        } else {
            execute(
                    connection,
                    "CREATE TABLE person_history (person_id VARCHAR, program_code VARCHAR, person_key VARCHAR)");
        }
        // rows of one program carrying one NIK key this month cannot be told apart: no side takes them
        // (only the rows of the keys the decisions name are looked at: none in a month without decisions)
        execute(
                connection,
                "CREATE TABLE override_row AS WITH decided_key AS (SELECT program_code, person_key FROM"
                        + " override_decision UNION SELECT program_code, person_key FROM person_history),"
                        + " decided_row AS (SELECT r.* FROM " + LinkageRecords.TABLE + " r SEMI JOIN decided_key"
                        + " USING (program_code, person_key))"
                        + " SELECT * FROM decided_row ANTI JOIN (SELECT program_code, person_key FROM decided_row"
                        + " GROUP BY ALL HAVING count(*) > 1) USING (program_code, person_key)");
        execute(
                connection,
                "CREATE TABLE override_side AS SELECT decision_no, side, record_id FROM (SELECT *, min(side)"
                        + " OVER (PARTITION BY decision_no, record_id) AS first_side, max(side) OVER (PARTITION BY"
                        + " decision_no, record_id) AS last_side FROM (SELECT d.decision_no, d.kind, d.side,"
                        + " r.record_id FROM override_decision d JOIN override_row r ON"
                        + " r.program_code = d.program_code AND r.person_key = d.person_key WHERE d.person_id IS NULL"
                        + " UNION SELECT d.decision_no, d.kind, d.side, r.record_id FROM override_decision d JOIN"
                        + " person_history h ON h.person_id = d.person_id JOIN override_row r ON"
                        + " r.program_code = h.program_code AND r.person_key = h.person_key))"
                        + " WHERE kind = 'SAME_PERSON' OR first_side = last_side");
        // a same-person decision needs two rows; a different-persons decision a row on each side
        execute(
                connection,
                "CREATE TABLE override_usable AS SELECT decision_no FROM override_side JOIN (SELECT DISTINCT"
                        + " decision_no, kind FROM override_decision) USING (decision_no) GROUP BY decision_no, kind"
                        + " HAVING CASE kind WHEN 'SAME_PERSON' THEN count(DISTINCT record_id) >= 2 ELSE"
                        + " count(DISTINCT side) = 2 END");
        Map<Integer, List<Long>> left = new TreeMap<>();
        Map<Integer, List<Long>> right = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT decision_no, side, record_id FROM override_side"
                        + " WHERE decision_no IN (SELECT decision_no FROM override_usable)"
                        + " ORDER BY decision_no, side, record_id")) {
            while (result.next()) {
                (result.getString(2).equals("L") ? left : right)
                        .computeIfAbsent(result.getInt(1), d -> new ArrayList<>())
                        .add(result.getLong(3));
            }
        }
        List<PersonClustering.Constraint> constraints = new ArrayList<>();
        Set<Integer> usable = new TreeSet<>(left.keySet());
        usable.addAll(right.keySet());
        for (int d : usable) {
            constraints.add(new PersonClustering.Constraint(
                    decisions.get(d).kind() == LinkOverrides.Kind.SAME_PERSON,
                    left.getOrDefault(d, List.of()).stream()
                            .mapToLong(Long::longValue)
                            .toArray(),
                    right.getOrDefault(d, List.of()).stream()
                            .mapToLong(Long::longValue)
                            .toArray()));
        }
        return constraints;
    }

    /**
     * The decisions the link applied, into {@code override_applied} and {@code link_event}
     * (OVERRIDE_SAME, OVERRIDE_DIFFERENT with the decision's reference), and their sides into {@code
     * decided_side}. A same-person decision is applied when its rows are one person; a
     * different-persons decision whenever it has rows on both sides (clustering kept them apart).
     */
    private static void recordOverrides(DuckDBConnection connection) throws SQLException {
        execute(
                connection,
                "CREATE TABLE override_applied AS SELECT s.decision_no, d.kind, d.reference,"
                        + " coalesce(min(m.person_id) FILTER (WHERE s.side = 'L'), min(m.person_id)) AS person_id,"
                        + " coalesce(min(m.person_id) FILTER (WHERE s.side = 'R'), min(m.person_id)) AS"
                        + " other_person_id, count(DISTINCT s.record_id) AS rows FROM override_side s JOIN (SELECT"
                        + " DISTINCT decision_no, kind, reference FROM override_decision) d USING (decision_no) JOIN"
                        + " member m USING (record_id) WHERE s.decision_no IN (SELECT decision_no FROM"
                        + " override_usable) GROUP BY s.decision_no, d.kind, d.reference HAVING CASE d.kind WHEN"
                        + " 'SAME_PERSON' THEN count(DISTINCT m.person_id) = 1 ELSE count(DISTINCT s.side) = 2 END");
        execute(
                connection,
                "CREATE TABLE decided_side AS SELECT * FROM override_side WHERE decision_no IN (SELECT"
                        + " decision_no FROM override_applied)");
        execute(
                connection,
                "INSERT INTO link_event SELECT CASE kind WHEN 'SAME_PERSON' THEN 'OVERRIDE_SAME' ELSE"
                        + " 'OVERRIDE_DIFFERENT' END, person_id, other_person_id, rows, reference FROM"
                        + " override_applied");
    }

    private static boolean hasLinks(Path linked) {
        try (Stream<Path> folders = Files.list(linked)) {
            return folders.anyMatch(folder -> Files.isRegularFile(folder.resolve("person_link.parquet")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + linked, e);
        }
    }
}
