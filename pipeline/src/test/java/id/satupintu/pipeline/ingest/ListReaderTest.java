package id.satupintu.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.satupintu.schemas.wilayah.WilayahTable;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ListReader} on lists as desas write them: titles, loose headers, the ingest's findings. */
class ListReaderTest {
    private static ListReader reader;

    @TempDir
    Path root;

    @BeforeAll
    static void readerOfTheNationalTable() {
        reader = new ListReader(WilayahTable.national());
    }

    @Test
    void readsAnXlsxListUnderTitleRowsWithLooseHeadersAndKeepsWhatTheRulesFind() throws Exception {
        Path file = root.resolve("usulan_blt_sumberklampok.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "SatuPintu test", "1.0");
            Worksheet sheet = workbook.newWorksheet("Usulan");
            sheet.value(0, 0, "USULAN CALON PENERIMA BLT DANA DESA");
            sheet.value(1, 0, "DESA SUMBERKLAMPOK TAHUN 2026");
            String[] header = {"No", "No. NIK", "nama_lengkap", "Tgl. Lahir", "Desa/Kelurahan", "Kec.", "no_kk"};
            for (int c = 0; c < header.length; c++) {
                sheet.value(3, c, header[c]);
            }
            sheet.value(4, 1, "5108014501900003");
            sheet.value(4, 2, "Ni Luh  Sudirti, S.Pd");
            sheet.value(4, 3, LocalDate.of(1990, 1, 5));
            sheet.style(4, 3).format("dd/mm/yyyy").set();
            sheet.value(4, 4, "Sumberklampok");
            sheet.value(4, 5, "Gerokgak");
            sheet.value(4, 6, "5108011203100001");
            sheet.value(5, 1, 5108011203850002L); // typed into a General cell: a number
            sheet.value(5, 2, "I WAYAN SUDARMA");
            sheet.value(5, 3, "12-03-1985");
            sheet.value(5, 4, "Kayuputih"); // two desas of Buleleng have this name
            sheet.value(5, 6, "12345");
            sheet.value(6, 1, "'5108 0112 0385 0002");
            sheet.value(6, 3, "31/02/1985");
            sheet.value(6, 4, "Penyambangan"); // the 2022 spelling
            sheet.value(6, 5, "Gerokgak");
            sheet.value(6, 6, "5108011203850002");
            sheet.value(7, 1, "1234567890123456");
            sheet.value(7, 2, "Made Contoh");
            sheet.value(7, 3, "31111");
            sheet.value(7, 4, "5108012001");
            for (int row = 4; row < 8; row++) {
                sheet.value(row, 0, row - 3);
            }
            workbook.finish();
        }

        ListReader.ListFile list = reader.read(file, "51.08");

        assertThat(list.fileName()).isEqualTo("usulan_blt_sumberklampok.xlsx");
        assertThat(list.header()).containsExactly(header());
        assertThat(list.columns())
                .containsExactly(
                        java.util.Map.entry("nik", "No. NIK"),
                        java.util.Map.entry("nama", "nama_lengkap"),
                        java.util.Map.entry("birth_date", "Tgl. Lahir"),
                        java.util.Map.entry("desa_name", "Desa/Kelurahan"),
                        java.util.Map.entry("kecamatan_name", "Kec."),
                        java.util.Map.entry("no_kk", "no_kk"));
        assertThat(list.rows().stream().map(ListReaderTest::describe).toList())
                .containsExactly(
                        "5 5108014501900003 valid NI LUH SUDIRTI 1990-01-05 51.08.01.2001 5108011203100001 []",
                        "6 5108011203850002 NIK_NUMERIC_CELL I WAYAN SUDARMA 1985-03-12 null null"
                                + " [WILAYAH_NAME_UNKNOWN, KK_INVALID]",
                        "7 null NIK_EQUALS_KK null null 51.08.01.2006 5108011203850002"
                                + " [NAMA_MISSING, BIRTH_DATE_IMPOSSIBLE, WILAYAH_NAME_OUTDATED]",
                        "8 null NIK_PLACEHOLDER MADE CONTOH 1985-03-05 51.08.01.2001 null"
                                + " [BIRTH_DATE_EXCEL_SERIAL]");
        assertThat(list.rows().get(1).record().value(1)).isEqualTo("5108011203850002");
        assertThat(list.rows().get(0).nikValid()).isTrue();
        assertThat(list.rows().get(1).nikValid()).isFalse();
    }

