package id.satupintu.pipeline.match;

import static id.satupintu.pipeline.duckdb.DuckDb.execute;
import static id.satupintu.pipeline.duckdb.DuckDb.literal;
import static java.util.Objects.requireNonNull;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.ingest.ListReader;
import id.satupintu.pipeline.ingest.ListReader.ListFile;
import id.satupintu.pipeline.ingest.ListReader.ListRow;
import id.satupintu.pipeline.ingest.RosterFileRefusedException;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.lake.LakeFiles;
import id.satupintu.pipeline.linkage.BlockingRule;
import id.satupintu.pipeline.linkage.ComparisonKind;
import id.satupintu.pipeline.linkage.ComparisonSpec;
import id.satupintu.pipeline.linkage.LinkageEngine;
import id.satupintu.pipeline.linkage.LinkageRecords;
import id.satupintu.pipeline.linkage.LinkageSpec;
import id.satupintu.pipeline.linkage.PeriodLinkage;
import id.satupintu.pipeline.privacy.Pseudonymizer;
import id.satupintu.schemas.wilayah.Wilayah;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a list of people from outside the rosters (a desa's proposed BLT list, say) against the
 * published warehouse of one month: which person each row is, the programs that person receives
 * that month, and what Dukcapil reported of them.
 *
 * <p>The warehouse holds no NIK and no name, so the rows are matched against the restricted lake
 * of the month: every staged roster row, with the person the link step found it to be. The list's
 * rows and the staged rows go through the project's {@link LinkageEngine} together, with the link
 * step's spec ({@link #spec()}): an equal valid NIK is the same person outright; otherwise the
 * Fellegi–Sunter model, its m and u estimated on the month's rosters, scores NIK (one digit off,
 * Excel-damaged), name, birth date, desa and KK. A row is the person of its best pair: found in
 * the match band, possibly found in the review band, else not found. A NIK that breaks an ingest
 * rule is no proof: its exact pairs are scored like any other pair; a NIK that Excel zeroed in its
 * 16th digit makes a pair at least a case to review.
 *
 * <p>Reads the published warehouse read-only and the lake; writes nothing but DuckDB's spill files
 * in a temporary folder of the lake, removed at the end. Logs counts only, never a value of the
 * list.
 */
public final class ListMatcher {
    private static final Logger log = LoggerFactory.getLogger(ListMatcher.class);

    /** DuckDB's memory for one match; it spills to a temporary folder of the lake beyond. */
    static final String MEMORY_LIMIT = "1536MB";

    /** Levels of the {@code nik} comparison: equal on 15 digits with a zeroed 16th, one digit off. */
    private static final int EXCEL_DAMAGED = ComparisonKind.NIK.levelNames().indexOf("excel_damaged");

    private static final int ONE_DIGIT_OFF = ComparisonKind.NIK.levelNames().indexOf("one_digit_off_or_transposed");

    private static final int STAGED = 0;
    private static final int LISTED = 1;

    private final DataDirectory data;
    private final Pseudonymizer pseudonymizer;
    private final WilayahTable wilayah;
    private final int threads;
    private final LinkageSpec spec;

    public ListMatcher(DataDirectory data, Pseudonymizer pseudonymizer, WilayahTable wilayah, int threads) {
        this.data = requireNonNull(data, "data is null");
        this.pseudonymizer = requireNonNull(pseudonymizer, "pseudonymizer is null");
        this.wilayah = requireNonNull(wilayah, "wilayah is null");
        this.threads = threads;
        this.spec = spec();
    }

    /**
     * The link step's spec ({@code period-linkage.yml}) with two more blocking rules for lists that
     * name no desa (name key and birth date) or neither desa nor birth date (the NIK's first 12
     * digits: its region and birth date, what an Excel-damaged or mistyped serial keeps).
     */
    public static LinkageSpec spec() {
        LinkageSpec period = PeriodLinkage.defaultSpec();
        List<BlockingRule> blocking = new ArrayList<>(period.blocking());
        blocking.add(BlockingRule.of("name_key(nama)", "tanggal_lahir"));
        blocking.add(BlockingRule.of("prefix(nik, 12)"));
        return new LinkageSpec(
                period.uniqueId(),
                period.linkType(),
                period.exactId(),
                period.comparisons(),
                blocking,
                period.thresholds(),
                period.maxCandidatePairs(),
                period.randomPairs(),
                null);
    }

