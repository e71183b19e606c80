package id.satupintu.pipeline.ingest;

import static id.satupintu.pipeline.duckdb.DuckDb.execute;
import static id.satupintu.pipeline.duckdb.DuckDb.literal;
import static java.util.Objects.requireNonNull;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.lake.ParquetFooter;
import id.satupintu.pipeline.privacy.Pseudonymizer;
import id.satupintu.schemas.contract.LakeContracts;
import id.satupintu.schemas.contract.TableContract;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests one roster file of a period into the lake: its rows as Arrow batches into a private
 * DuckDB, from there staged rows and rejected rows into Parquet (ZSTD), and one manifest row. Each
 * output is written under a temporary name and renamed into place, so a re-run of the same file
 * replaces its output whole and a crash leaves no half file under the real name.
 */
public final class RosterIngest {
    private static final Logger log = LoggerFactory.getLogger(RosterIngest.class);

    private final DataDirectory dataDirectory;
    private final SourceCatalogue catalogue;
    private final WilayahTable wilayah;
    private final Pseudonymizer pseudonymizer;

    public RosterIngest(
            DataDirectory dataDirectory, SourceCatalogue catalogue, WilayahTable wilayah, Pseudonymizer pseudonymizer) {
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null");
        this.catalogue = requireNonNull(catalogue, "catalogue is null");
        this.wilayah = requireNonNull(wilayah, "wilayah is null");
        this.pseudonymizer = requireNonNull(pseudonymizer, "pseudonymizer is null");
    }

    public FileManifest ingest(YearMonth period, Path file) {
        String fileName = file.getFileName().toString();
        String sha256 = sha256(file);
        long size = size(file);
        Optional<SourceDefinition> source = catalogue.sourceFor(file);
        if (source.isEmpty()) {
            return refused(
                    period,
                    Optional.empty(),
                    fileName,
                    sha256,
                    size,
                    new RosterFileRefusedException(
                            fileName,
                            "nama berkas tidak cocok dengan sumber mana pun di katalog sumber",
                            "the file name matches no source in the source catalogue"));
        }
        String programCode = source.get().program();
        try (BufferAllocator allocator = new RootAllocator()) {
            RosterBatchReader reader = new RosterBatchReader(
                    allocator,
                    file,
                    period,
                    source.get(),
                    wilayah,
                    pseudonymizer,
                    RosterBatchReader.DEFAULT_BATCH_ROWS);
            FileManifest manifest;
            try (DuckDBConnection connection = DuckDb.inMemory(1);
                    ArrowArrayStream stream = DuckDb.registerArrow(connection, "roster_rows", reader, allocator)) {
                execute(connection, "CREATE TABLE ingested AS SELECT * FROM roster_rows");
                manifest = writeLake(connection, period, programCode, fileName, sha256, size);
                writeManifest(connection, manifest);
            }
            log.info(
                    "Ingested {} ({}): {} rows read, {} staged, {} rejected",
                    fileName,
                    programCode,
                    manifest.rowsRead(),
                    manifest.rowsStaged(),
                    manifest.rowsRejected());
            return manifest;
        } catch (RosterFileRefusedException e) {
            return refused(period, Optional.of(programCode), fileName, sha256, size, e);
        } catch (SQLException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return refused(
                    period,
                    Optional.of(programCode),
                    fileName,
                    sha256,
                    size,
                    new RosterFileRefusedException(
                            fileName, "berkas tidak dapat dibaca: " + reason, "the file cannot be read: " + reason));
        }
    }

