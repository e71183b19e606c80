package id.satupintu.pipeline.warehouse;

import static id.satupintu.pipeline.duckdb.DuckDb.execute;
import static id.satupintu.pipeline.duckdb.DuckDb.literal;
import static java.util.Objects.requireNonNull;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.ingest.ValidationRule;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.lake.LakeFiles;
import id.satupintu.pipeline.status.StatusOverrideException;
import id.satupintu.pipeline.status.StatusOverrides;
import id.satupintu.schemas.contract.LakeContracts;
import id.satupintu.schemas.contract.TableContract;
import id.satupintu.schemas.contract.WarehouseTables;
import id.satupintu.schemas.program.Program;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a new warehouse file from the whole lake: reference dimensions, the SQL models in layer
 * order, then the data tests. The file is complete and checkpointed when this returns; it is not
 * yet visible to readers (see {@link WarehousePublisher}).
 */
public final class WarehouseBuilder {
    private static final Logger log = LoggerFactory.getLogger(WarehouseBuilder.class);
    private static final String RESOURCES = "/id/satupintu/pipeline/warehouse/";
    private static final String BENEFIT_RATES = "/id/satupintu/schemas/reference/program/benefit_rate.csv";

    /** Staging models: temporary tables of the build session, never stored in the file. */
    static final List<String> STAGING_MODELS = List.of(
            "stg_person_key",
            "stg_roster_row",
            "stg_golden_record",
            "stg_person_kk",
            "stg_household",
            "stg_dtsen_member");

    /** Mart models in dependency order; each fills the warehouse table of the same name. */
    static final List<String> MART_MODELS = List.of(
            "period",
            "person",
            "enrollment",
            "household_member",
            "household",
            "household_event",
            "file_manifest",
            "reject",
            "staged_flag",
            "link_event",
            "review_pair",
            "mart_recipients_kecamatan",
            "mart_spending_kecamatan",
            "dukcapil_event",
            "exclusion_list",
            "person_status",
            "enrollment_episode",
            "person_version",
            "mart_targeting_kecamatan",
            "mart_recipients_desa",
            "mart_program_overlap",
            "mart_changes_kecamatan",
            "dtsen_household",
            "mart_coverage_desil",
            "mart_unserved_kecamatan");

    /**
     * Data tests: queries that must return zero rows. The first line of each file says its
     * severity: {@code -- severity: error} stops publication, {@code -- severity: warn} is recorded
     * in {@code data_test_result} and the build is published.
     */
    static final List<String> DATA_TESTS = List.of(
            "manifest_reconciles_with_lake",
            "keys_are_unique",
            "enrollment_desa_is_known",
            "enrollment_program_is_known",
            "staged_rows_are_loaded",
            "staged_flags_are_loaded",
            "mart_recipients_match_enrollment",
            "spending_matches_enrollment",
            "mart_recipients_desa_match_enrollment",
            "program_overlap_matches_enrollment",
            "changes_match_enrollment",
            "households_are_consistent",
            "history_covers_enrollment",
            "rejected_links_are_loaded",
            "recipients_month_over_month_outlier",
            "status_override_person_exists",
            "coverage_desil_matches_enrollment");

    private final DataDirectory dataDirectory;
    private final WilayahTable wilayah;

    public WarehouseBuilder(DataDirectory dataDirectory, WilayahTable wilayah) {
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null");
        this.wilayah = requireNonNull(wilayah, "wilayah is null");
    }