    /**
     * Matches the list in {@code listFile} against {@code requested}, or against the latest month
     * that is both in the published warehouse and linked in the lake.
     *
     * @throws MatchException when there is nothing to match against or the list cannot be read
     */
    public MatchedList match(Path listFile, Optional<YearMonth> requested) throws SQLException {
        Path warehouse = data.publishedWarehouse();
        if (!Files.isRegularFile(warehouse)) {
            throw new MatchException(
                    "Belum ada gudang data yang diterbitkan di " + warehouse + "; jalankan refresh dahulu",
                    "No warehouse has been published at " + warehouse + " yet; run refresh first");
        }
        if (!Files.isDirectory(data.linked())) {
            throw new MatchException(
                    "Lake di " + data.lake() + " belum memuat penautan; jalankan refresh dahulu",
                    "The lake at " + data.lake() + " holds no link yet; run refresh first");
        }
        Path spill = temporaryFolder();
        try (DuckDBConnection connection = DuckDb.inMemory(threads)) {
            execute(connection, "SET memory_limit = " + literal(DuckDb.memoryLimit("match", MEMORY_LIMIT)));
            execute(connection, "SET temp_directory = " + literal(spill));
            execute(connection, "ATTACH " + literal(warehouse) + " AS warehouse (READ_ONLY)");
            YearMonth period = period(connection, requested);
            ListFile list = read(listFile, kabupaten(connection, period));
            List<ListRow> rows = list.rows();
            loadRecords(connection, period, rows);
            new LinkageEngine(spec).run(connection);
            List<Answer> answers = decide(rows, pairs(connection));
            List<MatchedRow> matched = complete(connection, period, rows, answers);
            MatchedList result = new MatchedList(list.fileName(), period, list.header(), list.columns(), matched);
            Map<MatchStatus, Long> counts = result.statusCounts();
            log.info(
                    "Matched {} list rows against {}: {} found, {} possibly found, {} not found",
                    rows.size(),
                    period,
                    counts.get(MatchStatus.FOUND),
                    counts.get(MatchStatus.POSSIBLE),
                    counts.get(MatchStatus.NOT_FOUND));
            return result;
        } finally {
            deleteTree(spill);
        }
    }

