package id.satupintu.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.report.WorkbookContent.CellKind;
import id.satupintu.pipeline.report.WorkbookContent.SheetContent;
import id.satupintu.schemas.contract.WarehouseTables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The planners' and budget staff's workbooks over a hand-made warehouse of two kecamatans of
 * Buleleng, September and October 2026; every figure below is worked out from the rows inserted.
 */
class PlannerAndBudgetWorkbookTest {
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final WarehouseVersion VERSION =
            new WarehouseVersion("20261105-021500", Instant.parse("2026-11-05T02:15:00Z"));
    private static final ZonedDateTime GENERATED =
            ZonedDateTime.of(2026, 11, 6, 9, 30, 0, 0, ZoneId.of("Asia/Jakarta"));

    private Connection warehouse;

    @BeforeEach
    void handMadeWarehouse() throws Exception {
        warehouse = DuckDb.inMemory(1);
        for (String table : List.of(
                "wilayah",
                "program",
                "period",
                "mart_recipients_kecamatan",
                "mart_recipients_desa",
                "mart_program_overlap",
                "mart_changes_kecamatan",
                "enrollment_episode",
                "person_version",
                "mart_targeting_kecamatan",
                "mart_spending_kecamatan")) {
            DuckDb.execute(warehouse, WarehouseTables.ddl(table));
        }
        DuckDb.execute(warehouse, """
                INSERT INTO wilayah VALUES
                  ('51.08', 'Kabupaten Buleleng', 'kabupaten', '51', '51', '51.08', NULL, 'e'),
                  ('51.08.01', 'Gerokgak', 'kecamatan', '51.08', '51', '51.08', '51.08.01', 'e'),
                  ('51.08.02', 'Seririt', 'kecamatan', '51.08', '51', '51.08', '51.08.02', 'e'),
                  ('51.08.01.2001', 'Sumberklampok', 'desa', '51.08.01', '51', '51.08', '51.08.01', 'e'),
                  ('51.08.02.2001', 'Unggahan', 'desa', '51.08.02', '51', '51.08', '51.08.02', 'e');
                INSERT INTO program VALUES
                  ('PKH', 'Program Keluarga Harapan', 'Family Hope Programme', 'family', 'APBN'),
                  ('BPNT', 'Bantuan Pangan Non Tunai', 'Non-cash food assistance', 'family', 'APBN');
                INSERT INTO period VALUES ('2026-09', DATE '2026-09-01', 2, 0), ('2026-10', DATE '2026-10-01', 2, 0);
                INSERT INTO mart_recipients_kecamatan VALUES
                  ('2026-10', 'PKH', '51.08.01', 'Gerokgak', 1250, 1100, 937500000),
                  ('2026-10', 'PKH', '51.08.02', '=Seririt', 3, 3, NULL),
                  ('2026-09', 'PKH', '51.08.01', 'Gerokgak', 999, 999, 1);
                INSERT INTO mart_recipients_desa VALUES
                  ('2026-10', 'PKH', '51.08.01', 'Gerokgak', '51.08.01.2001', 'Sumberklampok', 'L', '18-59', 600, 100),
                  ('2026-10', 'PKH', '51.08.01', 'Gerokgak', '51.08.01.2001', 'Sumberklampok', 'P', '60+', 640, 200),
                  ('2026-10', 'PKH', '51.08.01', 'Gerokgak', '51.08.01.2001', 'Sumberklampok', 'unknown', 'unknown', 10, NULL),
                  ('2026-10', 'PKH', '51.08.02', 'Seririt', '51.08.02.2001', 'Unggahan', 'P', '0-6', 3, NULL);
                INSERT INTO mart_program_overlap VALUES
                  ('2026-10', '51.08.01', 'Gerokgak', 'BPNT', 'BPNT', 400),
                  ('2026-10', '51.08.01', 'Gerokgak', 'BPNT', 'PKH', 300),
                  ('2026-10', '51.08.01', 'Gerokgak', 'PKH', 'PKH', 1250),
                  ('2026-10', '51.08.02', 'Seririt', 'BPNT', 'BPNT', 200),
                  ('2026-10', '51.08.02', 'Seririt', 'BPNT', 'PKH', 1),
                  ('2026-10', '51.08.02', 'Seririt', 'PKH', 'PKH', 3);
                INSERT INTO mart_changes_kecamatan VALUES
                  ('2026-10', 'PKH', '51.08.01', 'Gerokgak', '2026-09', 1250, 1240, 20, 12, 3, 1),
                  ('2026-10', 'PKH', '51.08.02', 'Seririt', '2026-09', 3, NULL, NULL, NULL, NULL, NULL);
                INSERT INTO enrollment_episode VALUES
                  ('Pa', 'PKH', 1, 'AWAL', '2026-09', '2026-09', 1, '2026-10', 'MENINGGAL', 'DUKCAPIL', NULL, NULL),
                  ('Pb', 'PKH', 1, 'AWAL', '2026-09', '2026-09', 1, '2026-10', 'MENINGGAL', 'DUKCAPIL', NULL, NULL),
                  ('Pc', 'PKH', 1, 'AWAL', '2026-09', '2026-09', 1, '2026-10', 'KELUAR_DARI_DAFTAR', 'ROSTER', NULL, NULL),
                  ('Pd', 'PKH', 1, 'AWAL', '2026-09', '2026-10', 2, NULL, NULL, NULL, NULL, NULL);
                INSERT INTO person_version VALUES
                  ('Pa', 1, '51.08.01.2001', NULL, '2026-09', NULL, '2026-09', 1),
                  ('Pb', 1, '51.08.01.2001', NULL, '2026-09', NULL, '2026-09', 1),
                  ('Pc', 1, '51.08.02.2001', NULL, '2026-09', NULL, '2026-09', 1),
                  ('Pd', 1, '51.08.02.2001', NULL, '2026-09', NULL, '2026-10', 2);
                INSERT INTO mart_targeting_kecamatan VALUES
                  ('2026-10', 'PKH', '51.08.01', 'Gerokgak', 1250, 4, 2, 1, 7, 0, 0);
                INSERT INTO mart_spending_kecamatan VALUES
                  ('2026-07', '2026-Q3', 2026, 'PKH', 'APBN', '51.08.01', 'Gerokgak', 1000, 100.00, 100.00),
                  ('2026-09', '2026-Q3', 2026, 'PKH', 'APBN', '51.08.01', 'Gerokgak', 1240, 300000000.50, 310000000.00),
                  ('2026-10', '2026-Q4', 2026, 'PKH', 'APBN', '51.08.01', 'Gerokgak', 1250, 312500000.25, 312500000.00),
                  ('2026-10', '2026-Q4', 2026, 'BLT_DD', 'DANA_DESA', '51.08.02', 'Seririt', 3, 900000.00, 900000.00),
                  ('2026-10', '2026-Q4', 2026, 'PBI_JK', 'APBN', '51.08.02', 'Seririt', 40, NULL, 1680000.00);
                """);
    }

