package id.satupintu.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.satupintu.pipeline.report.WorkbookContent.CellKind;
import id.satupintu.pipeline.report.WorkbookContent.CellValue;
import id.satupintu.pipeline.report.WorkbookContent.SheetContent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

class XlsxWorkbookTest {
    private static final List<SheetColumn> COLUMNS = List.of(
            SheetColumn.text("Kode desa", 16), SheetColumn.integer("Penerima"), SheetColumn.amount("Dibayar (Rp)"));

    @Test
    void neutralizesTextASpreadsheetWouldRunAsAFormula() {
        assertThat(CellText.neutralized("=HYPERLINK(\"http://x\",\"klik\")"))
                .isEqualTo("'=HYPERLINK(\"http://x\",\"klik\")");
        assertThat(CellText.neutralized("+62 812")).isEqualTo("'+62 812");
        assertThat(CellText.neutralized("-1+1")).isEqualTo("'-1+1");
        assertThat(CellText.neutralized("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CellText.neutralized("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CellText.neutralized("\r=1")).isEqualTo("'\r=1");
        assertThat(CellText.neutralized("SITI = AMINAH")).isEqualTo("SITI = AMINAH");
        assertThat(CellText.neutralized("51.08.01")).isEqualTo("51.08.01");
        assertThat(CellText.neutralized("")).isEmpty();
        assertThat(CellText.neutralized(null)).isNull();
        assertThat(CellText.isHostile("=1")).isTrue();
        assertThat(CellText.isHostile("A=1")).isFalse();
    }

    @Test
    void writesHostileTextAsNeutralizedTextCellsAndNoFormula() throws Exception {
        byte[] file = write(2_000, workbook -> {
            workbook.textSheet("=Sampul", "=cmd|' /C calc'!A0", List.of(List.of("@label", "-value")));
            try (XlsxWorkbook.Table table = workbook.table("Data", COLUMNS)) {
                table.row("=1+1", 7L, new BigDecimal("1234.50"));
                table.row("+SUM(A1:A9)", 0L, null);
                table.row("-2", 1_234_567L, new BigDecimal("0.01"));
                table.row("@A1", null, null);
            }
        });

        WorkbookContent content = WorkbookContent.read(new ByteArrayInputStream(file));
        assertThat(content.sheets()).extracting(SheetContent::name).containsExactly("=Sampul", "Data");
        SheetContent cover = content.sheets().get(0);
        assertThat(cover.text(0, 0)).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(cover.text(2, 0)).isEqualTo("'@label");
        assertThat(cover.text(2, 1)).isEqualTo("'-value");
        SheetContent data = content.sheets().get(1);
        assertThat(column(data, 0)).containsExactly("Kode desa", "'=1+1", "'+SUM(A1:A9)", "'-2", "'@A1");
        for (List<CellValue> row : data.rows()) {
            assertThat(row).extracting(CellValue::kind).doesNotContain(CellKind.FORMULA);
        }
        assertThat(xml(file)).doesNotContain("<f>").doesNotContain("<f ");
    }

    @Test
    void storesNumbersAsNumbersWithThousandsFormatAndCodesAsText() throws Exception {
        byte[] file = write(2_000, workbook -> {
            try (XlsxWorkbook.Table table = workbook.table("Data", COLUMNS)) {
                table.row("51.08.01.2001", 1_234_567L, new BigDecimal("2500000.33"));
                table.row("5108014501900003", 5L, null);
            }
        });

        SheetContent data =
                WorkbookContent.read(new ByteArrayInputStream(file)).sheets().get(0);
        CellValue code = data.cell(1, 0);
        assertThat(code.kind()).isEqualTo(CellKind.TEXT);
        assertThat(code.text()).isEqualTo("51.08.01.2001");
        CellValue nikLike = data.cell(2, 0);
        assertThat(nikLike.kind()).isEqualTo(CellKind.TEXT);
        assertThat(nikLike.text()).isEqualTo("5108014501900003");
        CellValue count = data.cell(1, 1);
        assertThat(count.kind()).isEqualTo(CellKind.NUMBER);
        assertThat(count.number()).isEqualByComparingTo("1234567");
        assertThat(count.format()).isEqualTo("#,##0");
        CellValue amount = data.cell(1, 2);
        assertThat(amount.kind()).isEqualTo(CellKind.NUMBER);
        assertThat(amount.number()).isEqualByComparingTo("2500000.33");
        assertThat(amount.format()).isEqualTo("#,##0.00");
        assertThat(data.cell(2, 2).kind()).isEqualTo(CellKind.EMPTY);
        // text cells carry the text format, so an edit in Excel keeps a code as text
        assertThat(xml(file)).contains("formatCode=\"@\"").contains("<autoFilter ref=\"A1:C3\">");
    }

    @Test
    void splitsALongTableOverSheetsEachWithTheHeader() throws Exception {
        List<String> names = new ArrayList<>();
        byte[] file = write(4, workbook -> {
            try (XlsxWorkbook.Table table = workbook.table("Penerima per desa", COLUMNS)) {
                for (long row = 1; row <= 7; row++) {
                    table.row("D" + row, row, null);
                }
                assertThat(table.rows()).isEqualTo(7);
                names.addAll(table.sheetNames());
            }
            try (XlsxWorkbook.Table table = workbook.table("Kosong", COLUMNS)) {
                names.addAll(table.sheetNames());
            }
        });

        assertThat(names)
                .containsExactly("Penerima per desa", "Penerima per desa (2)", "Penerima per desa (3)", "Kosong");
        WorkbookContent content = WorkbookContent.read(new ByteArrayInputStream(file));
        assertThat(content.sheets()).extracting(SheetContent::name).containsExactlyElementsOf(names);
        assertThat(column(content.sheets().get(0), 0)).containsExactly("Kode desa", "D1", "D2", "D3");
        assertThat(column(content.sheets().get(1), 0)).containsExactly("Kode desa", "D4", "D5", "D6");
        assertThat(column(content.sheets().get(2), 0)).containsExactly("Kode desa", "D7");
        assertThat(column(content.sheets().get(2), 1)).containsExactly("Penerima", "7");
        assertThat(column(content.sheets().get(3), 0)).containsExactly("Kode desa");
    }

    @Test
    void keepsSheetNamesWithinExcelsRules() throws Exception {
        assertThat(XlsxWorkbook.sheetName("Irisan program per kecamatan dan desa", " (12)"))
                .isEqualTo("Irisan program per kecamat (12)")
                .hasSize(XlsxWorkbook.MAX_SHEET_NAME);
        assertThat(XlsxWorkbook.sheetName("a/b:c*d?[e]\\f", "")).isEqualTo("a b c d  e  f");
        assertThatThrownBy(() -> write(10, workbook -> {
                    workbook.textSheet("Data", "x", List.of());
                    workbook.textSheet("data", "y", List.of());
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two sheets named data");
    }

    @Test
    void hidesASheetForProgramsAndOffersDropDowns() throws Exception {
        byte[] file = write(100, workbook -> {
            workbook.hiddenSheet("satupintu", List.of(List.of("format", "x-v1")));
            try (XlsxWorkbook.Table table = workbook.table("Kasus", COLUMNS)) {
                table.dropDown(0, List.of("MENINGGAL", "AKTIF"));
                table.row("MENINGGAL", 1L, null);
            }
        });

        WorkbookContent content = WorkbookContent.read(new ByteArrayInputStream(file));
        assertThat(content.sheet("satupintu").orElseThrow().hidden()).isTrue();
        assertThat(content.sheet("satupintu").orElseThrow().text(0, 1)).isEqualTo("x-v1");
        assertThat(content.sheet("Kasus").orElseThrow().hidden()).isFalse();
        assertThat(xml(file)).contains("<formula1>\"MENINGGAL,AKTIF\"</formula1>");
    }

    private interface Body {
        void write(XlsxWorkbook workbook) throws IOException;
    }

    private static byte[] write(int maxRows, Body body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxWorkbook workbook = new XlsxWorkbook(out, maxRows)) {
            body.write(workbook);
        }
        return out.toByteArray();
    }

    private static List<String> column(SheetContent sheet, int column) {
        List<String> values = new ArrayList<>();
        for (int row = 0; row < sheet.rows().size(); row++) {
            values.add(sheet.text(row, column));
        }
        return values;
    }

    /** Every XML part of the file, concatenated. */
    static String xml(byte[] file) throws IOException {
        Path copy = Files.createTempFile("workbook", ".xlsx");
        try {
            Files.write(copy, file);
            StringBuilder text = new StringBuilder();
            try (ZipFile zip = new ZipFile(copy.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
            return text.toString();
        } finally {
            Files.delete(copy);
        }
    }
}
