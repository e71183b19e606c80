package id.satupintu.pipeline.report;

import static id.satupintu.pipeline.report.SheetColumn.amount;
import static id.satupintu.pipeline.report.SheetColumn.integer;
import static id.satupintu.pipeline.report.SheetColumn.text;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;

/**
 * The budget staff's workbook of a month (BPKAD / Bappeda): social-protection spending per program,
 * funding source and kecamatan for the month, the quarter to date and the year to date, and a summary
 * per funding source, from {@code mart_spending_kecamatan}. Paid is what the rosters carry, spread
 * over the months a payment covers; entitled is what the dated rate table gives.
 */
public final class BudgetWorkbook {
    private static final SqlFile MONTH = SqlFile.of(BudgetWorkbook.class, "spending_month");
    private static final SqlFile QUARTER = SqlFile.of(BudgetWorkbook.class, "spending_quarter");
    private static final SqlFile YEAR = SqlFile.of(BudgetWorkbook.class, "spending_year");
    private static final SqlFile FUNDING_SOURCE = SqlFile.of(BudgetWorkbook.class, "spending_funding_source");

    private BudgetWorkbook() {}

    /** {@code anggaran-YYYY-MM.xlsx}. */
    public static String fileName(YearMonth period) {
        return "anggaran-" + period + ".xlsx";
    }

    /** The quarter of a month as the mart writes it: {@code 2026-Q4}. */
    public static String quarter(YearMonth period) {
        return period.getYear() + "-Q" + ((period.getMonthValue() - 1) / 3 + 1);
    }

    public static void write(Connection warehouse, OutputContext context, OutputStream out)
            throws SQLException, IOException {
        ReportLabels labels = context.labels();
        String period = context.period().toString();
        String quarter = quarter(context.period());
        int year = context.period().getYear();
        try (XlsxWorkbook workbook = new XlsxWorkbook(out, context.maxRowsPerSheet())) {
            new Cover(context, labels.get("budget.title"))
                    .warehouse(warehouse)
                    .line(labels.get("cover.quarter"), quarter)
                    .line(labels.get("cover.year"), Integer.toString(year))
                    .line(labels.get("cover.sources"), "mart_spending_kecamatan, benefit_rate, program, wilayah")
                    .line(labels.get("cover.paid-entitled"), labels.get("cover.paid-entitled.text"))
                    .line(labels.get("cover.small-cells"), labels.get("cover.small-cells.exact"))
                    .line(labels.get("cover.numbers"), labels.get("cover.numbers.text"))
                    .sheets(List.of(
                            List.of(labels.get("budget.sheet.funding"), labels.get("budget.about.funding")),
                            List.of(labels.get("budget.sheet.month"), labels.get("budget.about.month")),
                            List.of(labels.get("budget.sheet.quarter"), labels.get("budget.about.quarter")),
                            List.of(labels.get("budget.sheet.year"), labels.get("budget.about.year"))))
                    .write(workbook);

            try (XlsxWorkbook.Table table = workbook.table(
                    labels.get("budget.sheet.funding"),
                    List.of(
                            text(labels.get("col.funding"), 14),
                            text(labels.get("col.program"), 12),
                            amount(labels.format("col.paid-in", period)),
                            amount(labels.format("col.entitled-in", period)),
                            amount(labels.format("col.paid-in", quarter)),
                            amount(labels.format("col.entitled-in", quarter)),
                            amount(labels.format("col.paid-in", Integer.toString(year))),
                            amount(labels.format("col.entitled-in", Integer.toString(year)))))) {
                FUNDING_SOURCE.forEach(
                        warehouse,
                        row -> table.row(
                                labels.code("funding", row.getString("funding_source")),
                                row.getString("program_code"),
                                row.getBigDecimal("paid_month"),
                                row.getBigDecimal("entitled_month"),
                                row.getBigDecimal("paid_quarter"),
                                row.getBigDecimal("entitled_quarter"),
                                row.getBigDecimal("paid_year"),
                                row.getBigDecimal("entitled_year")),
                        period,
                        quarter,
                        year);
            }

            try (XlsxWorkbook.Table table = workbook.table(
                    labels.get("budget.sheet.month"),
                    List.of(
                            text(labels.get("col.program"), 12),
                            text(labels.get("col.funding"), 14),
                            text(labels.get("col.kode-kecamatan"), 14),
                            text(labels.get("col.nama-kecamatan"), 22),
                            integer(labels.get("col.recipients")),
                            amount(labels.get("col.paid")),
                            amount(labels.get("col.entitled"))))) {
                MONTH.forEach(
                        warehouse,
                        row -> table.row(
                                row.getString("program_code"),
                                labels.code("funding", row.getString("funding_source")),
                                row.getString("kode_kecamatan"),
                                row.getString("nama_kecamatan"),
                                row.getLong("recipients"),
                                row.getBigDecimal("paid_rupiah"),
                                row.getBigDecimal("entitled_rupiah")),
                        period);
            }

            for (String kind : List.of("quarter", "year")) {
                try (XlsxWorkbook.Table table = workbook.table(
                        labels.get("budget.sheet." + kind),
                        List.of(
                                text(labels.get("col.program"), 12),
                                text(labels.get("col.funding"), 14),
                                text(labels.get("col.kode-kecamatan"), 14),
                                text(labels.get("col.nama-kecamatan"), 22),
                                integer(labels.get("col.months")),
                                integer(labels.get("col.person-months")),
                                amount(labels.get("col.paid")),
                                amount(labels.get("col.entitled"))))) {
                    (kind.equals("quarter") ? QUARTER : YEAR)
                            .forEach(
                                    warehouse,
                                    row -> table.row(
                                            row.getString("program_code"),
                                            labels.code("funding", row.getString("funding_source")),
                                            row.getString("kode_kecamatan"),
                                            row.getString("nama_kecamatan"),
                                            row.getLong("months"),
                                            row.getLong("person_months"),
                                            row.getBigDecimal("paid_rupiah"),
                                            row.getBigDecimal("entitled_rupiah")),
                                    period,
                                    kind.equals("quarter") ? quarter : year);
                }
            }
        }
    }
}
