package id.satupintu.pipeline.ingest;

import static id.satupintu.pipeline.ingest.LakeQueries.parquet;
import static id.satupintu.pipeline.ingest.LakeQueries.rows;
import static id.satupintu.pipeline.ingest.LakeQueries.write;
import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.warehouse.WarehouseBuilder;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DTSEN extract (docs/roster-layouts.md) through the default catalogue into the reference lake:
 * members with their family's desil and a keyed family key, a desil outside 1 to 10 rejected with
 * its file, row and rule, and an extract without a desil column refused whole.
 */
class DtsenIngestTest {
    private static final YearMonth PERIOD = YearMonth.of(2026, 10);
    private static final String FILE = "dtsen_5108_202610.csv";
    private static final String HEADER =
            "NIK,NO_KK,NAMA,JENIS_KELAMIN,TGL_LAHIR,KODE_DESA,RT,RW,ALAMAT,DESIL_NASIONAL,HUBUNGAN,TANGGAL_PEMUTAKHIRAN";
    private static final String KK_A = "5108011203100001";
    private static final String KK_B = "5108011203100002";

    @TempDir
    Path root;

    private FileManifest ingest(DataDirectory data, Path file) {
        return LakeQueries.ingest(data, SourceCatalogue.defaults()).ingest(PERIOD, file);
    }

    private static Path extract(DataDirectory data, String... rows) throws Exception {
        String[] lines = new String[rows.length + 1];
        lines[0] = HEADER;
        System.arraycopy(rows, 0, lines, 1, rows.length);
        return write(data.inbox(PERIOD).resolve(FILE), StandardCharsets.UTF_8, lines);
    }

    @Test
    void stagesEachMemberWithTheFamilysDesilAndRejectsADesilOutsideOneToTen() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path file = extract(
                data,
                "5108011203800003," + KK_A
                        + ",I WAYAN SUDIARTA,LAKI-LAKI,1980-03-12,5108012001,001,002,BANJAR DINAS KAJA,3,"
                        + "KEPALA KELUARGA,2026-09-30",
                "5108014503850002," + KK_A
                        + ",NI LUH ASTITI,PEREMPUAN,1985-03-05,5108012001,001,002,BANJAR DINAS KAJA,03,ISTRI,2026-09-30",
                "5108010101100004," + KK_A
                        + ",I PUTU ADI,LAKI-LAKI,2010-01-01,5108012001,1,2,BANJAR DINAS KAJA,3,ANAK,2026-09-30",
                // a desil of eleven, none, a fraction
                "5108014606900005," + KK_B
                        + ",NI MADE SARI,PEREMPUAN,1990-06-06,5108012002,004,001,BANJAR DINAS KELOD,11,"
                        + "KEPALA KELUARGA,2026-09-30",
                "5108010707920006," + KK_B
                        + ",I MADE ARTA,LAKI-LAKI,1992-07-07,5108012002,004,001,BANJAR DINAS KELOD,,SUAMI,2026-09-30",
                "5108010808150007," + KK_B
                        + ",I KADEK ARI,LAKI-LAKI,2015-08-08,5108012002,004,001,BANJAR DINAS KELOD,2.5,ANAK,2026-09-30",
                // the NIK rules come first
                "510801080815," + KK_B
                        + ",I KOMANG ARI,LAKI-LAKI,2015-08-08,5108012002,004,001,BANJAR DINAS KELOD,10,ANAK,2026-09-30",
                "5108011010700008,5108011203100003,I KETUT RAI,LAKI-LAKI,1970-10-10,5108022001,007,003,BANJAR"
                        + " DINAS TENGAH,10,KEPALA KELUARGA,2026-09-30");

        FileManifest manifest = ingest(data, file);

