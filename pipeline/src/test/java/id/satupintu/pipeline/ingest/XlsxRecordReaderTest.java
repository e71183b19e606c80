package id.satupintu.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link XlsxRecordReader} on a small BLT Dana Desa workbook: what each record holds. */
class XlsxRecordReaderTest {
    @TempDir
    Path root;

    @Test
    void tellsDateAndNumberCellsOnEveryRowWithSpreadsheetRowNumbers() throws Exception {
        Path file = root.resolve("blt_dd_5108_202610.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "SatuPintu test", "1.0");
            Worksheet sheet = workbook.newWorksheet("BLT DD");
            sheet.value(0, 0, "DAFTAR KELUARGA PENERIMA MANFAAT BLT DANA DESA");
            sheet.value(1, 0, "BULAN OKTOBER 2026");
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
                sheet.value(3, c, header[c]);
            }
            // rows 5..7 (spreadsheet numbering), then an empty row 8, then rows 9 and 10
            for (int row = 4; row < 10; row++) {
                if (row == 7) {
                    continue;
                }
                sheet.value(row, 0, row - 3);
                if (row == 5) {
                    sheet.value(row, 1, 5108014604850003L); // a NIK typed into a General cell
                } else {
                    sheet.value(row, 1, "510801450385000" + (row - 3));
                }
                sheet.value(row, 2, "5108011203100001");
                sheet.value(row, 3, "NAMA UJI");
                sheet.value(row, 4, "P");
                sheet.value(row, 5, LocalDate.of(1985, 3, row));
                // two date formats in one sheet, each asked of many cells
                sheet.style(row, 5)
                        .format(row % 2 == 0 ? "dd/mm/yyyy" : "[$-421]d mmmm yyyy")
                        .set();
                sheet.value(row, 9, "51.08.01.2001");
                sheet.value(row, 10, "2026-10");
                sheet.value(row, 11, 300000L);
                sheet.style(row, 11).format("#,##0").set();
            }
            workbook.finish();
        }
        SourceDefinition source = SourceCatalogue.defaults().sourceFor(file).orElseThrow();

        List<String> seen = new ArrayList<>();
        try (XlsxRecordReader reader = XlsxRecordReader.open(file, source)) {
            assertThat(reader.header())
                    .containsExactly(
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
                            "JUMLAH");
            RawRecord record;
            while ((record = reader.next()) != null) {
                seen.add(record.sourceRow() + " " + record.value(0) + " " + record.value(5) + " " + record.value(11)
                        + " " + record.kind(1) + " " + record.kind(5) + " " + record.kind(11) + " "
                        + record.kind(3));
            }
        }
        assertThat(seen)
                .containsExactly(
                        "5 1 1985-03-04 300000 TEXT DATE NUMBER TEXT",
                        "6 2 1985-03-05 300000 NUMBER DATE NUMBER TEXT",
                        "7 3 1985-03-06 300000 TEXT DATE NUMBER TEXT",
                        "9 5 1985-03-08 300000 TEXT DATE NUMBER TEXT",
                        "10 6 1985-03-09 300000 TEXT DATE NUMBER TEXT");
    }
}