    private static String[] header() {
        return new String[] {"No", "No. NIK", "nama_lengkap", "Tgl. Lahir", "Desa/Kelurahan", "Kec.", "no_kk"};
    }

    private static String describe(ListReader.ListRow row) {
        return row.sourceRow() + " " + row.nik() + " "
                + (row.nikRule() == null ? "valid" : row.nikRule().id())
                + " " + row.nama() + " " + row.birthDate() + " " + row.kodeDesa() + " " + row.noKk() + " "
                + row.findings();
    }

    @Test
    void readsACsvListWithADesaCodeAndTheCatalogueHeaderNames() throws Exception {
        Path file = Files.writeString(
                root.resolve("daftar.csv"),
                "NAMA_PENERIMA;NIK;TGL_LHR;KODE_WILAYAH\n"
                        + "I KETUT MERTA;5108010101700001;1/1/1970;51.08.01.2001\n"
                        + "NI KOMANG ARIANI;5108015502800002;1980-02-15;5199012001\n");

        ListReader.ListFile list = reader.read(file, "51.08");

        assertThat(list.columns().keySet()).containsExactly("nik", "nama", "birth_date", "kode_desa");
        assertThat(list.rows().stream().map(ListReaderTest::describe).toList())
                .containsExactly(
                        "2 5108010101700001 valid I KETUT MERTA 1970-01-01 51.08.01.2001 null []",
                        "3 5108015502800002 valid NI KOMANG ARIANI 1980-02-15 null null [WILAYAH_UNKNOWN]");
    }

    @Test
    void refusesAListWithoutANameColumnOrWithoutANikColumn() throws Exception {
        Path noName = Files.writeString(root.resolve("tanpa_nama.csv"), "NIK;ALAMAT\n5108010101700001;JL. MAWAR\n");
        Path noNik = Files.writeString(root.resolve("tanpa_nik.csv"), "NAMA;ALAMAT\nI KETUT MERTA;JL. MAWAR\n");
        Path oldExcel = Files.write(root.resolve("usulan.xls"), new byte[] {1, 2, 3});
        Path headerOnly = Files.writeString(root.resolve("kosong.csv"), "NIK;NAMA\n");

        assertThatThrownBy(() -> reader.read(noName, "51.08"))
                .isInstanceOf(RosterFileRefusedException.class)
                .hasMessage("File tanpa_nama.csv refused: no name column in the header row; known column names:"
                        + " [NAMA, NAMA LENGKAP, NAMA PENERIMA, NAMA CALON PENERIMA, NAMA KPM, NAMA WARGA,"
                        + " NAMA PENGURUS, NAMA_PELANGGAN, NAMA_LGKP, NAMA_PEMILIK, NAMA ART]");
        assertThatThrownBy(() -> reader.read(noNik, "51.08"))
                .hasMessage("File tanpa_nik.csv refused: no NIK column in the first 10 rows; known column names:"
                        + " [NIK, NO NIK, NOMOR NIK, NIK KTP, NIK PENERIMA, NOMOR INDUK KEPENDUDUKAN]");
        assertThatThrownBy(() -> reader.read(oldExcel, "51.08"))
                .hasMessage("File usulan.xls refused: Excel 97-2003 files (.xls) are not read; save it as .xlsx");
        assertThatThrownBy(() -> reader.read(headerOnly, "51.08"))
                .hasMessage("File kosong.csv refused: no data rows below the header row");
        assertThat(List.of(ListReader.columnKey("No. KK"), ListReader.columnKey("no_kk"), ListReader.columnKey("NOKK")))
                .containsOnly("NOKK");
    }
}