    private FileManifest writeLake(
            DuckDBConnection connection,
            YearMonth period,
            String programCode,
            String fileName,
            String sha256,
            long size)
            throws SQLException {
        String lakeFile = fileName + ".parquet";
        Path staged = dataDirectory.stagedPartition(period, programCode).resolve(lakeFile);
        Path rejected = dataDirectory.rejectedPartition(period, programCode).resolve(lakeFile);
        copyAtomically(
                connection,
                "SELECT " + LakeContracts.STAGED_ROSTER_ROW.selectList()
                        + " FROM ingested WHERE rule_id IS NULL ORDER BY source_row",
                LakeContracts.STAGED_ROSTER_ROW,
                staged);
        copyAtomically(
                connection,
                "SELECT " + LakeContracts.REJECTED_ROW.selectList()
                        + " FROM ingested WHERE rule_id IS NOT NULL ORDER BY source_row",
                LakeContracts.REJECTED_ROW,
                rejected);
        try (Statement statement = connection.createStatement();
                ResultSet counts = statement.executeQuery(
                        "SELECT count(*), count(*) FILTER (WHERE rule_id IS NULL) FROM ingested")) {
            counts.next();
            long read = counts.getLong(1);
            long stagedRows = counts.getLong(2);
            return new FileManifest(
                    period.toString(),
                    Optional.of(programCode),
                    fileName,
                    sha256,
                    size,
                    FileManifest.Status.INGESTED,
                    Optional.empty(),
                    Optional.empty(),
                    read,
                    stagedRows,
                    read - stagedRows,
                    Instant.now().truncatedTo(ChronoUnit.MICROS));
        }
    }

    private FileManifest refused(
            YearMonth period,
            Optional<String> programCode,
            String fileName,
            String sha256,
            long size,
            RosterFileRefusedException refusal) {
        log.warn("Refused {}: {}", fileName, refusal.reasonEnglish());
        FileManifest manifest = new FileManifest(
                period.toString(),
                programCode,
                fileName,
                sha256,
                size,
                FileManifest.Status.REFUSED,
                Optional.of(refusal.reasonIndonesian()),
                Optional.of(refusal.reasonEnglish()),
                0,
                0,
                0,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        try (DuckDBConnection connection = DuckDb.inMemory(1)) {
            writeManifest(connection, manifest);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the manifest of " + fileName, e);
        }
        return manifest;
    }

    private void writeManifest(DuckDBConnection connection, FileManifest manifest) throws SQLException {
        execute(connection, "CREATE TEMP TABLE manifest (" + LakeContracts.FILE_MANIFEST.duckDbColumns() + ")");
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO manifest VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, manifest.period());
            insert.setString(2, manifest.programCode().orElse(null));
            insert.setString(3, manifest.sourceFile());
            insert.setString(4, manifest.sha256());
            insert.setLong(5, manifest.sizeBytes());
            insert.setString(6, manifest.status().name());
            insert.setString(7, manifest.refusalReasonEnglish().orElse(null));
            insert.setLong(8, manifest.rowsRead());
            insert.setLong(9, manifest.rowsStaged());
            insert.setLong(10, manifest.rowsRejected());
            insert.setTimestamp(11, Timestamp.from(manifest.ingestedAt()));
            insert.executeUpdate();
        }
        Path target = dataDirectory
                .manifestPartition(YearMonth.parse(manifest.period()))
                .resolve(manifest.sourceFile() + ".parquet");
        copyAtomically(connection, "SELECT * FROM manifest", LakeContracts.FILE_MANIFEST, target);
    }

    /** Writes the query's rows as Parquet under a temporary name, checks them against the contract, renames. */
    private static void copyAtomically(DuckDBConnection connection, String query, TableContract contract, Path target)
            throws SQLException {
        try {
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
            execute(
                    connection,
                    "COPY (" + query + ") TO " + literal(temporary) + " (FORMAT parquet, COMPRESSION zstd)");
            List<String> drift = ParquetFooter.read(temporary).mismatches(contract);
            if (!drift.isEmpty()) {
                Files.delete(temporary);
                throw new IllegalStateException("Lake file " + target.getFileName() + " does not match contract "
                        + contract.name() + ": " + drift);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) != -1) {
                // the digest stream does the work
            }
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