    @AfterEach
    void close() throws Exception {
        warehouse.close();
    }

    @Test
    void plannersWorkbookHoldsTheMonthsMartsWithExactNumbers() throws Exception {
        WorkbookContent content = planner(ReportLabels.indonesian());

        assertThat(content.sheets())
                .extracting(SheetContent::name)
                .containsExactly(
                        "Sampul",
                        "Penerima per kecamatan",
                        "Penerima per desa",
                        "Irisan program kabupaten",
                        "Irisan program per kecamatan",
                        "Perubahan bulanan",
                        "Keluar menurut alasan",
                        "Indikator sasaran");
        SheetContent cover = content.sheets().get(0);
        assertThat(rows(cover).subList(0, 8))
                .containsExactly(
                        "Buku kerja perencana: penerima bantuan sosial",
                        "",
                        "Periode | 2026-10",
                        "Wilayah | Kabupaten Buleleng (51.08)",
                        "Edisi kode wilayah | Kepmendagri 300.2.2-2138/2025",
                        "Versi gudang data | 20261105-021500 (berkas gudang data ditulis 2026-11-05 02:15:00 UTC)",
                        "Dibuat pada | 2026-11-06 09:30:00 WIB",
                        "Sumber (tabel gudang data) | mart_recipients_kecamatan, mart_recipients_desa,"
                                + " mart_program_overlap, mart_changes_kecamatan, enrollment_episode, person_version,"
                                + " mart_targeting_kecamatan, program, wilayah");
        assertThat(rows(content.sheets().get(1)))
                .containsExactly(
                        "Kode program | Nama program | Kode kecamatan | Kecamatan | Penerima (orang) | Keluarga |"
                                + " Manfaat (Rp)",
                        "PKH | Program Keluarga Harapan | 51.08.01 | Gerokgak | 1250 | 1100 | 937500000",
                        "PKH | Program Keluarga Harapan | 51.08.02 | '=Seririt | 3 | 3 | ");
        assertThat(rows(content.sheets().get(2)).subList(1, 3))
                .containsExactly(
                        "PKH | 51.08.01 | Gerokgak | 51.08.01.2001 | Sumberklampok | 1250 | 600 | 640 | 10 | 0 | 0 |"
                                + " 600 | 640 | 10 | 300",
                        "PKH | 51.08.02 | Seririt | 51.08.02.2001 | Unggahan | 3 | 0 | 3 | 0 | 3 | 0 | 0 | 0 | 0 | ");
        assertThat(rows(content.sheets().get(3)))
                .containsExactly(
                        "Program A | Program B | Orang di kedua program | % dari orang program A",
                        "BPNT | BPNT | 600 | 100", "BPNT | PKH | 301 | 50.2", "PKH | PKH | 1253 | 100");
        assertThat(rows(content.sheets().get(4))).contains("51.08.02 | Seririt | BPNT | PKH | 1 | 0.5");
        assertThat(rows(content.sheets().get(5)))
                .containsExactly(
                        "Kode program | Kode kecamatan | Kecamatan | Bulan sebelumnya | Penerima bulan sebelumnya |"
                                + " Baru | Keluar | Pindah masuk | Pindah keluar | Penerima (orang)",
                        "PKH | 51.08.01 | Gerokgak | 2026-09 | 1240 | 20 | 12 | 3 | 1 | 1250",
                        "PKH | 51.08.02 | Seririt | 2026-09 |  |  |  |  |  | 3");
        assertThat(rows(content.sheets().get(6)))
                .containsExactly(
                        "Kode program | Kode kecamatan | Kecamatan | Kode alasan | Alasan keluar | Dasar | Keluar (orang)",
                        "PKH | 51.08.01 | Gerokgak | MENINGGAL | Meninggal | Laporan Dukcapil | 2",
                        "PKH | 51.08.02 | Seririt | KELUAR_DARI_DAFTAR | Tidak ada lagi di roster | Roster saja | 1");
        assertThat(rows(content.sheets().get(7)))
                .containsExactly(
                        "Kode program | Kode kecamatan | Kecamatan | Penerima (orang) | Meninggal, masih terdaftar |"
                                + " Pindah, masih terdaftar | Mampu, masih terdaftar | Di daftar ASN | Pemilik mobil |"
                                + " BLT Dana Desa beserta PKH/BPNT",
                        "PKH | 51.08.01 | Gerokgak | 1250 | 4 | 2 | 1 | 7 | 0 | 0");
        SheetContent kecamatan = content.sheets().get(1);
        assertThat(kecamatan.cell(1, 2).kind()).isEqualTo(CellKind.TEXT);
        assertThat(kecamatan.cell(1, 4).kind()).isEqualTo(CellKind.NUMBER);
        assertThat(kecamatan.cell(1, 4).format()).isEqualTo("#,##0");
    }