    /** The months the warehouse holds that the lake has linked, oldest first. */
    private List<YearMonth> matchable(DuckDBConnection connection) throws SQLException {
        List<YearMonth> periods = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT period FROM warehouse.period ORDER BY period")) {
            while (result.next()) {
                YearMonth period = YearMonth.parse(result.getString(1));
                if (Files.isRegularFile(personLink(period))
                        && LakeFiles.hasParquet(data.staged().resolve("period=" + period), "*.parquet")) {
                    periods.add(period);
                }
            }
        }
        return periods;
    }

    private YearMonth period(DuckDBConnection connection, Optional<YearMonth> requested) throws SQLException {
        List<YearMonth> periods = matchable(connection);
        if (periods.isEmpty()) {
            throw new MatchException(
                    "Gudang data yang diterbitkan tidak memuat periode yang sudah ditautkan di lake; jalankan"
                            + " refresh dahulu",
                    "The published warehouse holds no month the lake has linked; run refresh first");
        }
        if (requested.isPresent() && !periods.contains(requested.get())) {
            throw new MatchException(
                    "Periode " + requested.get() + " tidak ada di gudang data yang diterbitkan atau belum ditautkan;"
                            + " periode yang dapat dipakai: " + periods,
                    "The month " + requested.get() + " is not in the published warehouse or not linked; months"
                            + " that can be used: " + periods);
        }
        return requested.orElse(periods.get(periods.size() - 1));
    }

    /** The kabupaten/kota of the month's rosters (the one most of its rows live in). */
    private String kabupaten(DuckDBConnection connection, YearMonth period) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT left(kode_desa, 5) FROM read_parquet("
                        + literal(stagedFiles(period))
                        + ", hive_partitioning = false, union_by_name = true) GROUP BY ALL ORDER BY count(*) DESC,"
                        + " 1 LIMIT 1")) {
            return result.next() ? result.getString(1) : null;
        }
    }

    private ListFile read(Path listFile, String kabupatenCode) {
        try {
            return new ListReader(wilayah).read(listFile, kabupatenCode);
        } catch (RosterFileRefusedException e) {
            throw new MatchException(
                    "Daftar " + e.fileName() + " tidak dapat dipakai: " + e.reasonIndonesian(),
                    "The list " + e.fileName() + " cannot be used: " + e.reasonEnglish());
        }
    }

    /**
     * The linkage records: the month's staged rows with their person (source 0), then the list's
     * rows (source 1), in the columns of the link spec.
     */
    private void loadRecords(DuckDBConnection connection, YearMonth period, List<ListRow> rows) throws SQLException {
        execute(connection, "SET preserve_insertion_order = true");
        execute(
                connection,
                "CREATE TABLE " + LinkageRecords.TABLE + " AS SELECT row_number() OVER (ORDER BY s.source_file,"
                        + " s.source_row) AS record_id, " + STAGED + " AS source_id, s.source_file || ':' ||"
                        + " s.source_row AS row_ref, l.person_id, CAST(NULL AS INTEGER) AS list_index, "
                        + PeriodLinkage.specColumns("s.") + " FROM read_parquet("
                        + literal(stagedFiles(period))
                        + ", hive_partitioning = false, union_by_name = true) s JOIN read_parquet("
                        + literal(personLink(period)) + ") l USING (source_file, source_row)");
        execute(
                connection,
                "CREATE TABLE list_input (list_index INTEGER, source_row BIGINT, nik VARCHAR, nama VARCHAR,"
                        + " tanggal_lahir VARCHAR, kode_desa VARCHAR, no_kk VARCHAR)");
        try (DuckDBAppender appender = connection.createAppender("main", "list_input")) {
            for (int i = 0; i < rows.size(); i++) {
                ListRow row = rows.get(i);
                appender.beginRow().append(i).append(row.sourceRow());
                text(appender, row.nik());
                text(appender, row.nama());
                text(appender, row.birthDate() == null ? null : row.birthDate().toString());
                text(appender, row.kodeDesa());
                text(appender, row.noKk());
                appender.endRow();
            }
        }
        execute(
                connection,
                "INSERT INTO " + LinkageRecords.TABLE + " SELECT (SELECT coalesce(max(record_id), 0) FROM "
                        + LinkageRecords.TABLE + ") + list_index + 1, " + LISTED + ", 'list:' || source_row, NULL,"
                        + " list_index, nik, nama, tanggal_lahir, kode_desa, no_kk, NULL, NULL FROM list_input ORDER BY"
                        + " list_index");
    }

    /** A scored pair of a list row with a staged row or another list row. */
    private record Pair(
            int listIndex,
            boolean withListRow,
            int otherIndex,
            String personId,
            int blockingRule,
            int nikLevel,
            double matchWeight,
            double probability,
            String band,
            boolean vetoed) {}

    /** Every scored pair whose right record is a list row (list records come last, so pairs end with them). */
    private List<Pair> pairs(DuckDBConnection connection) throws SQLException {
        List<ComparisonSpec> comparisons = spec.comparisons();
        int nikComparison = -1;
        List<String> required = new ArrayList<>();
        for (int c = 0; c < comparisons.size(); c++) {
            if (comparisons.get(c).kind() == ComparisonKind.NIK) {
                nikComparison = c;
            }
            if (comparisons.get(c).required()) {
                required.add("p.gamma_" + c + " = 0");
            }
        }
        String nikLevel = nikComparison < 0 ? "-1" : "p.gamma_" + nikComparison;
        String vetoed = required.isEmpty() ? "false" : String.join(" OR ", required);
        List<Pair> pairs = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT r.list_index, l.source_id = " + LISTED
                        + ", l.list_index, l.person_id, p.blocking_rule, " + nikLevel + ", p.match_weight,"
                        + " p.match_probability, p.band, " + vetoed + " FROM " + LinkageEngine.SCORED_PAIR
                        + " p JOIN " + LinkageRecords.TABLE + " l ON l.record_id = p.record_id_l JOIN "
                        + LinkageRecords.TABLE + " r ON r.record_id = p.record_id_r WHERE r.source_id = " + LISTED
                        + " ORDER BY r.list_index, l.record_id")) {
            while (result.next()) {
                pairs.add(new Pair(
                        result.getInt(1),
                        result.getBoolean(2),
                        result.getInt(3),
                        result.getString(4),
                        result.getInt(5),
                        result.getInt(6),
                        result.getDouble(7),
                        result.getDouble(8),
                        result.getString(9),
                        result.getBoolean(10)));
            }
        }
        return pairs;
    }

    /** What the pairs say of one list row, before the warehouse is asked about its person. */
    private record Answer(
            MatchStatus status, String personId, Double probability, Set<MatchFlag> flags, List<Long> duplicateRows) {}

    private static final Map<String, Integer> BAND_RANK =
            Map.of("non_match", 0, "conflict", 1, "review", 2, "match", 3);

    /**
     * Each row's person: of its pairs with staged rows, the best in the match band (found) or the
     * review band (possibly found). The NIK comparison of the row's pairs with that person flags an
     * Excel-damaged or another NIK; a conflict pair (the row's NIK on rows of someone who shares
     * nothing else with it) flags NIK ganda. Rows found to be one person, or that the model matches
     * with each other, are duplicates of each other.
     */
    private List<Answer> decide(List<ListRow> rows, List<Pair> pairs) {
        List<Pair> scored = new ArrayList<>(pairs.size());
        for (Pair pair : pairs) {
            scored.add(judged(rows, pair));
        }

        List<Answer> answers = new ArrayList<>(rows.size());
        int[] group = new int[rows.size()];
        for (int i = 0; i < group.length; i++) {
            group[i] = i;
        }
        Map<Integer, List<Pair>> byRow = new HashMap<>();
        for (Pair pair : scored) {
            byRow.computeIfAbsent(pair.listIndex(), i -> new ArrayList<>()).add(pair);
        }
        Map<String, Integer> firstRowOfPerson = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            List<Pair> own = byRow.getOrDefault(i, List.of());
            Optional<Pair> best = own.stream()
                    .filter(pair -> !pair.withListRow())
                    .filter(pair -> pair.band().equals("match") || pair.band().equals("review"))
                    .max(Comparator.comparingInt((Pair pair) -> BAND_RANK.get(pair.band()))
                            .thenComparingDouble(Pair::probability)
                            .thenComparing(Pair::personId, Comparator.reverseOrder()));
            Set<MatchFlag> flags = EnumSet.noneOf(MatchFlag.class);
            if (rows.get(i).nikRule() != null) {
                flags.add(MatchFlag.INVALID_NIK);
            }
            String personId = best.map(Pair::personId).orElse(null);
            if (own.stream()
                    .anyMatch(pair -> !pair.withListRow()
                            && pair.band().equals("conflict")
                            && !pair.personId().equals(personId))) {
                flags.add(MatchFlag.NIK_GANDA);
            }
            if (best.isEmpty()) {
                flags.add(MatchFlag.NOT_FOUND);
                answers.add(new Answer(MatchStatus.NOT_FOUND, null, null, flags, List.of()));
                continue;
            }
            int nikLevel = own.stream()
                    .filter(pair -> personId.equals(pair.personId()))
                    .mapToInt(Pair::nikLevel)
                    .max()
                    .orElse(-1);
            if (nikLevel == EXCEL_DAMAGED) {
                flags.add(MatchFlag.EXCEL_DAMAGED_NIK);
            } else if (nikLevel == 0 || nikLevel == ONE_DIGIT_OFF) {
                flags.add(MatchFlag.NIK_DIFFERS);
            }
            Integer earlier = firstRowOfPerson.putIfAbsent(personId, i);
            if (earlier != null) {
                join(group, earlier, i);
            }
            MatchStatus status = best.get().band().equals("match") ? MatchStatus.FOUND : MatchStatus.POSSIBLE;
            answers.add(new Answer(status, personId, best.get().probability(), flags, List.of()));
        }
        // two rows of the list that the model takes for one person, found or not
        for (Pair pair : scored) {
            if (pair.withListRow() && pair.band().equals("match")) {
                join(group, pair.otherIndex(), pair.listIndex());
            }
        }
        Map<Integer, TreeSet<Long>> members = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            members.computeIfAbsent(root(group, i), root -> new TreeSet<>())
                    .add(rows.get(i).sourceRow());
        }
        List<Answer> completed = new ArrayList<>(answers.size());
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            TreeSet<Long> same = members.get(root(group, i));
            if (same.size() < 2) {
                completed.add(answer);
                continue;
            }
            Set<MatchFlag> flags = EnumSet.copyOf(answer.flags());
            flags.add(MatchFlag.DUPLICATE_IN_LIST);
            long own = rows.get(i).sourceRow();
            completed.add(new Answer(
                    answer.status(),
                    answer.personId(),
                    answer.probability(),
                    flags,
                    same.stream().filter(row -> row != own).toList()));
        }
        return completed;
    }

    /**
     * The pair as the list's NIKs allow. An equal NIK that breaks an ingest rule (a number cell, a
     * serial 0000) proves nothing, so such an exact-NIK pair is scored by its match weight and
     * banded as any other pair, a required comparison that disagrees vetoing it. A NIK equal to a
     * roster row's on 15 digits and ending in 0 (Excel's lost 16th digit) is at least a case to
     * review when nothing required disagrees: the model cannot weigh it, since ingest rejects such
     * NIKs and the rosters it learns from hold none.
     */
    private Pair judged(List<ListRow> rows, Pair pair) {
        boolean untrusted = !rows.get(pair.listIndex()).nikValid()
                || (pair.withListRow() && !rows.get(pair.otherIndex()).nikValid());
        double probability = pair.probability();
        String band = pair.band();
        if (pair.blockingRule() == LinkageEngine.EXACT_ID_RULE && untrusted && !band.equals("conflict")) {
            probability = 1 / (1 + Math.pow(2, -pair.matchWeight()));
            if (pair.vetoed()) {
                band = "non_match";
            } else if (probability >= spec.thresholds().match()) {
                band = "match";
            } else if (probability >= spec.thresholds().review()) {
                band = "review";
            } else {
                band = "non_match";
            }
        }
        if (band.equals("non_match") && !pair.withListRow() && pair.nikLevel() == EXCEL_DAMAGED && !pair.vetoed()) {
            band = "review";
        }
        if (band.equals(pair.band()) && probability == pair.probability()) {
            return pair;
        }
        return new Pair(
                pair.listIndex(),
                pair.withListRow(),
                pair.otherIndex(),
                pair.personId(),
                pair.blockingRule(),
                pair.nikLevel(),
                pair.matchWeight(),
                probability,
                band,
                pair.vetoed());
    }

    private static int root(int[] group, int i) {
        while (group[i] != i) {
            group[i] = group[group[i]];
            i = group[i];
        }
        return i;
    }

    private static void join(int[] group, int a, int b) {
        int rootA = root(group, a);
        int rootB = root(group, b);
        if (rootA != rootB) {
            group[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
        }
    }

    /**
     * Adds what the warehouse knows of each row's person: the programs of the month, and the deaths
     * and moves Dukcapil reported. A row not found but carrying a valid NIK is looked up by its NIK
     * key too (Dukcapil reports people on no roster, and people on the rosters of other months).
     */
    private List<MatchedRow> complete(
            DuckDBConnection connection, YearMonth period, List<ListRow> rows, List<Answer> answers)
            throws SQLException {
        execute(connection, "CREATE TABLE list_subject (list_index INTEGER, person_id VARCHAR, person_key VARCHAR)");
        try (DuckDBAppender appender = connection.createAppender("main", "list_subject")) {
            for (int i = 0; i < rows.size(); i++) {
                Answer answer = answers.get(i);
                ListRow row = rows.get(i);
                boolean byKey = answer.personId() == null
                        && row.nikValid()
                        && !answer.flags().contains(MatchFlag.NIK_GANDA);
                if (answer.personId() == null && !byKey) {
                    continue;
                }
                appender.beginRow().append(i);
                text(appender, answer.personId());
                text(appender, byKey ? pseudonymizer.personKey(row.nik()) : null);
                appender.endRow();
            }
        }
        Map<Integer, List<String>> programs = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT DISTINCT s.list_index, e.program_code FROM list_subject s JOIN warehouse.enrollment e ON"
                        + " e.person_id = s.person_id WHERE e.period = ? ORDER BY 1, 2")) {
            statement.setString(1, period.toString());
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    programs.computeIfAbsent(result.getInt(1), i -> new ArrayList<>())
                            .add(result.getString(2));
                }
            }
        }
        // the ids a NIK key had in any linked month: Dukcapil events reach persons through them
        execute(
                connection,
                "CREATE TABLE event_subject AS SELECT list_index, person_id AS subject FROM list_subject WHERE"
                        + " person_id IS NOT NULL UNION SELECT list_index, person_key FROM list_subject WHERE"
                        + " person_key IS NOT NULL UNION SELECT s.list_index, l.person_id FROM list_subject s JOIN"
                        + " read_parquet("
                        + literal(data.linked().resolve("period=*").resolve("person_link.parquet"))
                        + ", hive_partitioning = false) l ON l.person_key = s.person_key");
        Map<Integer, List<DukcapilEvent>> events = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT DISTINCT s.list_index, d.event_type, d.event_date, d.kode_wilayah_tujuan FROM"
                                + " event_subject s JOIN warehouse.dukcapil_event d ON d.person_id = s.subject"
                                + " ORDER BY 1, 2, 3, 4")) {
            while (result.next()) {
                String destination = result.getString(4);
                events.computeIfAbsent(result.getInt(1), i -> new ArrayList<>())
                        .add(new DukcapilEvent(
                                result.getString(2),
                                result.getObject(3, java.time.LocalDate.class),
                                destination,
                                destination == null
                                        ? null
                                        : wilayah.find(destination)
                                                .map(Wilayah::name)
                                                .orElse(null)));
            }
        }
        List<MatchedRow> matched = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Answer answer = answers.get(i);
            List<DukcapilEvent> rowEvents = events.getOrDefault(i, List.of());
            Set<MatchFlag> flags = EnumSet.noneOf(MatchFlag.class);
            flags.addAll(answer.flags());
            if (rowEvents.stream().anyMatch(DukcapilEvent::isDeath)) {
                flags.add(MatchFlag.DECEASED);
            }
            if (rowEvents.stream().anyMatch(event -> event.eventType().equals(DukcapilEvent.MOVE_OUT))) {
                flags.add(MatchFlag.MOVED_OUT);
            }
            matched.add(new MatchedRow(
                    rows.get(i),
                    answer.status(),
                    answer.personId(),
                    answer.probability(),
                    programs.getOrDefault(i, List.of()),
                    flags,
                    answer.duplicateRows(),
                    rowEvents));
        }
        return matched;
    }

    private static void text(DuckDBAppender appender, String value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    private Path stagedFiles(YearMonth period) {
        return data.staged().resolve("period=" + period).resolve("**").resolve("*.parquet");
    }

    private Path personLink(YearMonth period) {
        return data.linkedPartition(period).resolve("person_link.parquet");
    }

    /** A folder for DuckDB's spill files inside the restricted lake: they hold names and NIKs. */
    private Path temporaryFolder() {
        try {
            return Files.createTempDirectory(data.lake(), ".match-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder in " + data.lake(), e);
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("Cannot remove the temporary folder {}: {}", folder, e.getMessage());
        }
    }
}