    /** Builds {@code warehouse/build/<buildId>.duckdb}, replacing a leftover of the same id. */
    public BuiltWarehouse build(String buildId) throws WarehouseBuildException {
        Path target = dataDirectory.warehouseBuilds().resolve(buildId + ".duckdb");
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + target, e);
        }
        DuckDb.deleteDatabase(target);
        Map<String, Long> tableRows = new LinkedHashMap<>();
        List<DataTestResult> results = new ArrayList<>();
        try (DuckDBConnection connection = DuckDb.openForWrite(target)) {
            // bounded memory whatever the lake's size: DuckDB spills beyond it (its default is 80 % of
            // the machine, which a Cirebon month with its DTSEN extract took the process past 4 GiB with)
            execute(connection, "SET memory_limit = " + literal(DuckDb.memoryLimit("build", "2GB")));
            execute(
                    connection,
                    "SET temp_directory = "
                            + literal(dataDirectory.warehouseBuilds().resolve("spill")));
            for (String table : WarehouseTables.TABLES) {
                execute(connection, WarehouseTables.ddl(table));
            }
            loadWilayah(connection);
            loadPrograms(connection);
            loadValidationRules(connection);
            loadBenefitRates(connection);
            registerLake(connection);
            loadStatusOverrides(connection);
            for (String model : STAGING_MODELS) {
                long started = System.nanoTime();
                execute(connection, "CREATE TEMP TABLE " + model + " AS " + model("models/staging/" + model));
                log.debug("Model {} in {} ms", model, (System.nanoTime() - started) / 1_000_000);
            }
            for (String model : MART_MODELS) {
                long started = System.nanoTime();
                execute(connection, "INSERT INTO " + model + " BY NAME " + model("models/marts/" + model));
                log.debug("Model {} in {} ms", model, (System.nanoTime() - started) / 1_000_000);
            }
            long testsStarted = System.nanoTime();
            for (DataTest test : dataTests()) {
                long started = System.nanoTime();
                results.add(test.run(connection));
                log.debug("Data test {} in {} ms", test.name(), (System.nanoTime() - started) / 1_000_000);
            }
            recordResults(connection, results);
            log.debug("{} data tests in {} ms", results.size(), (System.nanoTime() - testsStarted) / 1_000_000);
            for (String table : WarehouseTables.TABLES) {
                tableRows.put(table, count(connection, table));
            }
            long checkpointStarted = System.nanoTime();
            execute(connection, "CHECKPOINT");
            log.debug("Checkpoint in {} ms", (System.nanoTime() - checkpointStarted) / 1_000_000);
            if (results.stream().noneMatch(WarehouseBuilder::stopsPublication)) {
                // the named registry goes to the restricted lake, never into the warehouse file
                LakeFiles.copyAtomically(
                        connection,
                        "SELECT " + LakeContracts.GOLDEN_RECORD.selectList()
                                + " FROM stg_golden_record ORDER BY person_id",
                        LakeContracts.GOLDEN_RECORD,
                        dataDirectory.goldenRecord());
            }
        } catch (SQLException | StatusOverrideException e) {
            deleteQuietly(target);
            throw new WarehouseBuildException("Warehouse build failed: " + e.getMessage(), e);
        }
        List<DataTestResult> errors =
                results.stream().filter(WarehouseBuilder::stopsPublication).toList();
        if (!errors.isEmpty()) {
            deleteQuietly(target);
            throw new WarehouseBuildException(
                    "Data tests failed, warehouse not published: "
                            + String.join(
                                    "; ",
                                    errors.stream()
                                            .map(DataTestResult::describe)
                                            .toList()),
                    null);
        }
        for (DataTestResult result : results) {
            if (result.failingRows() > 0) {
                log.warn("Data test warning {}", result.describe());
            }
        }
        log.info("Built warehouse {} with {}", target.getFileName(), tableRows);
        return new BuiltWarehouse(target, tableRows);
    }

    private static boolean stopsPublication(DataTestResult result) {
        return result.failingRows() > 0 && result.severity() == DataTest.Severity.ERROR;
    }

    /**
     * The reviewers' status decisions ({@code config/status-overrides.csv}) as the build session's
     * {@code config_status_override}: every line, with the months it is in force ({@code in_force}
     * false when a later line took over from its own month on). Read here, under the refresh's
     * data-directory lock, so a decision is never half written. A decision about a person the link
     * later merged into another holds for the person it went into ({@code person_id}; {@code
     * decided_for_person_id} keeps the id it was recorded for), and takes its place among that
     * person's decisions by its line number.
     */
    private void loadStatusOverrides(DuckDBConnection connection) throws SQLException {
        execute(connection, """
                CREATE TEMP TABLE config_status_override (
                    source_line INTEGER NOT NULL,
                    person_id VARCHAR NOT NULL,
                    decided_for_person_id VARCHAR NOT NULL,
                    status VARCHAR NOT NULL,
                    from_period VARCHAR NOT NULL,
                    to_period VARCHAR,
                    in_force BOOLEAN NOT NULL,
                    decided_by VARCHAR NOT NULL,
                    decided_on DATE NOT NULL,
                    reference VARCHAR NOT NULL
                )""");
        List<StatusOverrides.Decision> recorded = StatusOverrides.read(dataDirectory.statusOverrides());
        Map<String, String> survivors = recorded.isEmpty() ? Map.of() : MergedPersons.survivors(connection);
        List<StatusOverrides.Decision> decisions = new ArrayList<>();
        for (StatusOverrides.Decision decision : recorded) {
            decisions.add(decision.forPerson(MergedPersons.resolve(survivors, decision.personId())));
        }
        Map<Integer, StatusOverrides.Episode> inForce = new HashMap<>();
        for (StatusOverrides.Episode episode : StatusOverrides.inForce(decisions)) {
            inForce.put(episode.decision().line(), episode);
        }
        int carried = 0;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO config_status_override VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS DATE), ?)")) {
            for (int i = 0; i < decisions.size(); i++) {
                StatusOverrides.Decision decision = decisions.get(i);
                StatusOverrides.Episode episode = inForce.get(decision.line());
                String decidedFor = recorded.get(i).personId();
                carried += decidedFor.equals(decision.personId()) ? 0 : 1;
                insert.setInt(1, decision.line());
                insert.setString(2, decision.personId());
                insert.setString(3, decidedFor);
                insert.setString(4, decision.status().name());
                insert.setString(5, decision.from().toString());
                insert.setString(
                        6,
                        episode == null
                                ? null
                                : episode.to().map(YearMonth::toString).orElse(null));
                insert.setBoolean(7, episode != null);
                insert.setString(8, decision.decidedBy());
                insert.setString(9, decision.decidedOn().toString());
                insert.setString(10, decision.reference());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        log.info(
                "Status decisions: {} lines, {} in force, {} carried to the person the link merged theirs into",
                decisions.size(),
                inForce.size(),
                carried);
    }

    private void loadWilayah(DuckDBConnection connection) throws SQLException {
        Path csv = stageResource(WilayahTable.NATIONAL_RESOURCE, "wilayah_nasional.csv");
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO wilayah
                SELECT
                    code,
                    name,
                    level,
                    nullif(parent_code, ''),
                    code[1:2],
                    CASE WHEN length(code) >= 5 THEN code[1:5] END,
                    CASE WHEN length(code) >= 8 THEN code[1:8] END,
                    ?
                FROM read_csv(%s, header = true,
                    columns = {'code': 'VARCHAR', 'name': 'VARCHAR', 'level': 'VARCHAR', 'parent_code': 'VARCHAR'})
                """.formatted(literal(csv)))) {
            insert.setString(1, WilayahTable.EDITION);
            insert.executeUpdate();
        } finally {
            deleteQuietly(csv);
        }
        long loaded = count(connection, "wilayah");
        if (loaded != wilayah.size()) {
            throw new SQLException("wilayah reference loaded " + loaded + " rows, expected " + wilayah.size());
        }
    }

    private void loadBenefitRates(DuckDBConnection connection) throws SQLException {
        Path csv = stageResource(BENEFIT_RATES, "benefit_rate.csv");
        try {
            execute(
                    connection,
                    "INSERT INTO benefit_rate SELECT program_code, coalesce(component, ''), valid_from,"
                            + " valid_to, rate_unit, amount_rupiah, months_covered, funding_source FROM read_csv("
                            + literal(csv)
                            + ", header = true, columns = {'program_code': 'VARCHAR', 'component': 'VARCHAR',"
                            + " 'valid_from': 'DATE', 'valid_to': 'DATE', 'rate_unit': 'VARCHAR', 'amount_rupiah': 'BIGINT',"
                            + " 'months_covered': 'INTEGER', 'funding_source': 'VARCHAR'})");
        } finally {
            deleteQuietly(csv);
        }
    }

    /** A reference file of the schemas module copied beside the build, for DuckDB's readers. */
    private Path stageResource(String resource, String fileName) {
        Path copy = dataDirectory.warehouseBuilds().resolve(fileName);
        try (InputStream source = WilayahTable.class.getResourceAsStream(resource)) {
            Files.copy(requireNonNull(source, resource + " missing"), copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage the reference data " + resource, e);
        }
        return copy;
    }

    private static void loadValidationRules(DuckDBConnection connection) throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO validation_rule VALUES (?, ?, ?, ?)")) {
            for (ValidationRule rule : ValidationRule.values()) {
                insert.setString(1, rule.id());
                insert.setString(2, rule.severity().name());
                insert.setString(3, rule.messageIndonesian());
                insert.setString(4, rule.messageEnglish());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void loadPrograms(DuckDBConnection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO program VALUES (?, ?, ?, ?, ?)")) {
            for (Program program : Program.values()) {
                insert.setString(1, program.code());
                insert.setString(2, program.nameIndonesian());
                insert.setString(3, program.nameEnglish());
                insert.setString(4, program.unit().name());
                insert.setString(5, program.fundingSource().name());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The lake as views; a part of the lake with no files yet is an empty table of its contract. */
    private void registerLake(DuckDBConnection connection) throws SQLException {
        registerLakePart(connection, "lake_staged", dataDirectory.staged(), LakeContracts.STAGED_ROSTER_ROW);
        registerLakePart(connection, "lake_reference", dataDirectory.reference(), LakeContracts.REFERENCE_ROW);
        registerLakePart(connection, "lake_rejected", dataDirectory.rejected(), LakeContracts.REJECTED_ROW);
        registerLakePart(connection, "lake_manifest", dataDirectory.manifests(), LakeContracts.FILE_MANIFEST);
        registerLakePart(
                connection,
                "lake_person_link",
                dataDirectory.linked(),
                "person_link.parquet",
                LakeContracts.PERSON_LINK);
        registerLakePart(
                connection, "lake_link_event", dataDirectory.linked(), "link_event.parquet", LakeContracts.LINK_EVENT);
        registerLakePart(
                connection,
                "lake_rejected_link",
                dataDirectory.linked(),
                "rejected_link.parquet",
                LakeContracts.REJECTED_LINK);
        registerLakePart(
                connection,
                "lake_review_pair",
                dataDirectory.linked(),
                "review_pair.parquet",
                LakeContracts.REVIEW_PAIR);
    }

    /**
     * A lake part as a view with exactly the contract's columns. Files are read by column name, so a
     * file written before a column was added to the contract reads that column as null (the lake
     * keeps months written by earlier versions).
     */
    private static void registerLakePart(DuckDBConnection connection, String name, Path folder, TableContract contract)
            throws SQLException {
        registerLakePart(connection, name, folder, "*.parquet", contract);
    }

    /** The lake files under {@code folder} named {@code fileGlob}, as a view under their contract. */
    private static void registerLakePart(
            DuckDBConnection connection, String name, Path folder, String fileGlob, TableContract contract)
            throws SQLException {
        if (LakeFiles.hasParquet(folder, fileGlob)) {
            execute(connection, "CREATE TEMP TABLE " + name + "_contract (" + contract.duckDbColumns() + ")");
            execute(
                    connection,
                    "CREATE TEMP VIEW " + name + " AS SELECT " + contract.selectList() + " FROM (SELECT * FROM "
                            + name + "_contract UNION ALL BY NAME SELECT * FROM read_parquet("
                            + literal(folder.resolve("**").resolve(fileGlob))
                            + ", hive_partitioning = false, union_by_name = true))");
        } else {
            execute(connection, "CREATE TEMP TABLE " + name + " (" + contract.duckDbColumns() + ")");
        }
    }

    static String model(String name) {
        String resource = RESOURCES + name + ".sql";
        try (InputStream stream = WarehouseBuilder.class.getResourceAsStream(resource)) {
            if (stream == null) {
                throw new IllegalStateException("Missing model " + resource);
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The built-in tests, then any the operator put in {@code config/data-tests/} of the data directory. */
    private List<DataTest> dataTests() {
        List<DataTest> tests = new ArrayList<>();
        for (String name : DATA_TESTS) {
            tests.add(DataTest.parse(name, model("tests/" + name)));
        }
        Path custom = dataDirectory.root().resolve("config").resolve("data-tests");
        if (Files.isDirectory(custom)) {
            try (Stream<Path> files = Files.list(custom)) {
                for (Path file : files.filter(file -> file.toString().endsWith(".sql"))
                        .sorted()
                        .toList()) {
                    String name = file.getFileName().toString().replaceFirst("\\.sql$", "");
                    tests.add(DataTest.parse(name, Files.readString(file, StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the data tests in " + custom, e);
            }
        }
        return tests;
    }

    private static void recordResults(DuckDBConnection connection, List<DataTestResult> results) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO data_test_result VALUES (?, ?, ?, ?, current_timestamp::TIMESTAMP)")) {
            for (DataTestResult result : results) {
                insert.setString(1, result.name());
                insert.setString(2, result.severity().label());
                insert.setLong(3, result.failingRows());
                insert.setString(4, result.sample().isEmpty() ? null : String.join(" | ", result.sample()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static long count(DuckDBConnection connection, String table) throws SQLException {
        return countRows(connection, "SELECT * FROM " + table);
    }

    private static long countRows(DuckDBConnection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM (" + query + ")")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file);
        }
    }
}
