package id.satupintu.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.privacy.Pseudonymizer;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterIngestTest {
    private static final YearMonth PERIOD = YearMonth.of(2026, 10);
    private static final String PKH_HEADER =
            "NO;NIK;NO KK;NAMA KPM;JENIS KELAMIN;TANGGAL LAHIR;ALAMAT;RT;RW;KODE WILAYAH;TAHAP;NOMINAL";

    @TempDir
    Path root;

    private RosterIngest ingest(DataDirectory data) {
        return new RosterIngest(
                data,
                SourceCatalogue.defaults(),
                WilayahTable.national(),
                new Pseudonymizer("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void stagesValidRowsAndRejectsEachBrokenRowWithItsRule() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path file = write(
                data.inbox(PERIOD).resolve("pkh_5108_202610.csv"),
                StandardCharsets.UTF_8,
                PKH_HEADER,
                "1;5108014503850002;5108011203100001;NI LUH ASTITI;P;05/03/1985;BANJAR DINAS KAJA;1;2;51.08.01.2001;2026-T4;750000",
                "2;5.10801E+15;5108011203100002;I WAYAN SUDIARTA;L;01/01/1980;BANJAR DINAS KAJA;001;002;51.08.01.2001;2026-T4;750000",
                "3;510801010180000;5108011203100003;I MADE ARTAWAN;L;01/01/1980;BANJAR;001;002;51.08.01.2001;2026-T4;750000",
                "4;5108013213800001;5108011203100004;NI KADEK SRIANI;P;01/01/1980;BANJAR;001;002;51.08.01.2001;2026-T4;750000",
                "5;5108010101800001;5108011203100005;I NYOMAN ARTA;L;01/01/1980;BANJAR;001;002;99.99.99.9999;2026-T4;750000",
                "6;5108010202800001;5108011203100006;  ;L;02/02/1980;BANJAR;001;002;51.08.01.2001;2026-T4;750000",
                "7;5108010303800001;5108011203100007;I KETUT  BUDI;L;03/03/1980;BANJAR;001;002;5108012001;2026-T4;Rp 750.000");

        FileManifest manifest = ingest(data).ingest(PERIOD, file);

        assertThat(manifest.status()).isEqualTo(FileManifest.Status.INGESTED);
        assertThat(manifest.programCode()).contains("PKH");
        assertThat(manifest.rowsRead()).isEqualTo(7);
        assertThat(manifest.rowsStaged()).isEqualTo(2);
        assertThat(manifest.rowsRejected()).isEqualTo(5);
        assertThat(manifest.sha256()).hasSize(64);
        // the file's reading and judging threads end with it: a scheduler running for months must not
        // gather them
        assertThat(Thread.getAllStackTraces().keySet().stream()
                        .filter(Thread::isAlive)
                        .map(Thread::getName)
                        .filter(name -> name.startsWith("ingest-judge-") || name.startsWith("ingest-read-")))
                .isEmpty();

        try (Connection duckdb = DuckDb.inMemory(1)) {
            Path staged = data.stagedPartition(PERIOD, "PKH").resolve("pkh_5108_202610.csv.parquet");
            assertThat(rows(
                            duckdb,
                            "SELECT source_row, nik, nama, nama_normalized, sex, CAST(birth_date AS VARCHAR), kode_desa, rt,"
                                    + " rw, benefit_rupiah, length(person_key) FROM read_parquet("
                                    + DuckDb.literal(staged) + ") ORDER BY source_row"))
                    .containsExactly(
                            "2|5108014503850002|NI LUH ASTITI|NI LUH ASTITI|P|1985-03-05|51.08.01.2001|001|002|750000|20",
                            "8|5108010303800001|I KETUT  BUDI|I KETUT BUDI|L|1980-03-03|51.08.01.2001|001|002|750000|20");
            Path rejected = data.rejectedPartition(PERIOD, "PKH").resolve("pkh_5108_202610.csv.parquet");
            assertThat(rows(
                            duckdb,
                            "SELECT source_row, rule_id FROM read_parquet(" + DuckDb.literal(rejected)
                                    + ") ORDER BY source_row"))
                    .containsExactly(
                            "3|NIK_SCIENTIFIC",
                            "4|NIK_LENGTH",
                            "5|NIK_BIRTH_DATE",
                            "6|WILAYAH_UNKNOWN",
                            "7|NAMA_MISSING");
            Path manifestFile = data.manifestPartition(PERIOD).resolve("pkh_5108_202610.csv.parquet");
            assertThat(rows(
                            duckdb,
                            "SELECT program_code, status, rows_read, rows_staged, rows_rejected FROM read_parquet("
                                    + DuckDb.literal(manifestFile) + ")"))
                    .containsExactly("PKH|INGESTED|7|2|5");
        }
    }

    @Test
    void readsWindows1252RosterWithItsOwnHeaderNames() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path file = write(
                data.inbox(PERIOD).resolve("blt_dd_5108_202610.csv"),
                Charset.forName("windows-1252"),
                "NIK;NOMOR KK;NAMA;L/P;TGL LAHIR;DUSUN;KODE DESA;BULAN;JUMLAH",
                "5108014503850002;5108011203100001;NI LUH ASTITI;P;05-03-1985;DUSUN KRAJAN \u00e9;51.08.01.2001;2026-10;300000");

        FileManifest manifest = ingest(data).ingest(PERIOD, file);

        assertThat(manifest.rowsStaged()).isEqualTo(1);
        try (Connection duckdb = DuckDb.inMemory(1)) {
            Path staged = data.stagedPartition(PERIOD, "BLT_DD").resolve("blt_dd_5108_202610.csv.parquet");
            assertThat(rows(
                            duckdb,
                            "SELECT program_code, alamat, CAST(birth_date AS VARCHAR), benefit_rupiah FROM read_parquet("
                                    + DuckDb.literal(staged) + ")"))
                    .containsExactly("BLT_DD|DUSUN KRAJAN \u00e9|1985-03-05|300000");
        }
    }

    @Test
    void refusesFileWithoutRequiredColumnsAndSaysWhich() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path file = write(
                data.inbox(PERIOD).resolve("pkh_5108_202610.csv"),
                StandardCharsets.UTF_8,
                "NO;NAMA KPM;ALAMAT",
                "1;NI LUH ASTITI;BANJAR");

        FileManifest manifest = ingest(data).ingest(PERIOD, file);

        assertThat(manifest.status()).isEqualTo(FileManifest.Status.REFUSED);
        assertThat(manifest.rowsRead()).isZero();
        assertThat(manifest.refusalReasonEnglish())
                .isEqualTo(
                        Optional.of(
                                "required columns not found in the header row: [kode_desa [KODE WILAYAH, KODE DESA], nik [NIK]]"));
        assertThat(Files.exists(data.stagedPartition(PERIOD, "PKH"))).isFalse();
    }

    @Test
    void refusesFileThatMatchesNoSource() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path file = write(data.inbox(PERIOD).resolve("daftar_lain.csv"), StandardCharsets.UTF_8, "NIK", "1");

        FileManifest manifest = ingest(data).ingest(PERIOD, file);

        assertThat(manifest.status()).isEqualTo(FileManifest.Status.REFUSED);
        assertThat(manifest.programCode()).isEmpty();
        assertThat(manifest.refusalReasonIndonesian())
                .contains("nama berkas tidak cocok dengan sumber mana pun di katalog sumber");
    }

    private static Path write(Path file, Charset charset, String... lines) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, List.of(lines), charset);
        return file;
    }

    private static List<String> rows(Connection connection, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(result.getObject(i)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}
