package id.satupintu.pipeline.ingest;

import static id.satupintu.pipeline.duckdb.DuckDb.execute;
import static id.satupintu.pipeline.duckdb.DuckDb.literal;
import static java.util.Objects.requireNonNull;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.lake.LakeFiles;
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
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests one source file of a period into the lake: a format reader yields raw records, the judge
 * turns them into Arrow batches in a private DuckDB, from there staged rows (or, for a reference
 * extract, reference rows) and rejected rows go to Parquet (ZSTD), and one manifest row. Each
 * output is written under a temporary name and renamed into place, so a re-run of the same file
 * replaces its output whole and a crash leaves no half file under the real name.
 */
public final class RosterIngest {
    private static final Logger log = LoggerFactory.getLogger(RosterIngest.class);

    private static final String NO_BYTES_SHA256 = sha256Of(new byte[0]);

    private static final Pattern KABUPATEN_AND_MONTH = Pattern.compile("_([0-9]{4})_([0-9]{4})([0-9]{2})(?![0-9])");

    private final DataDirectory dataDirectory;
    private final SourceCatalogue catalogue;
    private final WilayahTable wilayah;
    private final Pseudonymizer pseudonymizer;
    private final RegionResolver regions;

    public RosterIngest(
            DataDirectory dataDirectory, SourceCatalogue catalogue, WilayahTable wilayah, Pseudonymizer pseudonymizer) {
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null");
        this.catalogue = requireNonNull(catalogue, "catalogue is null");
        this.wilayah = requireNonNull(wilayah, "wilayah is null");
        this.pseudonymizer = requireNonNull(pseudonymizer, "pseudonymizer is null");
        this.regions = new RegionResolver(wilayah);
    }

