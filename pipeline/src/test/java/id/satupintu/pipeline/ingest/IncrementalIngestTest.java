package id.satupintu.pipeline.ingest;

import static id.satupintu.pipeline.ingest.LakeQueries.parquet;
import static id.satupintu.pipeline.ingest.LakeQueries.rows;
import static id.satupintu.pipeline.ingest.LakeQueries.write;
import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.lake.ParquetFooter;
import id.satupintu.pipeline.privacy.Pseudonymizer;
import id.satupintu.schemas.contract.TableContract;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file unchanged since its last ingest (same bytes, same code, catalogue and key) is kept in the
 * lake as it is; any change, or a lake file gone missing, makes it read again; files taken out of
 * the inbox leave the lake.
 */
class IncrementalIngestTest {
    private static final YearMonth PERIOD = DeliveryAndIdempotenceTest.PERIOD;
    private static final String PBI = "pbi_jk_5108_202610.csv";
    private static final String HEADER = DeliveryAndIdempotenceTest.HEADER;
    private static final String ROW_1 = DeliveryAndIdempotenceTest.ROW_1;
    private static final String ROW_2 = DeliveryAndIdempotenceTest.ROW_2;
    private static final String ROW_BAD = DeliveryAndIdempotenceTest.ROW_BAD;
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    @TempDir
    Path root;

    @Test
    void keepsAFileUnchangedSinceItsLastIngestWithoutWritingAnything() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path file = write(data.inbox(PERIOD).resolve(PBI), StandardCharsets.UTF_8, HEADER, ROW_1, ROW_BAD, ROW_2);
        RosterIngest ingest = LakeQueries.ingest(data, SourceCatalogue.defaults());
        FileManifest first = ingest.ingest(PERIOD, file);
        List<Path> lakeFiles = lakeFiles(data);
        for (Path lakeFile : lakeFiles) {
            Files.setLastModifiedTime(lakeFile, LONG_AGO);
        }

        FileManifest second = ingest.ingest(PERIOD, file);

