package id.satupintu.pipeline.linkage;

import static id.satupintu.pipeline.duckdb.DuckDb.execute;
import static id.satupintu.pipeline.duckdb.DuckDb.literal;
import static java.util.Objects.requireNonNull;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.schemas.contract.LakeContracts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Optional;
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
 */
public final class PeriodLinkage {
    static final String SPEC_RESOURCE = "/id/satupintu/pipeline/linkage/period-linkage.yml";

    private static final Logger log = LoggerFactory.getLogger(PeriodLinkage.class);

    /** DuckDB's memory for one period's link; it spills to {@code lake/linked/.spill} beyond. */
    static final String MEMORY_LIMIT = "1536MB";

    private final DataDirectory data;
    private final LinkageSpec spec;
    private final int threads;

    public PeriodLinkage(DataDirectory data, int threads) {
        this(data, defaultSpec(), threads);
    }

    PeriodLinkage(DataDirectory data, LinkageSpec spec, int threads) {
        this.data = requireNonNull(data, "data is null");
        this.spec = requireNonNull(spec, "spec is null");
        this.threads = threads;
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
            double seconds) {}

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
        try (DuckDBConnection connection = DuckDb.inMemory(threads)) {
            // bounded memory whatever the period's size: DuckDB spills beyond it
            execute(connection, "SET memory_limit = " + literal(MEMORY_LIMIT));
            execute(connection, "SET temp_directory = " + literal(data.linked().resolve(".spill")));
            execute(connection, "SET preserve_insertion_order = true");
            if (!hasParquet(staged)) {
                execute(
                        connection,
                        "CREATE TABLE " + LinkageRecords.TABLE + " (record_id BIGINT, source_id INTEGER,"
                                + " row_ref VARCHAR, program_code VARCHAR, source_file VARCHAR, source_row BIGINT,"
                                + " person_key VARCHAR, nik VARCHAR, nama VARCHAR, tanggal_lahir VARCHAR, kode_desa VARCHAR,"
                                + " no_kk VARCHAR)");
            } else {
                execute(
                        connection,
                        "CREATE TABLE " + LinkageRecords.TABLE + " AS SELECT row_number() OVER (ORDER BY source_file,"
                                + " source_row) AS record_id, 0 AS source_id, source_file || ':' || source_row AS"
                                + " row_ref, program_code, source_file, source_row, person_key, nik,"
                                + " nama_normalized AS nama, strftime(birth_date, '%Y-%m-%d') AS tanggal_lahir,"
                                + " kode_desa, no_kk FROM read_parquet("
                                + literal(staged.resolve("**").resolve("*.parquet"))
                                + ", hive_partitioning = false, union_by_name = true)");
            }
            long rows = LinkageEngine.single(connection, "SELECT count(*) FROM " + LinkageRecords.TABLE);
            log.debug("Read {} staged rows of {} in {} s", rows, period, (System.nanoTime() - started) / 1e9);
            long candidatePairs = 0;
            if (rows > 1) {
                candidatePairs = new LinkageEngine(spec).run(connection).candidatePairs();
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

            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create " + out, e);
            }
            String periodText = literal(period.toString());
            copy(
                    connection,
                    "SELECT " + periodText + " AS period, program_code, source_file, source_row, person_key, person_id"
                            + " FROM member ORDER BY source_file, source_row",
                    out.resolve("person_link.parquet"));
            copy(
                    connection,
                    "SELECT " + periodText + " AS period, event, person_id, other_person_id, rows FROM link_event"
                            + " ORDER BY event, person_id, other_person_id",
                    out.resolve("link_event.parquet"));
            copy(
                    connection,
                    "SELECT " + periodText + " AS period, l.program_code AS program_code_l, l.source_file AS"
                            + " source_file_l, l.source_row AS source_row_l, l.person_id AS person_id_l,"
                            + " r.program_code AS program_code_r, r.source_file AS source_file_r, r.source_row AS"
                            + " source_row_r, r.person_id AS person_id_r, p.match_probability, p.band FROM "
                            + LinkageEngine.SCORED_PAIR + " p JOIN member l ON l.record_id = p.record_id_l"
                            + " JOIN member r ON r.record_id = p.record_id_r WHERE p.band IN ('review', 'conflict')"
                            + " AND l.person_id <> r.person_id ORDER BY source_file_l, source_row_l, source_file_r,"
                            + " source_row_r",
                    out.resolve("review_pair.parquet"));
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
                    (System.nanoTime() - started) / 1e9);
            log.info(
                    "Linked {} rows of {} into {} persons ({} kept their id): {} merges, {} splits, {} NIK ganda,"
                            + " {} pairs to review",
                    result.rows(),
                    period,
                    result.persons(),
                    result.inherited(),
                    result.merges(),
                    result.splits(),
                    result.nikGanda(),
                    result.reviewPairs());
            return result;
        }
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
                "CREATE TEMP TABLE cluster_member AS SELECT r.record_id, c.cluster_id, r.program_code, r.source_file,"
                        + " r.source_row, r.person_key FROM " + LinkageRecords.TABLE + " r JOIN "
                        + LinkageEngine.PERSON_CLUSTER + " c USING (record_id)");
        if (previous.isPresent()) {
            String earlier = "read_parquet(" + literal(previous.get()) + ")";
            execute(
                    connection,
                    "CREATE TEMP TABLE previous_by_program AS SELECT person_key, program_code, min(person_id) AS"
                            + " person_id FROM " + earlier + " GROUP BY ALL");
            execute(
                    connection,
                    "CREATE TEMP TABLE previous_by_key AS SELECT DISTINCT person_key, person_id FROM " + earlier);
        } else {
            execute(
                    connection,
                    "CREATE TEMP TABLE previous_by_program (person_key VARCHAR, program_code VARCHAR, person_id"
                            + " VARCHAR)");
            execute(connection, "CREATE TEMP TABLE previous_by_key (person_key VARCHAR, person_id VARCHAR)");
        }
        // each row votes for the id its NIK key had in the same program, else for every id of its key
        execute(
                connection,
                "CREATE TEMP TABLE vote AS SELECT m.cluster_id, coalesce(p.person_id, k.person_id) AS person_id,"
                        + " count(*) AS votes FROM cluster_member m LEFT JOIN previous_by_program p ON"
                        + " p.person_key = m.person_key AND p.program_code = m.program_code LEFT JOIN previous_by_key k"
                        + " ON p.person_id IS NULL AND k.person_key = m.person_key"
                        + " WHERE coalesce(p.person_id, k.person_id) IS NOT NULL GROUP BY ALL");
        execute(
                connection,
                "CREATE TEMP TABLE claim AS SELECT cluster_id, person_id, votes FROM (SELECT *, row_number() OVER"
                        + " (PARTITION BY cluster_id ORDER BY votes DESC, person_id) AS choice FROM vote) WHERE"
                        + " choice = 1");
        execute(
                connection,
                "CREATE TEMP TABLE winner AS SELECT cluster_id, person_id FROM (SELECT *, row_number() OVER"
                        + " (PARTITION BY person_id ORDER BY votes DESC, cluster_id) AS rank FROM claim) WHERE rank = 1");
        execute(
                connection,
                "CREATE TEMP TABLE person AS SELECT c.cluster_id, coalesce(w.person_id, 'P' || left(sha256("
                        + literal(period.toString()) + " || ':' || min(c.source_file || ':' || c.source_row)), 19))"
                        + " AS person_id, w.person_id IS NOT NULL AS inherited, count(*) AS rows FROM cluster_member c"
                        + " LEFT JOIN winner w USING (cluster_id) GROUP BY c.cluster_id, w.person_id");
        execute(
                connection,
                "CREATE TEMP TABLE member AS SELECT m.*, p.person_id FROM cluster_member m JOIN person p USING"
                        + " (cluster_id)");
        execute(
                connection,
                "CREATE TEMP TABLE link_event AS"
                        // a person whose rows carried other earlier ids that no person of the period kept
                        + " SELECT 'MERGE' AS event, p.person_id, v.person_id AS other_person_id, v.votes AS rows"
                        + " FROM vote v JOIN person p USING (cluster_id) WHERE v.person_id <> p.person_id"
                        + " AND v.person_id NOT IN (SELECT person_id FROM winner)"
                        // a person that claimed an earlier id another person of the period kept
                        + " UNION ALL SELECT 'SPLIT', c.person_id, p.person_id, p.rows FROM claim c JOIN person p"
                        + " USING (cluster_id) WHERE NOT p.inherited"
                        // one valid NIK on rows of persons that share nothing else
                        + " UNION ALL SELECT 'NIK_GANDA', least(l.person_id, r.person_id), greatest(l.person_id,"
                        + " r.person_id), count(*) FROM " + LinkageEngine.SCORED_PAIR + " s JOIN member l ON"
                        + " l.record_id = s.record_id_l JOIN member r ON r.record_id = s.record_id_r WHERE"
                        + " s.band = 'conflict' AND l.person_id <> r.person_id GROUP BY ALL");
    }

    private static void copy(DuckDBConnection connection, String query, Path target) throws SQLException {
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        execute(connection, "COPY (" + query + ") TO " + literal(temporary) + " (" + DuckDb.LAKE_PARQUET + ")");
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + temporary + " into place", e);
        }
    }

    private static boolean hasParquet(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }
}