    /**
     * Ingests one file of the period's inbox. Another file of the same folder may take its place
     * (a later revision, or the same bytes under another name: see {@link DeliveryPlan}); then this
     * file's manifest says so and it adds no rows.
     */
    public FileManifest ingest(YearMonth period, Path file) {
        Optional<String> namedPartition = catalogue.sourceFor(file).map(SourceDefinition::partition);
        Optional<RosterFileRefusedException> entryRefusal = Inbox.refusalOf(file);
        if (entryRefusal.isPresent()) {
            RosterFileRefusedException refusal = entryRefusal.get();
            return refused(period, namedPartition, refusal.fileName(), NO_BYTES_SHA256, 0, refusal);
        }
        String fileName = file.getFileName().toString();
        FileState before;
        String sha256;
        try {
            before = FileState.of(file);
            sha256 = sha256(file);
        } catch (UncheckedIOException e) {
            String reason = rootMessage(e);
            return refused(
                    period,
                    namedPartition,
                    fileName,
                    NO_BYTES_SHA256,
                    0,
                    new RosterFileRefusedException(
                            fileName, "berkas tidak dapat dibaca: " + reason, "the file cannot be read: " + reason));
        }
        long size = before.size();
        Optional<SourceDefinition> found = catalogue.sourceFor(file);
        if (found.isEmpty()) {
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
        SourceDefinition source = found.get();
        String partition = source.partition();
        Optional<String> named = namedPeriod(fileName);
        if (named.isPresent() && !named.get().equals(period.toString())) {
            return refused(
                    period,
                    Optional.of(partition),
                    fileName,
                    sha256,
                    size,
                    new RosterFileRefusedException(
                            fileName,
                            "periode berkas " + named.get() + " bukan periode yang diproses " + period,
                            "the file is for " + named.get() + ", not for the period being ingested " + period));
        }
        Matcher nameParts = KABUPATEN_AND_MONTH.matcher(fileName);
        String kabupatenCode = nameParts.find() ? RosterValues.kodeKabupaten(nameParts.group(1)) : null;
        DeliveryPlan.Decision decision =
                DeliveryPlan.decide(file, catalogue, sibling -> isDelivery(sibling, period), RosterIngest::sha256);
        if (decision.status() != DeliveryPlan.Status.INGEST) {
            return setAside(period, partition, fileName, sha256, size, decision);
        }
        String fingerprint = IngestFingerprint.of(catalogue.sourcesFor(file), pseudonymizer.keyId());
        Optional<FileManifest> unchanged = unchangedSinceLastIngest(period, file, sha256, size, fingerprint);
        if (unchanged.isPresent()) {
            return unchanged.get();
        }
        // what an earlier ingest of this name wrote goes first, whichever program it was filed under, and
        // its manifest with it: a read that fails half-way leaves no manifest counting rows that are gone
        deleteLakeOutput(period, fileName);
        try {
            Files.deleteIfExists(dataDirectory.manifestPartition(period).resolve(lakeFileName(fileName)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the earlier manifest of " + fileName, e);
        }
        RecordReader records = null;
        RosterFileRefusedException firstRefusal = null;
        for (SourceDefinition candidate : catalogue.sourcesFor(file)) {
            try {
                records = RecordReader.open(file, candidate);
                source = candidate;
                break;
            } catch (RosterFileRefusedException e) {
                firstRefusal = firstRefusal == null ? e : firstRefusal;
            }
        }
        if (records == null) {
            return refused(period, Optional.of(partition), fileName, sha256, size, firstRefusal);
        }
        try {
            return ingestRecords(
                    period,
                    source,
                    fileName,
                    kabupatenCode,
                    sha256,
                    size,
                    records,
                    () -> before.checkUnchanged(file),
                    Optional.of(fingerprint));
        } catch (RosterFileRefusedException e) {
            return refused(period, Optional.of(source.partition()), fileName, sha256, size, e);
        }
    }

    /** The month a file name carries ({@code _KAB_YYYYMM}) as {@code YYYY-MM}, if any (even month 13). */
    private static Optional<String> namedPeriod(String fileName) {
        Matcher nameParts = KABUPATEN_AND_MONTH.matcher(fileName);
        return nameParts.find() ? Optional.of(nameParts.group(2) + "-" + nameParts.group(3)) : Optional.empty();
    }

    /**
     * Whether an entry of the inbox is a delivery this period reads: a readable regular file with
     * a usable name, known to the catalogue, not named for another month. Only deliveries can
     * replace or duplicate each other, so a symbolic link or a file of another month never pushes
     * a good file aside.
     */
    private boolean isDelivery(Path entry, YearMonth period) {
        return Inbox.refusalOf(entry).isEmpty()
                && catalogue.sourceFor(entry).isPresent()
                && namedPeriod(entry.getFileName().toString())
                        .map(period.toString()::equals)
                        .orElse(true);
    }

    /**
     * A file's size and modification time before it is read: a file still being copied into the
     * inbox, or replaced while it is read, is refused rather than ingested half.
     */
    private record FileState(long size, FileTime modified) {
        static FileState of(Path file) {
            try {
                return new FileState(Files.size(file), Files.getLastModifiedTime(file));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file.getFileName(), e);
            }
        }

        void checkUnchanged(Path file) throws RosterFileRefusedException {
            String fileName = file.getFileName().toString();
            FileState after;
            try {
                after = of(file);
            } catch (UncheckedIOException e) {
                after = null;
            }
            if (!equals(after)) {
                throw new RosterFileRefusedException(
                        fileName,
                        "berkas berubah selama dibaca (masih disalin atau ditimpa?); jalankan lagi setelah berkas"
                                + " selesai disalin",
                        "the file changed while it was read (still being copied, or replaced?); run again once it"
                                + " is complete");
            }
        }
    }

    /** A check made once every record has been read, before the output is put in place. */
    @FunctionalInterface
    private interface AfterReading {
        void check() throws RosterFileRefusedException;
    }

    /**
     * Ingests a {@code JDBC} source of the catalogue: its table or query in another database, the
     * query's period placeholders bound to {@code period}. The manifest names it
     * {@code <source id>.jdbc}; its SHA-256 is that of the header and rows as read, and its size the
     * bytes of their values, so an unchanged table gives the same manifest checksum.
     */
    public FileManifest ingestJdbc(YearMonth period, SourceDefinition source) {
        requireNonNull(source, "source is null");
        if (!source.format().equals(SourceDefinition.JDBC)) {
            throw new IllegalArgumentException("Source " + source.id() + " is not a JDBC source");
        }
        String name = JdbcRecordReader.sourceName(source);
        try (JdbcRecordReader records = JdbcRecordReader.open(source, period)) {
            FileManifest written =
                    ingestRecords(period, source, name, null, null, 0, records, () -> {}, Optional.empty());
            // ingestRecords checksums the lake output when it has no source bytes: record the rows read instead
            FileManifest manifest = new FileManifest(
                    written.period(),
                    written.programCode(),
                    written.sourceFile(),
                    records.sha256(),
                    records.bytesRead(),
                    written.status(),
                    written.refusalReasonIndonesian(),
                    written.refusalReasonEnglish(),
                    written.rowsRead(),
                    written.rowsStaged(),
                    written.rowsRejected(),
                    written.ingestedAt());
            try (DuckDBConnection connection = DuckDb.inMemory(1)) {
                writeManifest(connection, manifest);
            }
            return manifest;
        } catch (RosterFileRefusedException e) {
            return refused(period, Optional.of(source.partition()), name, sha256Of(new byte[0]), 0, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the manifest of " + name, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close " + name, e);
        }
    }

    private FileManifest ingestRecords(
            YearMonth period,
            SourceDefinition source,
            String fileName,
            String kabupatenCode,
            String sha256,
            long size,
            RecordReader records,
            AfterReading afterReading,
            Optional<String> fingerprint)
            throws RosterFileRefusedException {
        String partition = source.partition();
        RowJudge judge = new RowJudge(
                source,
                period,
                fileName,
                kabupatenCode,
                records.header(),
                records.rawSeparator(),
                wilayah,
                regions,
                pseudonymizer);
        String lakeFile = lakeFileName(fileName);
        Path staged = source.isReference()
                ? dataDirectory.referencePartition(period, partition).resolve(lakeFile)
                : dataDirectory.stagedPartition(period, partition).resolve(lakeFile);
        Path rejected = dataDirectory.rejectedPartition(period, partition).resolve(lakeFile);
        TableContract stagedContract =
                source.isReference() ? LakeContracts.REFERENCE_ROW : LakeContracts.STAGED_ROSTER_ROW;
        String fileColumns = literal(period.toString()) + " AS period, " + literal(partition) + " AS program_code, "
                + literal(fileName) + " AS source_file";
        List<Path> written = new ArrayList<>();
        AtomicReference<IOException> failure = new AtomicReference<>();
        try (BufferAllocator allocator = new RootAllocator()) {
            RosterBatchReader reader =
                    new RosterBatchReader(allocator, records, judge, RosterBatchReader.DEFAULT_BATCH_ROWS);
            FileManifest manifest;
            // one thread: DuckDB takes a single Arrow stream on one thread anyway, and a second one
            // only costs CPU the judge threads need (measured: same wall time, 0.6 CPU-s less a month)
            try (DuckDBConnection connection = DuckDb.inMemory(1)) {
                // source order in, source order out: lake files are identical run after run
                execute(connection, "SET preserve_insertion_order = true");
                String stagedColumns =
                        stagedContract.selectList().replace("reference_type", "program_code AS reference_type");
                Path stagedTemporary;
                try (ArrowArrayStream stream = DuckDb.registerArrow(connection, "roster_rows", reader, allocator)) {
                    // staged rows go straight from the judge's Arrow stream to Parquet, never into a table
                    try {
                        stagedTemporary = LakeFiles.copyToTemporary(
                                connection,
                                "SELECT " + stagedColumns + " FROM (SELECT " + fileColumns + ", * FROM roster_rows)",
                                staged,
                                "");
                    } catch (SQLException e) {
                        // DuckDB tells only a message: the reader's own error says what went wrong
                        reader.failure().ifPresent(failure::set);
                        written.add(LakeFiles.temporaryOf(staged, "")); // a half-written file, if any
                        throw e;
                    }
                    written.add(stagedTemporary);
                }
                long rowsRead = reader.rowsRead();
                if (rowsRead == 0) {
                    throw new RosterFileRefusedException(
                            fileName,
                            "berkas tidak berisi baris data di bawah baris judul",
                            "the file has no data rows below the header");
                }
                Path rejectedTemporary;
                RejectedRowsReader rejectedRows = new RejectedRowsReader(allocator, reader.rejectedRows());
                try (ArrowArrayStream stream =
                        DuckDb.registerArrow(connection, "rejected_rows", rejectedRows, allocator)) {
                    rejectedTemporary = LakeFiles.copyToTemporary(
                            connection,
                            "SELECT " + LakeContracts.REJECTED_ROW.selectList() + " FROM (SELECT " + fileColumns
                                    + ", * FROM rejected_rows)",
                            rejected,
                            "");
                    written.add(rejectedTemporary);
                }
                afterReading.check();
                LakeFiles.checkContract(stagedTemporary, stagedContract, staged);
                LakeFiles.checkContract(rejectedTemporary, LakeContracts.REJECTED_ROW, rejected);
                String checksum = sha256 != null ? sha256 : sha256Of(stagedTemporary, rejectedTemporary);
                LakeFiles.moveIntoPlace(stagedTemporary, staged);
                LakeFiles.moveIntoPlace(rejectedTemporary, rejected);
                long rowsRejected = reader.rejectedRows().size();
                manifest = new FileManifest(
                        period.toString(),
                        Optional.of(partition),
                        fileName,
                        checksum,
                        size,
                        FileManifest.Status.INGESTED,
                        Optional.empty(),
                        Optional.empty(),
                        rowsRead,
                        rowsRead - rowsRejected,
                        rowsRejected,
                        Instant.now().truncatedTo(ChronoUnit.MICROS));
                writeManifest(connection, manifest, fingerprint);
            }
            log.info(
                    "Ingested {} ({}): {} rows read, {} staged, {} rejected",
                    fileName,
                    partition,
                    manifest.rowsRead(),
                    manifest.rowsStaged(),
                    manifest.rowsRejected());
            return manifest;
        } catch (SQLException e) {
            if (failure.get() != null) {
                if (failure.get() instanceof RefusedWhileReading refusal) {
                    throw refusal.refusal();
                }
                String reason = failure.get().getMessage();
                throw new RosterFileRefusedException(
                        fileName, "berkas tidak dapat dibaca: " + reason, "the file cannot be read: " + reason);
            }
            String reason = rootMessage(e);
            throw new RosterFileRefusedException(
                    fileName, "berkas tidak dapat dibaca: " + reason, "the file cannot be read: " + reason);
        } finally {
            for (Path temporary : written) {
                LakeFiles.deleteQuietly(temporary);
            }
        }
    }

    /** The name of a source's lake files: the name it goes by with {@code .parquet}. */
    static String lakeFileName(String sourceName) {
        return sourceName + ".parquet";
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? error.getMessage() : cause.getMessage();
        return message == null ? error.getClass().getSimpleName() : message;
    }

    private FileManifest setAside(
            YearMonth period,
            String partition,
            String fileName,
            String sha256,
            long size,
            DeliveryPlan.Decision decision) {
        String other = decision.otherFile().orElseThrow();
        boolean duplicate = decision.status() == DeliveryPlan.Status.DUPLICATE;
        log.info("Set aside {}: {} of {}", fileName, duplicate ? "duplicate" : "superseded by a later revision", other);
        deleteLakeOutput(period, fileName);
        FileManifest manifest = new FileManifest(
                period.toString(),
                Optional.of(partition),
                fileName,
                sha256,
                size,
                duplicate ? FileManifest.Status.DUPLICATE : FileManifest.Status.SUPERSEDED,
                Optional.of(
                        duplicate
                                ? "isi berkas sama persis dengan " + other + "; dihitung sekali, di sana"
                                : "diganti oleh revisi yang lebih baru " + other),
                Optional.of(
                        duplicate
                                ? "same bytes as " + other + "; counted once, there"
                                : "replaced by the later revision " + other),
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

    /**
     * Removes what an earlier run wrote for this file under any program or reference type of the
     * period, so a file that now adds no rows leaves none, and a file the catalogue now files under
     * another program is not counted under both.
     */
    private void deleteLakeOutput(YearMonth period, String fileName) {
        String lakeFile = lakeFileName(fileName);
        try {
            for (Path periodFolder : rowFolders(period)) {
                if (!Files.isDirectory(periodFolder)) {
                    continue;
                }
                try (Stream<Path> partitions = Files.list(periodFolder)) {
                    for (Path partition : partitions.toList()) {
                        Files.deleteIfExists(partition.resolve(lakeFile));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove earlier output of " + fileName, e);
        }
    }

    /** The period's folders of staged, rejected and reference rows, one subfolder per program or type. */
    private List<Path> rowFolders(YearMonth period) {
        return List.of(
                dataDirectory.staged().resolve("period=" + period),
                dataDirectory.rejected().resolve("period=" + period),
                dataDirectory.reference().resolve("period=" + period));
    }

    /**
     * Removes from the period's lake (manifests, staged, rejected and reference rows) every file that
     * none of the period's sources wrote, and any temporary file a stopped run left: a file taken out
     * of the inbox since an earlier run does not stay in the lake. The sources are the inbox's entries
     * (by {@link Inbox#shownName}) and the catalogue's JDBC sources.
     */
    public void keepOnly(YearMonth period, Collection<Path> inboxEntries, Collection<SourceDefinition> jdbcSources) {
        Set<String> kept = Stream.concat(
                        inboxEntries.stream()
                                .map(entry ->
                                        Inbox.shownName(entry.getFileName().toString())),
                        jdbcSources.stream().map(JdbcRecordReader::sourceName))
                .map(RosterIngest::lakeFileName)
                .collect(Collectors.toSet());
        try {
            List<Path> periodFolders = new ArrayList<>(rowFolders(period));
            periodFolders.add(dataDirectory.manifestPartition(period));
            for (Path periodFolder : periodFolders) {
                if (!Files.isDirectory(periodFolder)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(periodFolder)) {
                    for (Path lakeFile : files.filter(Files::isRegularFile).toList()) {
                        if (!kept.contains(lakeFile.getFileName().toString())) {
                            Files.delete(lakeFile);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot tidy the lake of " + period, e);
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
        deleteLakeOutput(period, fileName);
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
        writeManifest(connection, manifest, Optional.empty());
    }

    /**
     * Writes the manifest; an ingested file's carries the {@link IngestFingerprint} it was ingested
     * under, in the footer's key-value metadata, so the next run can tell whether to keep it.
     */
    private void writeManifest(DuckDBConnection connection, FileManifest manifest, Optional<String> fingerprint)
            throws SQLException {
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
                .resolve(lakeFileName(manifest.sourceFile()));
        LakeFiles.copyAtomically(
                connection,
                "SELECT * FROM manifest",
                LakeContracts.FILE_MANIFEST,
                target,
                fingerprint.map(value -> Map.of(IngestFingerprint.KEY, value)).orElse(Map.of()));
    }

    /**
     * The manifest of this file's last ingest when the file is unchanged since: the same bytes (SHA-256
     * and size) read under the same {@link IngestFingerprint}, and its staged (or reference) and
     * rejected files still in the lake with the rows the manifest counts. Its lake output is then
     * what reading the file again would write, and is kept.
     */
    private Optional<FileManifest> unchangedSinceLastIngest(
            YearMonth period, Path file, String sha256, long size, String fingerprint) {
        String fileName = file.getFileName().toString();
        String lakeFile = lakeFileName(fileName);
        Path manifestFile = dataDirectory.manifestPartition(period).resolve(lakeFile);
        if (!Files.isRegularFile(manifestFile)) {
            return Optional.empty();
        }
        try {
            if (!ParquetFooter.read(manifestFile)
                    .keyValue(IngestFingerprint.KEY)
                    .equals(Optional.of(fingerprint))) {
                log.info("Reading {} again: the code, catalogue or key changed since its last ingest", fileName);
                return Optional.empty();
            }
            FileManifest earlier = readManifest(manifestFile);
            if (earlier.status() != FileManifest.Status.INGESTED
                    || !earlier.period().equals(period.toString())
                    || !earlier.sourceFile().equals(fileName)
                    || !earlier.sha256().equals(sha256)
                    || earlier.sizeBytes() != size) {
                return Optional.empty();
            }
            Optional<SourceDefinition> source = catalogue.sourcesFor(file).stream()
                    .filter(candidate -> earlier.programCode().equals(Optional.of(candidate.partition())))
                    .findFirst();
            if (source.isEmpty()) {
                return Optional.empty();
            }
            String partition = source.get().partition();
            Path staged = source.get().isReference()
                    ? dataDirectory.referencePartition(period, partition).resolve(lakeFile)
                    : dataDirectory.stagedPartition(period, partition).resolve(lakeFile);
            Path rejected = dataDirectory.rejectedPartition(period, partition).resolve(lakeFile);
            if (!Files.isRegularFile(staged)
                    || !Files.isRegularFile(rejected)
                    || ParquetFooter.read(staged).rowCount() != earlier.rowsStaged()
                    || ParquetFooter.read(rejected).rowCount() != earlier.rowsRejected()) {
                log.info("Reading {} again: its lake files are missing or do not match its manifest", fileName);
                return Optional.empty();
            }
            log.info(
                    "Kept {} ({}) as ingested at {}: unchanged, {} rows read, {} staged, {} rejected",
                    fileName,
                    partition,
                    earlier.ingestedAt(),
                    earlier.rowsRead(),
                    earlier.rowsStaged(),
                    earlier.rowsRejected());
            return Optional.of(earlier);
        } catch (IOException | SQLException | RuntimeException e) {
            log.warn("Reading {} again: its earlier lake output cannot be checked ({})", fileName, e.toString());
            return Optional.empty();
        }
    }

    private static FileManifest readManifest(Path manifestFile) throws SQLException {
        try (DuckDBConnection connection = DuckDb.inMemory(1);
                PreparedStatement query = connection.prepareStatement("SELECT period, program_code, source_file,"
                        + " sha256, size_bytes, status, rows_read, rows_staged, rows_rejected, ingested_at"
                        + " FROM read_parquet(?)")) {
            query.setString(1, manifestFile.toString());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("empty manifest " + manifestFile.getFileName());
                }
                FileManifest manifest = new FileManifest(
                        row.getString("period"),
                        Optional.ofNullable(row.getString("program_code")),
                        row.getString("source_file"),
                        row.getString("sha256"),
                        row.getLong("size_bytes"),
                        FileManifest.Status.valueOf(row.getString("status")),
                        Optional.empty(),
                        Optional.empty(),
                        row.getLong("rows_read"),
                        row.getLong("rows_staged"),
                        row.getLong("rows_rejected"),
                        row.getTimestamp("ingested_at").toInstant());
                if (row.next()) {
                    throw new SQLException("more than one row in manifest " + manifestFile.getFileName());
                }
                return manifest;
            }
        }
    }

    /** Writes the query's rows as Parquet under a temporary name, checks them against the contract, renames. */
    private static String sha256Of(Path... files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
}