        assertThat(manifest.status()).isEqualTo(FileManifest.Status.INGESTED);
        assertThat(manifest.programCode()).contains("DTSEN");
        assertThat(manifest.rowsRead() + " = " + manifest.rowsStaged() + " + " + manifest.rowsRejected())
                .isEqualTo("8 = 4 + 4");
        String familyA = LakeQueries.PSEUDONYMIZER.familyKey(KK_A);
        assertThat(familyA)
                .hasSize(20)
                .isNotEqualTo(LakeQueries.PSEUDONYMIZER.personKey(KK_A))
                .isNotEqualTo(LakeQueries.PSEUDONYMIZER.familyKey(KK_B));
        assertThat(rows("SELECT reference_type, source_row, nik, no_kk, nama_normalized, sex,"
                        + " CAST(birth_date AS VARCHAR), kode_desa, rt, rw, alamat, desil, detail,"
                        + " CAST(event_date AS VARCHAR), family_key, coalesce(flags, '-') FROM "
                        + parquet(data.referencePartition(PERIOD, "DTSEN").resolve(FILE + ".parquet"))
                        + " ORDER BY source_row"))
                .containsExactly(
                        "DTSEN|2|5108011203800003|" + KK_A + "|I WAYAN SUDIARTA|L|1980-03-12|51.08.01.2001|001|002|"
                                + "BANJAR DINAS KAJA|3|KEPALA KELUARGA|2026-09-30|" + familyA + "|-",
                        "DTSEN|3|5108014503850002|" + KK_A + "|NI LUH ASTITI|P|1985-03-05|51.08.01.2001|001|002|"
                                + "BANJAR DINAS KAJA|3|ISTRI|2026-09-30|" + familyA + "|-",
                        "DTSEN|4|5108010101100004|" + KK_A + "|I PUTU ADI|L|2010-01-01|51.08.01.2001|001|002|"
                                + "BANJAR DINAS KAJA|3|ANAK|2026-09-30|" + familyA + "|-",
                        "DTSEN|9|5108011010700008|5108011203100003|I KETUT RAI|L|1970-10-10|51.08.02.2001|007|003|"
                                + "BANJAR DINAS TENGAH|10|KEPALA KELUARGA|2026-09-30|"
                                + LakeQueries.PSEUDONYMIZER.familyKey("5108011203100003") + "|-");
        assertThat(rows("SELECT program_code, source_file, source_row, rule_id, message_id, message_en FROM "
                        + parquet(data.rejectedPartition(PERIOD, "DTSEN").resolve(FILE + ".parquet"))
                        + " ORDER BY source_row"))
                .containsExactly(
                        "DTSEN|" + FILE + "|5|DESIL_INVALID|Desil kosong atau bukan angka bulat 1 sampai 10"
                                + "|The desil is empty or not a whole number from 1 to 10",
                        "DTSEN|" + FILE + "|6|DESIL_INVALID|Desil kosong atau bukan angka bulat 1 sampai 10"
                                + "|The desil is empty or not a whole number from 1 to 10",
                        "DTSEN|" + FILE + "|7|DESIL_INVALID|Desil kosong atau bukan angka bulat 1 sampai 10"
                                + "|The desil is empty or not a whole number from 1 to 10",
                        "DTSEN|" + FILE + "|8|NIK_LENGTH|NIK tidak 16 digit|NIK is not 16 digits long");
        assertThat(Files.exists(data.stagedPartition(PERIOD, "DTSEN"))).isFalse();

        // the warehouse names each rejected row by file, row and rule, with the reason in both languages
        Path warehouse = new WarehouseBuilder(data, WilayahTable.national())
                .build("dtsen")
                .file();
        try (Connection connection = DuckDb.openReadOnly(warehouse)) {
            assertThat(rows(
                            connection,
                            "SELECT source_file, source_row, rule_id FROM reject WHERE rule_id = 'DESIL_INVALID'"
                                    + " ORDER BY source_row"))
                    .containsExactly(FILE + "|5|DESIL_INVALID", FILE + "|6|DESIL_INVALID", FILE + "|7|DESIL_INVALID");
            assertThat(rows(
                            connection,
                            "SELECT severity, message_id, message_en FROM validation_rule"
                                    + " WHERE rule_id = 'DESIL_INVALID'"))
                    .containsExactly("REJECT|Desil kosong atau bukan angka bulat 1 sampai 10"
                            + "|The desil is empty or not a whole number from 1 to 10");
        }
    }

    @Test
    void refusesAnExtractWithoutADesilColumn() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path file = write(
                data.inbox(PERIOD).resolve(FILE),
                StandardCharsets.UTF_8,
                "NIK,NO_KK,NAMA,KODE_DESA",
                "5108011203800003," + KK_A + ",I WAYAN SUDIARTA,5108012001");

        FileManifest manifest = ingest(data, file);

        assertThat(manifest.status()).isEqualTo(FileManifest.Status.REFUSED);
        assertThat(manifest.refusalReasonIndonesian())
                .contains("kolom wajib tidak ditemukan di baris judul: [desil [DESIL_NASIONAL, DESIL NASIONAL,"
                        + " DESIL, DESIL KESEJAHTERAAN]]");
        assertThat(manifest.refusalReasonEnglish())
                .contains("required columns not found in the header row: [desil [DESIL_NASIONAL, DESIL NASIONAL,"
                        + " DESIL, DESIL KESEJAHTERAAN]]");
        assertThat(manifest.rowsRead()).isZero();
        assertThat(Files.exists(data.referencePartition(PERIOD, "DTSEN").resolve(FILE + ".parquet")))
                .isFalse();
    }
}
