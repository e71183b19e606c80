package id.satupintu.pipeline.ingest;

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

/** Whole-file problems refuse that file with a message naming the problem; the other files go on. */
class FileRefusalsTest {
    private static final YearMonth PERIOD = YearMonth.of(2026, 10);
    private static final String PBI_HEADER = "NOKA_JKN,NIK,NO_KK,NAMA,JNS_KEL,TGL_LAHIR,KODE_DESA,RT,RW,DESIL";
    private static final String PBI_ROW =
            "0001234567890,5108014503850002,5108011203100001,NI LUH ASTITI,2,1985-03-05,5108012001,001,002,3";

    @TempDir
    Path root;

    private FileManifest ingest(DataDirectory data, Path file) {
        return LakeQueries.ingest(data, SourceCatalogue.defaults()).ingest(PERIOD, file);
    }

    private static List<String> outcome(FileManifest manifest) {
        return List.of(
                manifest.status().name(),
                manifest.refusalReasonIndonesian().orElse("-"),
                manifest.refusalReasonEnglish().orElse("-"),
                manifest.rowsRead() + "/" + manifest.rowsStaged() + "/" + manifest.rowsRejected());
    }

    @Test
    void refusesFileOfAnotherPeriod() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path file = write(
                data.inbox(PERIOD).resolve("pbi_jk_5108_202609.csv"), StandardCharsets.UTF_8, PBI_HEADER, PBI_ROW);

        assertThat(outcome(ingest(data, file)))
                .containsExactly(
                        "REFUSED",
                        "periode berkas 2026-09 bukan periode yang diproses 2026-10",
                        "the file is for 2026-09, not for the period being ingested 2026-10",
                        "0/0/0");
    }

    @Test
    void refusesEmptyFileAndFileWithOnlyItsHeader() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path empty = data.inbox(PERIOD).resolve("pbi_jk_5108_202610.csv");
        Files.createDirectories(empty.getParent());
        Files.write(empty, new byte[0]);
        Path headerOnly = write(
                data.inbox(PERIOD).resolve("pkh_5108_202610.csv"),
                StandardCharsets.UTF_8,
                "NO;NIK;NO KK;NAMA KPM;"
                        + "JENIS KELAMIN;TANGGAL LAHIR;ALAMAT;RT;RW;KODE WILAYAH;TAHAP;KOMPONEN;NOMINAL");

        assertThat(outcome(ingest(data, empty)))
                .containsExactly(
                        "REFUSED", "berkas kosong, tidak ada baris judul", "empty file, no header row", "0/0/0");
        assertThat(outcome(ingest(data, headerOnly)))
                .containsExactly(
                        "REFUSED",
                        "berkas tidak berisi baris data di bawah baris judul",
                        "the file has no data rows below the header",
                        "0/0/0");
    }

    @Test
    void refusesCorruptWorkbookAndNamesTheProblem() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path file = data.inbox(PERIOD).resolve("blt_dd_5108_202610.xlsx");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "this is not a zip archive", StandardCharsets.US_ASCII);

        FileManifest manifest = ingest(data, file);

        assertThat(manifest.status()).isEqualTo(FileManifest.Status.REFUSED);
        assertThat(manifest.refusalReasonEnglish().orElseThrow()).startsWith("the XLSX file is corrupt or not XLSX: ");
        assertThat(manifest.refusalReasonIndonesian().orElseThrow()).startsWith("berkas XLSX rusak atau bukan XLSX: ");
    }

    @Test
    void refusesHeaderWithAnotherColumnCountThanTheLayoutStates() throws Exception {
        DataDirectory data = new DataDirectory(root);
        SourceCatalogue catalogue = LakeQueries.catalogue(root, """
                {"sources": [{"id": "pbi", "program": "PBI_JK", "filePattern": "pbi_jk_*.csv", "columnCount": 10,
                  "columns": {"nik": ["NIK"], "nama": ["NAMA"], "kode_desa": ["KODE_DESA"]}}]}
                """);
        Path file = write(
                data.inbox(PERIOD).resolve("pbi_jk_5108_202610.csv"),
                StandardCharsets.UTF_8,
                "NIK,NAMA,KODE_DESA",
                "5108014503850002,NI LUH ASTITI,5108012001");

        FileManifest manifest = LakeQueries.ingest(data, catalogue).ingest(PERIOD, file);

        assertThat(outcome(manifest))
                .containsExactly(
                        "REFUSED",
                        "jumlah kolom baris judul 3, seharusnya 10",
                        "the header has 3 columns, the layout has 10",
                        "0/0/0");
    }

    @Test
    void refusesBinaryFileCarryingACsvNameWithoutStagingAnything() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path file = data.inbox(PERIOD).resolve("pbi_jk_5108_202610.csv");
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(file, bytes);

        FileManifest manifest = ingest(data, file);

        assertThat(manifest.status()).isEqualTo(FileManifest.Status.REFUSED);
        assertThat(manifest.refusalReasonEnglish().orElseThrow()).startsWith("the file is not text: ");
        assertThat(Files.exists(data.stagedPartition(PERIOD, "PBI_JK"))).isFalse();
    }

    @Test
    void keepsAnUnterminatedQuoteToTheRowItBreaks() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path file = write(
                data.inbox(PERIOD).resolve("pbi_jk_5108_202610.csv"),
                StandardCharsets.UTF_8,
                PBI_HEADER,
                PBI_ROW,
                "0001234567891,\"5108014604850003,5108011203100002,NI MADE SARI,2,1985-04-06,5108012001,001,002,3");

        FileManifest manifest = ingest(data, file);

        assertThat(outcome(manifest)).containsExactly("INGESTED", "-", "-", "2/1/1");
        assertThat(LakeQueries.rows("SELECT source_row, rule_id FROM "
                        + LakeQueries.parquet(
                                data.rejectedPartition(PERIOD, "PBI_JK").resolve("pbi_jk_5108_202610.csv.parquet"))))
                .containsExactly("3|ROW_FIELD_COUNT");
    }

    @Test
    void refusingOneFileLeavesTheOthersIngested() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path good = write(
                data.inbox(PERIOD).resolve("pbi_jk_5108_202610.csv"), StandardCharsets.UTF_8, PBI_HEADER, PBI_ROW);
        Path bad =
                write(data.inbox(PERIOD).resolve("pkh_5108_202610.csv"), StandardCharsets.UTF_8, "NO;NAMA KPM", "1;X");
        RosterIngest ingest = LakeQueries.ingest(data, SourceCatalogue.defaults());

        assertThat(List.of(
                        ingest.ingest(PERIOD, bad).status(),
                        ingest.ingest(PERIOD, good).status()))
                .containsExactly(FileManifest.Status.REFUSED, FileManifest.Status.INGESTED);
    }
}
