package id.satupintu.pipeline.ingest;

import static id.satupintu.pipeline.ingest.LakeQueries.parquet;
import static id.satupintu.pipeline.ingest.LakeQueries.rows;
import static id.satupintu.pipeline.ingest.LakeQueries.write;
import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.pipeline.lake.DataDirectory;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default catalogue reads every layout of docs/roster-layouts.md, one small real file each. */
class DefaultLayoutsTest {
    private static final YearMonth PERIOD = YearMonth.of(2026, 10);

    @TempDir
    Path root;

    private FileManifest ingest(DataDirectory data, Path file) {
        return LakeQueries.ingest(data, SourceCatalogue.defaults()).ingest(PERIOD, file);
    }

    @Test
    void readsPkhCsvWithByteOrderMarkSemicolonsAndCrlf() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path file = data.inbox(PERIOD).resolve("pkh_5108_202610.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(
                file,
                "\uFEFFNO;NIK;NO KK;NAMA KPM;JENIS KELAMIN;TANGGAL LAHIR;ALAMAT;RT;RW;KODE WILAYAH;TAHAP;KOMPONEN;NOMINAL\r\n"
                        + "1;5108014503850002;5108011203100001;NI LUH ASTITI;P;05/03/1985;BANJAR DINAS KAJA;001;002;"
                        + "51.08.01.2001;2026-T4;\"BALITA 1, SD 2\";1350000\r\n",
                StandardCharsets.UTF_8);

        FileManifest manifest = ingest(data, file);