    @Test
    void speaksEnglishWhenAsked() throws Exception {
        WorkbookContent content = planner(ReportLabels.english());

        assertThat(content.sheets())
                .extracting(SheetContent::name)
                .containsExactly(
                        "Cover",
                        "Recipients by kecamatan",
                        "Recipients by desa",
                        "Program overlap kabupaten",
                        "Program overlap by kecamatan",
                        "Monthly changes",
                        "Exits by reason",
                        "Targeting indicators");
        assertThat(rows(content.sheets().get(1)).get(1))
                .isEqualTo("PKH | Family Hope Programme | 51.08.01 | Gerokgak | 1250 | 1100 | 937500000");
        assertThat(rows(content.sheets().get(6)).get(1))
                .isEqualTo("PKH | 51.08.01 | Gerokgak | MENINGGAL | Deceased | Dukcapil report | 2");
    }

    @Test
    void budgetWorkbookSumsTheMonthTheQuarterAndTheYearToDate() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BudgetWorkbook.write(warehouse, context(ReportLabels.indonesian()), out);
        WorkbookContent content = WorkbookContent.read(new ByteArrayInputStream(out.toByteArray()));

        assertThat(content.sheets())
                .extracting(SheetContent::name)
                .containsExactly("Sampul", "Per sumber dana", "Bulan ini", "Triwulan berjalan", "Tahun berjalan");
        assertThat(rows(content.sheets().get(0))).contains("Triwulan | 2026-Q4", "Tahun | 2026");
        assertThat(rows(content.sheets().get(1)))
                .containsExactly(
                        "Sumber dana | Kode program | Dibayar 2026-10 (Rp) | Hak 2026-10 (Rp) | Dibayar 2026-Q4 (Rp) |"
                                + " Hak 2026-Q4 (Rp) | Dibayar 2026 (Rp) | Hak 2026 (Rp)",
                        "APBN | PBI_JK |  | 1680000 |  | 1680000 |  | 1680000",
                        "APBN | PKH | 312500000.25 | 312500000 | 312500000.25 | 312500000 | 612500100.75 | 622500100",
                        "Dana Desa | BLT_DD | 900000 | 900000 | 900000 | 900000 | 900000 | 900000");
        assertThat(rows(content.sheets().get(2)))
                .containsExactly(
                        "Kode program | Sumber dana | Kode kecamatan | Kecamatan | Penerima (orang) | Dibayar (Rp) |"
                                + " Hak menurut tarif (Rp)",
                        "BLT_DD | Dana Desa | 51.08.02 | Seririt | 3 | 900000 | 900000",
                        "PBI_JK | APBN | 51.08.02 | Seririt | 40 |  | 1680000",
                        "PKH | APBN | 51.08.01 | Gerokgak | 1250 | 312500000.25 | 312500000");
        assertThat(rows(content.sheets().get(3)))
                .contains("PKH | APBN | 51.08.01 | Gerokgak | 1 | 1250 | 312500000.25 | 312500000");
        assertThat(rows(content.sheets().get(4)))
                .contains("PKH | APBN | 51.08.01 | Gerokgak | 3 | 3490 | 612500100.75 | 622500100");
        assertThat(content.sheets().get(2).cell(3, 5).format()).isEqualTo("#,##0.00");
    }

    private WorkbookContent planner(ReportLabels labels) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlannerWorkbook.write(warehouse, context(labels), out);
        return WorkbookContent.read(new ByteArrayInputStream(out.toByteArray()));
    }

    private static OutputContext context(ReportLabels labels) {
        return new OutputContext(OCTOBER, labels, VERSION, GENERATED);
    }

    /** Each row's cells joined by " | ", numbers as the file stores them. */
    static List<String> rows(SheetContent sheet) {
        List<String> rows = new ArrayList<>();
        int width = sheet.rows().get(0).size();
        for (int row = 0; row < sheet.rows().size(); row++) {
            List<String> cells = new ArrayList<>();
            int cellsInRow = sheet.rows().get(row).size();
            for (int column = 0; column < (cellsInRow == 0 ? 0 : Math.max(width, cellsInRow)); column++) {
                var cell = sheet.cell(row, column);
                cells.add(
                        cell.kind() == CellKind.NUMBER
                                ? cell.number().stripTrailingZeros().toPlainString()
                                : cell.text());
            }
            rows.add(String.join(" | ", cells));
        }
        return rows;
    }
}
