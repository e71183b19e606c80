package id.satupintu.pipeline.ingest;

import static id.satupintu.pipeline.ingest.LakeQueries.parquet;
import static id.satupintu.pipeline.ingest.LakeQueries.rows;
import static id.satupintu.pipeline.ingest.LakeQueries.write;
import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.pipeline.lake.DataDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file delivered twice counts once, a revision replaces its original, and a re-run changes nothing. */
class DeliveryAndIdempotenceTest {
    static final YearMonth PERIOD = YearMonth.of(2026, 10);
    static final String HEADER = "NOKA_JKN,NIK,NO_KK,NAMA,JNS_KEL,TGL_LAHIR,KODE_DESA,RT,RW,DESIL";
    static final String ROW_1 =
            "0001234567890,5108014503850002,5108011203100001,NI LUH ASTITI,2,1985-03-05,5108012001,001,002,3";
    static final String ROW_2 =
            "0001234567891,5108014604850003,5108011203100002,NI MADE SARI,2,1985-04-06,5108012001,001,002,3";
    static final String ROW_BAD =
            "0001234567892,51080146048500,5108011203100002,NI MADE SARI,2,1985-04-06,5108012001,001,002,3";

    @TempDir
    Path root;

    @Test
    void countsTheSameBytesDeliveredTwiceOnce() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path first = write(data.inbox(PERIOD).resolve("pbi_jk_5108_202610.csv"), StandardCharsets.UTF_8, HEADER, ROW_1);
        Path copy = write(
                data.inbox(PERIOD).resolve("pbi_jk_5108_202610_salinan.csv"), StandardCharsets.UTF_8, HEADER, ROW_1);
        RosterIngest ingest = LakeQueries.ingest(data, SourceCatalogue.defaults());

        FileManifest kept = ingest.ingest(PERIOD, first);
        FileManifest duplicate = ingest.ingest(PERIOD, copy);

        assertThat(List.of(kept.status(), duplicate.status()))
                .containsExactly(FileManifest.Status.INGESTED, FileManifest.Status.DUPLICATE);
        assertThat(duplicate.sha256()).isEqualTo(kept.sha256());
        assertThat(duplicate.refusalReasonEnglish())
                .contains("same bytes as pbi_jk_5108_202610.csv; counted once, there");
        assertThat(List.of(duplicate.rowsRead(), duplicate.rowsStaged(), duplicate.rowsRejected()))
                .containsExactly(0L, 0L, 0L);
        assertThat(rows("SELECT count(*) FROM read_parquet("
                        + id.satupintu.pipeline.duckdb.DuckDb.literal(
                                data.staged().resolve("**").resolve("*.parquet"))
                        + ")"))
                .containsExactly("1");
    }

    @Test
    void replacesAFileWithItsLaterRevisionAndRemovesWhatTheOriginalStaged() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path original =
                write(data.inbox(PERIOD).resolve("pbi_jk_5108_202610.csv"), StandardCharsets.UTF_8, HEADER, ROW_1);
        RosterIngest ingest = LakeQueries.ingest(data, SourceCatalogue.defaults());
        assertThat(ingest.ingest(PERIOD, original).status()).isEqualTo(FileManifest.Status.INGESTED);
        Path revision = write(
                data.inbox(PERIOD).resolve("pbi_jk_5108_202610_rev2.csv"),
                StandardCharsets.UTF_8,
                HEADER,
                ROW_1,
                ROW_2);

        FileManifest superseded = ingest.ingest(PERIOD, original);
        FileManifest replacement = ingest.ingest(PERIOD, revision);

        assertThat(superseded.status()).isEqualTo(FileManifest.Status.SUPERSEDED);
        assertThat(superseded.refusalReasonIndonesian())
                .contains("diganti oleh revisi yang lebih baru pbi_jk_5108_202610_rev2.csv");
        assertThat(replacement.rowsStaged()).isEqualTo(2);
        assertThat(Files.exists(data.stagedPartition(PERIOD, "PBI_JK").resolve("pbi_jk_5108_202610.csv.parquet")))
                .isFalse();
    }

    @Test
    void namesDeliveriesByTheirRevisionMarker() {
        assertThat(List.of(
                        DeliveryPlan.deliveryKey(Path.of("pkh_5108_202610_rev2.csv")),
                        DeliveryPlan.deliveryKey(Path.of("PKH_5108_202610-revisi1.CSV")),
                        DeliveryPlan.deliveryKey(Path.of("pkh_5108_202610 (3).csv")),
                        DeliveryPlan.deliveryKey(Path.of("pkh_5108_202610.csv"))))
                .containsExactly(
                        "pkh_5108_202610.csv", "pkh_5108_202610.csv", "pkh_5108_202610.csv", "pkh_5108_202610.csv");
        assertThat(List.of(
                        DeliveryPlan.revision(Path.of("pkh_5108_202610_rev2.csv")),
                        DeliveryPlan.revision(Path.of("pkh_5108_202610_perbaikan_4.csv")),
                        DeliveryPlan.revision(Path.of("pkh_5108_202610 (3).csv")),
                        DeliveryPlan.revision(Path.of("pkh_5108_202610.csv"))))
                .containsExactly(2, 4, 3, 0);
    }

    @Test
    void reingestingGivesByteIdenticalLakeFilesAndReconcilingCounts() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path file = write(
                data.inbox(PERIOD).resolve("pbi_jk_5108_202610.csv"),
                StandardCharsets.UTF_8,
                HEADER,
                ROW_1,
                ROW_BAD,
                ROW_2);
        RosterIngest ingest = LakeQueries.ingest(data, SourceCatalogue.defaults());
        Path staged = data.stagedPartition(PERIOD, "PBI_JK").resolve("pbi_jk_5108_202610.csv.parquet");
        Path rejected = data.rejectedPartition(PERIOD, "PBI_JK").resolve("pbi_jk_5108_202610.csv.parquet");

        FileManifest first = ingest.ingest(PERIOD, file);
        byte[] stagedBytes = Files.readAllBytes(staged);
        byte[] rejectedBytes = Files.readAllBytes(rejected);
        // without its manifest the file is read again (IncrementalIngestTest: with it, it is kept)
        Files.delete(data.manifestPartition(PERIOD).resolve("pbi_jk_5108_202610.csv.parquet"));
        FileManifest second = ingest.ingest(PERIOD, file);

        assertThat(second.ingestedAt()).isAfter(first.ingestedAt());
        assertThat(Files.readAllBytes(staged)).isEqualTo(stagedBytes);
        assertThat(Files.readAllBytes(rejected)).isEqualTo(rejectedBytes);
        assertThat(List.of(second.rowsRead(), second.rowsStaged(), second.rowsRejected()))
                .containsExactly(3L, 2L, 1L)
                .isEqualTo(List.of(first.rowsRead(), first.rowsStaged(), first.rowsRejected()));
        assertThat(rows("SELECT (SELECT count(*) FROM " + parquet(staged) + ") + (SELECT count(*) FROM "
                        + parquet(rejected) + ")"))
                .containsExactly("3");
    }
}