        assertThat(manifest.rowsStaged()).isEqualTo(1);
        assertThat(rows("SELECT source_row, nik, nama, sex, CAST(birth_date AS VARCHAR), kode_desa, benefit_rupiah"
                        + " FROM "
                        + parquet(data.stagedPartition(PERIOD, "PKH").resolve(file.getFileName() + ".parquet"))))
                .containsExactly("2|5108014503850002|NI LUH ASTITI|P|1985-03-05|51.08.01.2001|1350000");
    }

    @Test
    void bridgesBpntBpsCodesToKemendagriAndPadsLostZeros() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path file = write(
                data.inbox(PERIOD).resolve("bpnt_5108_202610.csv"),
                StandardCharsets.UTF_8,
                "IDARTBDT,KDPROP,KDKAB,KDKEC,KDDESA,NAMA_PENERIMA,NIK,NOKK,JNSKEL,TGL_LAHIR,ALAMAT,RT,RW,BULAN,NILAI_BANTUAN",
                "ART51080100001234,51,08,010,001,NI LUH ASTITI,5108014503850002,5108011203100001,2,1985-03-05,BANJAR,1,2,2026-10,200000",
                "ART51080100001235,51,8,10,1,NI MADE SARI,5108014604850003,5108011203100002,2,1985-04-06,BANJAR,1,2,2026-10,200000",
                "ART51080100001236,51,08,990,001,NI KADEK AYU,5108014705850004,5108011203100003,2,1985-05-07,BANJAR,1,2,2026-10,200000");

        FileManifest manifest = ingest(data, file);

        assertThat(manifest.rowsRead()).isEqualTo(3);
        assertThat(rows("SELECT source_row, kode_desa, wilayah_as_written, source_record_id, rt, sex FROM "
                        + parquet(data.stagedPartition(PERIOD, "BPNT").resolve(file.getFileName() + ".parquet"))
                        + " ORDER BY source_row"))
                .containsExactly(
                        "2|51.08.01.2001|51.08.010.001|ART51080100001234|001|P",
                        "3|51.08.01.2001|51.8.10.1|ART51080100001235|001|P");
        assertThat(rows("SELECT source_row, rule_id FROM "
                        + parquet(data.rejectedPartition(PERIOD, "BPNT").resolve(file.getFileName() + ".parquet"))))
                .containsExactly("4|WILAYAH_BPS_UNKNOWN");
    }

    @Test
    void readsBltDanaDesaWorkbookBelowItsTitleRowsAndRejectsNiksInNumberCells() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path file = data.inbox(PERIOD).resolve("blt_dd_5108_202610.xlsx");
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "SatuPintu test", "1.0");
            Worksheet sheet = workbook.newWorksheet("BLT DD");
            sheet.value(0, 0, "DAFTAR KELUARGA PENERIMA MANFAAT BLT DANA DESA");
            sheet.value(1, 0, "KABUPATEN BULELENG");
            sheet.value(2, 0, "BULAN OKTOBER 2026");
            String[] header = {
                "NO",
                "NIK",
                "NOMOR KK",
                "NAMA",
                "L/P",
                "TGL LAHIR",
                "DUSUN",
                "DESA",
                "KECAMATAN",
                "KODE DESA",
                "BULAN",
                "JUMLAH"
            };
            for (int c = 0; c < header.length; c++) {
                sheet.value(4, c, header[c]);
            }
            blt(sheet, 5, 1, "5108014503850002", LocalDate.of(1985, 3, 5), null);
            blt(sheet, 6, 2, null, null, "06-04-1985");
            sheet.value(6, 1, 5108014604850003L); // a NIK typed into a General cell
            blt(sheet, 7, 3, "5108014705850004", null, "07-05-1985");
            workbook.finish();
        }

        FileManifest manifest = ingest(data, file);

        assertThat(manifest.status()).isEqualTo(FileManifest.Status.INGESTED);
        assertThat(rows(
                        "SELECT source_row, nik, CAST(birth_date AS VARCHAR), no_kk, benefit_rupiah, coalesce(flags, '-')"
                                + " FROM "
                                + parquet(
                                        data.stagedPartition(PERIOD, "BLT_DD").resolve(file.getFileName() + ".parquet"))
                                + " ORDER BY source_row"))
                .containsExactly(
                        "6|5108014503850002|1985-03-05|5108011203100001|300000|-",
                        "8|5108014705850004|1985-05-07|5108011203100001|300000|-");
        assertThat(rows("SELECT source_row, rule_id, raw_record FROM "
                        + parquet(data.rejectedPartition(PERIOD, "BLT_DD").resolve(file.getFileName() + ".parquet"))))
                .containsExactly("7|NIK_NUMERIC_CELL|2|5108014604850003|5108011203100001|NI LUH ASTITI|P|06-04-1985"
                        + "|BANJAR KAJA|Sumberklampok|Gerokgak|51.08.01.2001|2026-10|300000");
    }

    private static void blt(Worksheet sheet, int row, int no, String nik, LocalDate birthCell, String birthText) {
        sheet.value(row, 0, no);
        if (nik != null) {
            sheet.value(row, 1, nik);
        }
        sheet.value(row, 2, "5108011203100001");
        sheet.value(row, 3, "NI LUH ASTITI");
        sheet.value(row, 4, "P");
        if (birthCell != null) {
            sheet.value(row, 5, birthCell);
            sheet.style(row, 5).format("dd/mm/yyyy").set();
        } else {
            sheet.value(row, 5, birthText);
        }
        sheet.value(row, 6, "BANJAR KAJA");
        sheet.value(row, 7, "Sumberklampok");
        sheet.value(row, 8, "Gerokgak");
        sheet.value(row, 9, "51.08.01.2001");
        sheet.value(row, 10, "2026-10");
        sheet.value(row, 11, 300000);
        sheet.style(row, 11).format("#,##0").set();
    }

    @Test
    void readsPbiJkCsvWithBareTenDigitCodes() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path file = write(
                data.inbox(PERIOD).resolve("pbi_jk_5108_202610.csv"),
                StandardCharsets.UTF_8,
                "NOKA_JKN,NIK,NO_KK,NAMA,JNS_KEL,TGL_LAHIR,KODE_DESA,RT,RW,DESIL",
                "0001234567890,5108014503850002,5108011203100001,NI LUH ASTITI,2,1985-03-05,5108012001,001,002,3");

        ingest(data, file);

        assertThat(rows("SELECT source_record_id, kode_desa, sex FROM "
                        + parquet(data.stagedPartition(PERIOD, "PBI_JK").resolve(file.getFileName() + ".parquet"))))
                .containsExactly("0001234567890|51.08.01.2001|P");
    }

    @Test
    void readsElectricityJsonLinesAndJudgesExponentMissingAndBrokenLines() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path file = write(
                data.inbox(PERIOD).resolve("listrik_5108_202610.jsonl"),
                StandardCharsets.UTF_8,
                "{\"idpel\":\"511234567890\",\"nik\":\"5108010101800001\",\"nama_pelanggan\":\"I WAYAN SUDIARTA\","
                        + "\"tarif\":\"R1\",\"daya_va\":450,\"kd_wilayah\":\"51.08.01.2001\",\"alamat\":\"BANJAR\",\"kwh\":87}",
                "{\"idpel\":\"511234567891\",\"nik\":5.10801e15,\"nama_pelanggan\":\"I MADE ARTA\",\"tarif\":\"R1\","
                        + "\"daya_va\":900,\"kd_wilayah\":\"51.08.01.2001\",\"alamat\":\"BANJAR\",\"kwh\":120}",
                "{\"idpel\":\"511234567892\",\"nama_pelanggan\":\"I NYOMAN ARTA\",\"tarif\":\"R1\",\"daya_va\":450,"
                        + "\"kd_wilayah\":\"51.08.01.2001\",\"alamat\":\"BANJAR\",\"kwh\":60}",
                "{\"idpel\":\"511234567893\",\"nik\":\"5108010303800001\"",
                "",
                "{\"idpel\":\"511234567894\",\"nik\":5108010404800001,\"nama_pelanggan\":\"I KETUT BUDI\","
                        + "\"kd_wilayah\":\"51.08.01.2001\"}");

        FileManifest manifest = ingest(data, file);

        assertThat(manifest.rowsRead()).isEqualTo(5);
        assertThat(rows("SELECT source_row, nik, source_record_id FROM "
                        + parquet(data.stagedPartition(PERIOD, "LISTRIK").resolve(file.getFileName() + ".parquet"))
                        + " ORDER BY source_row"))
                .containsExactly("1|5108010101800001|511234567890", "6|5108010404800001|511234567894");
        assertThat(rows("SELECT source_row, rule_id FROM "
                        + parquet(data.rejectedPartition(PERIOD, "LISTRIK").resolve(file.getFileName() + ".parquet"))
                        + " ORDER BY source_row"))
                .containsExactly("2|NIK_SCIENTIFIC", "3|NIK_MISSING", "4|ROW_MALFORMED");
    }

    @Test
    void findsRegionalSchemeDesaByNameWithinTheKecamatanIncludingOldSpellings() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path file = write(
                data.inbox(PERIOD).resolve("bansos_daerah_3209_202610.csv"),
                Charset.forName("windows-1252"),
                "No.;N I K;Nama Lengkap;Jenis Kelamin;Tempat Lahir;Tgl Lahir;Alamat;Desa/Kelurahan;Kecamatan;Nominal",
                "1;3209040101450003;Andé Suryana;Laki-laki;Cirebon;1/1/1945;Blok Pahing RT 001 RW 002;Silihasih;Pabedilan;Rp 150.000",
                "2;3209094202450004;Hj. Siti Aminah;Perempuan;Cirebon;2/2/1945;Blok Manis RT.01/RW.03;Penambangan;Sedong;Rp 150.000",
                "3;3209120303450005;Tarsan;Laki-laki;Cirebon;3/3/1945;Rt 4 Rw 5;Mundu-Mesigit;MUNDU;Rp 150.000",
                "4;3209120404450006;Warsih;Perempuan;Cirebon;4/4/1945;Rt 4 Rw 5;Antah Berantah;Mundu;Rp 150.000");

        ingest(data, file);

        assertThat(rows("SELECT source_row, nama, nama_normalized, coalesce(gelar, '-'), kode_desa, rt, rw,"
                        + " benefit_rupiah, coalesce(flags, '-') FROM "
                        + parquet(
                                data.stagedPartition(PERIOD, "BANSOS_DAERAH").resolve(file.getFileName() + ".parquet"))
                        + " ORDER BY source_row"))
                .containsExactly(
                        "2|Andé Suryana|ANDÉ SURYANA|-|32.09.04.2005|001|002|150000|-",
                        "3|Hj. Siti Aminah|SITI AMINAH|HJ.|32.09.09.2007|001|003|150000|WILAYAH_NAME_OUTDATED",
                        "4|Tarsan|TARSAN|-|32.09.12.2003|004|005|150000|-");
        assertThat(rows("SELECT source_row, rule_id FROM "
                        + parquet(data.rejectedPartition(PERIOD, "BANSOS_DAERAH")
                                .resolve(file.getFileName() + ".parquet"))))
                .containsExactly("5|WILAYAH_NAME_UNKNOWN");
    }

    @Test
    void stagesDukcapilEventsIntoTheReferenceLakeNotTheRosterLake() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path file = write(
                data.inbox(PERIOD).resolve("dukcapil_peristiwa_5108_202610.csv"),
                StandardCharsets.UTF_8,
                "NIK,NO_KK,NAMA_LGKP,TGL_LHR,JENIS_PERISTIWA,TGL_PERISTIWA,KODE_DESA_ASAL,KODE_WILAYAH_TUJUAN",
                "5108010101450003,5108011203100001,I WAYAN SUDIARTA,1945-01-01,KEMATIAN,2026-09-14,51.08.01.2001,",
                "5108014503850002,5108011203100001,NI LUH ASTITI,1985-03-05,PINDAH_KELUAR,2026-09-20,51.08.01.2001,32.09",
                "51080145038500,5108011203100001,NI LUH ASTITI,1985-03-05,PINDAH_KELUAR,2026-09-20,51.08.01.2001,32.09");

        FileManifest manifest = ingest(data, file);

        assertThat(manifest.programCode()).contains("DUKCAPIL_PERISTIWA");
        assertThat(rows("SELECT reference_type, source_row, nik, event_type, CAST(event_date AS VARCHAR), kode_desa,"
                        + " coalesce(kode_wilayah_tujuan, '-') FROM "
                        + parquet(data.referencePartition(PERIOD, "DUKCAPIL_PERISTIWA")
                                .resolve(file.getFileName() + ".parquet"))
                        + " ORDER BY source_row"))
                .containsExactly(
                        "DUKCAPIL_PERISTIWA|2|5108010101450003|KEMATIAN|2026-09-14|51.08.01.2001|-",
                        "DUKCAPIL_PERISTIWA|3|5108014503850002|PINDAH_KELUAR|2026-09-20|51.08.01.2001|32.09");
        assertThat(rows("SELECT source_row, rule_id FROM "
                        + parquet(data.rejectedPartition(PERIOD, "DUKCAPIL_PERISTIWA")
                                .resolve(file.getFileName() + ".parquet"))))
                .containsExactly("4|NIK_LENGTH");
        assertThat(Files.exists(data.stagedPartition(PERIOD, "DUKCAPIL_PERISTIWA")))
                .isFalse();
    }

    @Test
    void stagesExclusionListsWithWhatTheySayOfThePerson() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path asn = write(
                data.inbox(PERIOD).resolve("pengecualian_asn_5108_202610.csv"),
                StandardCharsets.UTF_8,
                "NIP,NIK,NAMA,INSTANSI",
                "198503052010012001,5108014503850002,NI LUH ASTITI,DINAS PENDIDIKAN");
        Path kendaraan = write(
                data.inbox(PERIOD).resolve("pengecualian_kendaraan_5108_202610.csv"),
                StandardCharsets.UTF_8,
                "NIK;NAMA_PEMILIK;JENIS_KENDARAAN;TAHUN_PEMBUATAN",
                "5108010101800001;I WAYAN SUDIARTA;MOBIL PENUMPANG;2019");

        ingest(data, asn);
        ingest(data, kendaraan);

        assertThat(rows("SELECT reference_type, nik, nama, detail FROM read_parquet("
                        + id.satupintu.pipeline.duckdb.DuckDb.literal(
                                data.reference().resolve("**").resolve("*.parquet"))
                        + ") ORDER BY reference_type"))
                .containsExactly(
                        "PENGECUALIAN_ASN|5108014503850002|NI LUH ASTITI|DINAS PENDIDIKAN",
                        "PENGECUALIAN_KENDARAAN|5108010101800001|I WAYAN SUDIARTA|MOBIL PENUMPANG");
    }
}