        assertThat(second).isEqualTo(first);
        assertThat(List.of(second.rowsRead(), second.rowsStaged(), second.rowsRejected()))
                .containsExactly(3L, 2L, 1L);
        assertThat(lakeFiles(data)).isEqualTo(lakeFiles).hasSize(3);
        for (Path lakeFile : lakeFiles) {
            assertThat(Files.getLastModifiedTime(lakeFile))
                    .as("%s rewritten", lakeFile)
                    .isEqualTo(LONG_AGO);
        }
        assertThat(ParquetFooter.read(manifest(data, PBI)).keyValue(IngestFingerprint.KEY))
                .contains(IngestFingerprint.of(
                        SourceCatalogue.defaults().sourcesFor(file), LakeQueries.PSEUDONYMIZER.keyId()));
    }

    @Test
    void readsAFileAgainWhenItsBytesChangeUnderTheSameName() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path file = write(data.inbox(PERIOD).resolve(PBI), StandardCharsets.UTF_8, HEADER, ROW_1, ROW_BAD);
        RosterIngest ingest = LakeQueries.ingest(data, SourceCatalogue.defaults());
        FileManifest first = ingest.ingest(PERIOD, file);
        write(file, StandardCharsets.UTF_8, HEADER, ROW_1, ROW_2);

        FileManifest second = ingest.ingest(PERIOD, file);

        assertThat(second.sha256()).isNotEqualTo(first.sha256());
        assertThat(List.of(second.rowsRead(), second.rowsStaged(), second.rowsRejected()))
                .containsExactly(2L, 2L, 0L);
        assertThat(rows("SELECT count(*) FROM " + parquet(staged(data, PBI)) + " UNION ALL SELECT count(*) FROM "
                        + parquet(data.rejectedPartition(PERIOD, "PBI_JK").resolve(PBI + ".parquet"))))
                .containsExactly("2", "0");
    }

    @Test
    void readsAFileAgainWhenItsLakeFilesAreGoneOrDoNotMatchItsManifest() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path file = write(data.inbox(PERIOD).resolve(PBI), StandardCharsets.UTF_8, HEADER, ROW_1, ROW_BAD, ROW_2);
        RosterIngest ingest = LakeQueries.ingest(data, SourceCatalogue.defaults());
        FileManifest first = ingest.ingest(PERIOD, file);
        byte[] staged = Files.readAllBytes(staged(data, PBI));

        Files.delete(staged(data, PBI));
        FileManifest afterDeletion = ingest.ingest(PERIOD, file);
        // a staged file of another ingest (one row) in its place
        Path other = write(
                data.inbox(YearMonth.of(2026, 11)).resolve("pbi_jk_5108_202611.csv"),
                StandardCharsets.UTF_8,
                HEADER,
                ROW_1);
        ingest.ingest(YearMonth.of(2026, 11), other);
        Files.copy(
                data.stagedPartition(YearMonth.of(2026, 11), "PBI_JK").resolve("pbi_jk_5108_202611.csv.parquet"),
                staged(data, PBI),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        FileManifest afterSwap = ingest.ingest(PERIOD, file);

        assertThat(List.of(afterDeletion.ingestedAt(), afterSwap.ingestedAt())).allMatch(first.ingestedAt()::isBefore);
        assertThat(afterSwap.ingestedAt()).isAfter(afterDeletion.ingestedAt());
        assertThat(Files.readAllBytes(staged(data, PBI))).isEqualTo(staged);
        assertThat(afterSwap.rowsStaged()).isEqualTo(2);
    }

    @Test
    void readsAFileAgainUnderAnotherPseudonymizationKeyOrCatalogue() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path file = write(data.inbox(PERIOD).resolve(PBI), StandardCharsets.UTF_8, HEADER, ROW_1, ROW_2);
        FileManifest first =
                LakeQueries.ingest(data, SourceCatalogue.defaults()).ingest(PERIOD, file);
        List<String> keysBefore = rows("SELECT person_key FROM " + parquet(staged(data, PBI)) + " ORDER BY source_row");
        Pseudonymizer otherKey =
                new Pseudonymizer("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));

        FileManifest underOtherKey = new RosterIngest(
                        data, SourceCatalogue.defaults(), WilayahTable.national(), otherKey)
                .ingest(PERIOD, file);
        List<String> keysAfter = rows("SELECT person_key FROM " + parquet(staged(data, PBI)) + " ORDER BY source_row");
        // the same key and catalogue again, but a catalogue entry of the deployment now reads PBI-JK files too
        SourceCatalogue widened = SourceCatalogue.defaults().withEntriesOf(LakeQueries.catalogue(root, """
                        {"sources": [{"id": "bansos_kabupaten", "kind": "ROSTER", "program": "BANSOS_DAERAH",
                          "filePattern": "pbi_jk_*_rekap.csv", "format": "CSV",
                          "columns": {"nik": ["NIK"], "nama": ["NAMA"], "kode_desa": ["KODE_DESA"]}}]}
                        """));
        FileManifest sameAgain =
                LakeQueries.ingest(data, SourceCatalogue.defaults()).ingest(PERIOD, file);
        FileManifest kept = LakeQueries.ingest(data, SourceCatalogue.defaults()).ingest(PERIOD, file);

        assertThat(underOtherKey.ingestedAt()).isAfter(first.ingestedAt());
        assertThat(keysAfter).hasSize(2).doesNotContainAnyElementsOf(keysBefore);
        assertThat(sameAgain.ingestedAt()).isAfter(underOtherKey.ingestedAt());
        assertThat(kept.ingestedAt()).isEqualTo(sameAgain.ingestedAt());
        assertThat(IngestFingerprint.of(widened.sourcesFor(file), LakeQueries.PSEUDONYMIZER.keyId()))
                .isEqualTo(IngestFingerprint.of(
                        SourceCatalogue.defaults().sourcesFor(file), LakeQueries.PSEUDONYMIZER.keyId()));
        assertThat(IngestFingerprint.of(SourceCatalogue.defaults().sourcesFor(Path.of("pkh_5108_202610.csv")), "k"))
                .isNotEqualTo(IngestFingerprint.of(SourceCatalogue.defaults().sourcesFor(file), "k"));
    }

    @Test
    void removesWhatFilesTakenOutOfTheInboxWroteAndKeepsTheRest() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path pbi = write(data.inbox(PERIOD).resolve(PBI), StandardCharsets.UTF_8, HEADER, ROW_1, ROW_BAD);
        Path withdrawn = write(
                data.inbox(PERIOD).resolve("pbi_jk_5108_202610_susulan.csv"), StandardCharsets.UTF_8, HEADER, ROW_2);
        RosterIngest ingest = LakeQueries.ingest(data, SourceCatalogue.defaults());
        ingest.ingest(PERIOD, pbi);
        ingest.ingest(PERIOD, withdrawn);
        Path leftover = data.stagedPartition(PERIOD, "PBI_JK").resolve(".pbi_jk_5108_202610.csv.parquet.tmp");
        Files.writeString(leftover, "half a file");
        List<Path> pbiFiles = lakeFiles(data).stream()
                .filter(lakeFile -> lakeFile.getFileName().toString().equals(PBI + ".parquet"))
                .toList();
        Files.delete(withdrawn);

        ingest.keepOnly(PERIOD, List.of(pbi), List.of());

        assertThat(lakeFiles(data)).isEqualTo(pbiFiles).hasSize(3);
    }

    @Test
    void identifiesTheCodeTheSameWayEachTimeAndEachModuleApart() {
        String both = IngestFingerprint.codeIdentity(List.of(RosterIngest.class, TableContract.class));

        assertThat(IngestFingerprint.codeIdentity(List.of(RosterIngest.class, TableContract.class)))
                .isEqualTo(both)
                .hasSize(64);
        assertThat(IngestFingerprint.codeIdentity(List.of(RosterIngest.class))).isNotEqualTo(both);
    }

    @Test
    void aChangedClassChangesTheCodeIdentityAndAChangedSqlFileDoesNot() throws Exception {
        Path classes = Files.createDirectories(root.resolve("classes/id/satupintu"));
        Files.write(classes.resolve("Rule.class"), new byte[] {1, 2, 3});
        Files.writeString(classes.resolve("model.sql"), "SELECT 1");
        Path jar = root.resolve("pipeline.jar");
        writeJar(jar, new byte[] {1, 2, 3}, "SELECT 1");
        List<URL> locations =
                List.of(root.resolve("classes").toUri().toURL(), jar.toUri().toURL());
        String before = IngestFingerprint.codeIdentityAt(locations);

        Files.writeString(classes.resolve("model.sql"), "SELECT 2");
        writeJar(jar, new byte[] {1, 2, 3}, "SELECT 2");
        assertThat(IngestFingerprint.codeIdentityAt(locations)).isEqualTo(before);

        Files.write(classes.resolve("Rule.class"), new byte[] {1, 2, 4});
        String classChanged = IngestFingerprint.codeIdentityAt(locations);
        assertThat(classChanged).isNotEqualTo(before);

        writeJar(jar, new byte[] {1, 2, 5}, "SELECT 2");
        assertThat(IngestFingerprint.codeIdentityAt(locations)).isNotEqualTo(classChanged);
    }

    @Test
    void describesACatalogueEntryWithItsColumnsInNameOrder() {
        SourceDefinition pbi =
                SourceCatalogue.defaults().sourcesFor(Path.of(PBI)).get(0);
        String canonical = IngestFingerprint.canonical(pbi);

        // an immutable map iterates in an order that changes from one JVM to the next
        assertThat(canonical)
                .startsWith("id=" + pbi.id() + "\u001f")
                .contains("\u001fcolumns=" + new java.util.TreeMap<>(pbi.columns()) + "\u001f")
                .contains("nik=[");
    }

    private static void writeJar(Path jar, byte[] rule, String model) throws Exception {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("id/satupintu/Rule.class"));
            out.write(rule);
            out.closeEntry();
            out.putNextEntry(new JarEntry("id/satupintu/model.sql"));
            out.write(model.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }

    private static Path staged(DataDirectory data, String file) {
        return data.stagedPartition(PERIOD, "PBI_JK").resolve(file + ".parquet");
    }

    private static Path manifest(DataDirectory data, String file) {
        return data.manifestPartition(PERIOD).resolve(file + ".parquet");
    }

    /** Every file under the lake, sorted. */
    private static List<Path> lakeFiles(DataDirectory data) throws Exception {
        try (Stream<Path> files = Files.walk(data.lake())) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
