package id.satupintu.pipeline.ujipublik;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.lake.RestrictedView;
import id.satupintu.pipeline.report.OutputContext;
import id.satupintu.pipeline.report.ReportLabels;
import id.satupintu.pipeline.report.WarehouseVersion;
import id.satupintu.pipeline.report.WorkbookContent;
import id.satupintu.pipeline.report.WorkbookContent.CellKind;
import id.satupintu.pipeline.report.WorkbookContent.SheetContent;
import id.satupintu.schemas.contract.WarehouseTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The uji publik lists of October 2026 over a hand-made warehouse and golden record: Sumberklampok
 * has three PKH recipients (one new this month, one whose recorded address is in another desa) and
 * one BPNT recipient back after an exit; Unggahan has one.
 */
class UjiPublikListsTest {
    private static final OutputContext OCTOBER = new OutputContext(
            YearMonth.of(2026, 10),
            ReportLabels.indonesian(),
            new WarehouseVersion("20261105-021500", Instant.parse("2026-11-05T02:15:00Z")),
            ZonedDateTime.of(2026, 11, 6, 9, 30, 0, 0, ZoneId.of("Asia/Jakarta")));

    @TempDir
    Path root;

    @Test
    void listsEachDesasRecipientsWithMaskedNamesAsXlsxAndPdf() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path warehouse = root.resolve("warehouse.duckdb");
        try (Connection connection = DuckDb.openForWrite(warehouse)) {
            for (String table :
                    List.of("wilayah", "program", "enrollment", "enrollment_episode", "mart_recipients_kecamatan")) {
                DuckDb.execute(connection, WarehouseTables.ddl(table));
            }
            DuckDb.execute(connection, """
                    INSERT INTO wilayah VALUES
                      ('51.08', 'Kabupaten Buleleng', 'kabupaten', '51', '51', '51.08', NULL, 'e'),
                      ('51.08.01', 'Gerokgak', 'kecamatan', '51.08', '51', '51.08', '51.08.01', 'e'),
                      ('51.08.02', 'Seririt', 'kecamatan', '51.08', '51', '51.08', '51.08.02', 'e'),
                      ('51.08.01.2001', 'Sumberklampok', 'desa', '51.08.01', '51', '51.08', '51.08.01', 'e'),
                      ('51.08.02.2001', 'Unggahan', 'desa', '51.08.02', '51', '51.08', '51.08.02', 'e');
                    INSERT INTO program VALUES
                      ('PKH', 'Program Keluarga Harapan', 'Family Hope Programme', 'family', 'APBN'),
                      ('BPNT', 'Bantuan Pangan Non Tunai', 'Non-cash food assistance', 'family', 'APBN');
                    INSERT INTO mart_recipients_kecamatan VALUES ('2026-10', 'PKH', '51.08.01', 'Gerokgak', 3, 3, NULL);
                    INSERT INTO enrollment VALUES
                      ('2026-10', 'PKH', 'Pa', '51.08.01.2001', NULL, 1, NULL),
                      ('2026-10', 'PKH', 'Pb', '51.08.01.2001', NULL, 1, NULL),
                      ('2026-10', 'PKH', 'Pc', '51.08.01.2001', NULL, 1, NULL),
                      ('2026-10', 'BPNT', 'Pa', '51.08.01.2001', NULL, 1, NULL),
                      ('2026-10', 'PKH', 'Pd', '51.08.02.2001', NULL, 1, NULL),
                      ('2026-09', 'PKH', 'Pe', '51.08.02.2001', NULL, 1, NULL);
                    INSERT INTO enrollment_episode VALUES
                      ('Pa', 'PKH', 1, 'AWAL', '2026-09', '2026-10', 2, NULL, NULL, NULL, NULL, NULL),
                      ('Pa', 'BPNT', 1, 'AWAL', '2026-08', '2026-08', 1, '2026-09', 'KELUAR_DARI_DAFTAR', 'ROSTER', NULL, NULL),
                      ('Pa', 'BPNT', 2, 'MASUK_KEMBALI', '2026-10', '2026-10', 1, NULL, NULL, NULL, NULL, NULL),
                      ('Pb', 'PKH', 1, 'BARU', '2026-10', '2026-10', 1, NULL, NULL, NULL, NULL, NULL),
                      ('Pc', 'PKH', 1, 'AWAL', '2026-09', '2026-10', 2, NULL, NULL, NULL, NULL, NULL),
                      ('Pd', 'PKH', 1, 'AWAL', '2026-09', '2026-10', 2, NULL, NULL, NULL, NULL, NULL);
                    """);
        }
        Files.createDirectories(data.registry());
        try (Connection connection = DuckDb.inMemory(1)) {
            DuckDb.execute(
                    connection,
                    "COPY (SELECT * FROM (VALUES"
                            + " ('Pa', '5108014501900003', 'SITI NURHAYATI', '51.08.01.2001', '002', '001', 'JL MAWAR 7'),"
                            + " ('Pb', '5108010101800004', 'I WAYAN SUDARMA', '51.08.01.2001', '001', '001', 'JL MELATI'),"
                            + " ('Pc', '5108010101800005', 'KOMANG ARIANI', '51.08.02.2001', '003', '002', 'JL KENANGA'),"
                            + " ('Pd', '5108020101800006', 'PUTU EKA', '51.08.02.2001', '004', '003', 'JL ANGGREK'))"
                            + " t(person_id, nik, nama, kode_desa, rt, rw, alamat)) TO "
                            + DuckDb.literal(data.goldenRecord()) + " (FORMAT parquet)");
        }

