package id.satupintu.pipeline.review;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.pipeline.report.WorkbookContent.CellKind;
import id.satupintu.pipeline.report.WorkbookContent.CellValue;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.dhatim.fastexcel.VisibilityState;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewImportTest {
    @TempDir
    Path folder;

    @Test
    void readsDecisionDatesAsTypedInEitherOrderOrAsDateCells() {
        assertThat(ReviewImport.date(text("2026-10-14"))).contains(LocalDate.of(2026, 10, 14));
        assertThat(ReviewImport.date(text("14-10-2026"))).contains(LocalDate.of(2026, 10, 14));
        assertThat(ReviewImport.date(text("4/1/2026"))).contains(LocalDate.of(2026, 1, 4));
        assertThat(ReviewImport.date(text("'2026-10-14"))).contains(LocalDate.of(2026, 10, 14));
        // 46309 is 2026-10-14 in Excel's 1900 date system
        assertThat(ReviewImport.date(new CellValue(CellKind.NUMBER, "46309", new BigDecimal("46309"), "dd/mm/yyyy")))
                .contains(LocalDate.of(2026, 10, 14));
        assertThat(ReviewImport.date(new CellValue(CellKind.NUMBER, "46309", new BigDecimal("46309"), "#,##0")))
                .isEmpty();
        assertThat(ReviewImport.date(text("14 Oktober 2026"))).isEmpty();
        assertThat(ReviewImport.date(text("2026-02-30"))).isEmpty();
    }

    @Test
    void readsTheMonthADecisionHoldsFrom() {
        YearMonth october = YearMonth.of(2026, 10);
        assertThat(ReviewImport.month(text("2026-11"), october)).contains(YearMonth.of(2026, 11));
        assertThat(ReviewImport.month(text("11/2026"), october)).contains(YearMonth.of(2026, 11));
        assertThat(ReviewImport.month(CellValue.EMPTY, october)).contains(october);
        assertThat(ReviewImport.month(text("November"), october)).isEmpty();
    }

    @Test
    void refusesAWorkbookWhoseColumnsWereMoved() throws Exception {
        Path file = folder.resolve("moved.xlsx");
        try (var out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "x", "1.0");
            Worksheet status = workbook.newWorksheet("Status");
            status.value(0, 0, "ID orang");
            status.value(0, 1, "No.");
            status.finish();
            Worksheet meta = workbook.newWorksheet(ReviewLayout.META_SHEET);
            List<String[]> lines = List.of(
                    new String[] {"format", ReviewLayout.FORMAT},
                    new String[] {"period", "2026-10"},
                    new String[] {"kode_desa", "51.08.01.2001"},
                    new String[] {"nama_desa", "Sumberklampok"},
                    new String[] {"language", "id"},
                    new String[] {"status_sheet", "Status"},
                    new String[] {"pair_sheet", "Ganda"});
            for (int row = 0; row < lines.size(); row++) {
                meta.value(row, 0, lines.get(row)[0]);
                meta.value(row, 1, lines.get(row)[1]);
            }
            meta.setVisibilityState(VisibilityState.HIDDEN);
            meta.finish();
            workbook.finish();
        }

        ReviewImport.Reading reading = ReviewImport.read(file, LocalDate.of(2026, 10, 20));

        assertThat(reading.period()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(reading.problems())
                .extracting(problem -> problem.describe("moved.xlsx", false))
                .containsExactly(
                        "moved.xlsx, lembar Status, baris 1, aturan HEADER_CHANGED: kolom 1 harus berjudul 'No.';"
                                + " kolom tidak boleh dipindah, ditambah atau dihapus",
                        "moved.xlsx, lembar Ganda, aturan SHEET_MISSING: lembar Ganda tidak ada lagi; nama lembar"
                                + " tidak boleh diubah");
    }

    private static CellValue text(String text) {
        return new CellValue(CellKind.TEXT, text, null, null);
    }
}