        Path folder = root.resolve("out");
        List<UjiPublikLists.Written> written;
        try (Connection restricted = RestrictedView.open(data, warehouse)) {
            written = UjiPublikLists.write(restricted, OCTOBER, Set.of(), folder);
        }

        assertThat(written)
                .extracting(list -> list.xlsx().getFileName().toString())
                .containsExactly("51.08.01.2001-sumberklampok.xlsx", "51.08.02.2001-unggahan.xlsx");
        WorkbookContent workbook = WorkbookContent.read(written.get(0).xlsx());
        assertThat(workbook.sheets()).extracting(SheetContent::name).containsExactly("Sampul", "Daftar");
        assertThat(lines(workbook.sheets().get(1)))
                .containsExactly(
                        "No. | Nama (disamarkan) | RT | RW | Program | Status",
                        "1 | S*** N*** | 002 | 001 | BPNT | Masuk kembali",
                        "2 | I W*** S*** | 001 | 001 | PKH | Baru bulan ini",
                        "3 | S*** N*** | 002 | 001 | PKH | Lanjutan",
                        "4 | K*** A*** |  |  | PKH | Lanjutan");
        assertThat(workbook.sheets().get(1).cell(1, 2).kind()).isEqualTo(CellKind.TEXT);
        assertThat(lines(workbook.sheets().get(0)))
                .contains(
                        "Desa/kelurahan | Sumberklampok (51.08.01.2001)",
                        "Program | BPNT = Bantuan Pangan Non Tunai; PKH = Program Keluarga Harapan",
                        "Jumlah baris | 4");

        String pdf = pdfText(written.get(0).pdf());
        assertThat(pdf)
                .contains("DAFTAR UJI PUBLIK PENERIMA BANTUAN SOSIAL")
                .contains("Desa/kelurahan: Sumberklampok (51.08.01.2001)")
                .contains("Kecamatan: Gerokgak (51.08.01)")
                .contains("Periode: 2026-10")
                // the extractor runs a row's cells together
                .contains("No. Nama (disamarkan)RTRWProgramStatus\n"
                        + "1 S*** N***002001BPNTMasuk kembali\n"
                        + "2 I W*** S***001001PKHBaru bulan ini\n"
                        + "3 S*** N***002001PKHLanjutan\n"
                        + "4 K*** A***PKHLanjutan\n")
                .contains("Halaman 1")
                .doesNotContain("SITI")
                .doesNotContain("NURHAYATI")
                .doesNotContain("5108014501900003")
                .doesNotContain("JL MAWAR");
        assertThat(pdfText(written.get(1).pdf())).contains("1 P*** E***004003PKHLanjutan");
    }

    static String pdfText(Path pdf) throws Exception {
        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                for (String line : extractor.getTextFromPage(page).split("\\R")) {
                    text.append(line.strip()).append('\n');
                }
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    private static List<String> lines(SheetContent sheet) {
        List<String> lines = new ArrayList<>();
        int width = sheet.rows().get(0).size();
        for (int row = 0; row < sheet.rows().size(); row++) {
            List<String> cells = new ArrayList<>();
            int size = sheet.rows().get(row).size();
            for (int column = 0; column < (size == 0 ? 0 : Math.max(width, size)); column++) {
                var cell = sheet.cell(row, column);
                cells.add(cell.kind() == CellKind.NUMBER ? cell.number().toPlainString() : cell.text());
            }
            lines.add(String.join(" | ", cells));
        }
        return lines;
    }
}
