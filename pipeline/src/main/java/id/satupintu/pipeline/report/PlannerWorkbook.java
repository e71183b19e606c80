package id.satupintu.pipeline.report;

import static id.satupintu.pipeline.report.SheetColumn.integer;
import static id.satupintu.pipeline.report.SheetColumn.text;
import static id.satupintu.pipeline.report.SqlFile.longOrNull;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;

/**
 * The planners' workbook of a month (Bapelitbangda): recipients per program per kecamatan and per
 * desa (by sex and age band), program overlap per kecamatan and kabupaten-wide, month-over-month
 * changes, exits by reason, and targeting indicators, from the published warehouse's marts. Counts
 * are exact (no small cell suppressed): the workbook is for the kabupaten's own planners, not for
 * publication, and its cover says so.
 */
public final class PlannerWorkbook {
    private static final SqlFile RECIPIENTS_KECAMATAN = SqlFile.of(PlannerWorkbook.class, "recipients_kecamatan");
    private static final SqlFile RECIPIENTS_DESA = SqlFile.of(PlannerWorkbook.class, "recipients_desa");
    private static final SqlFile OVERLAP_KECAMATAN = SqlFile.of(PlannerWorkbook.class, "program_overlap_kecamatan");
    private static final SqlFile OVERLAP_KABUPATEN = SqlFile.of(PlannerWorkbook.class, "program_overlap_kabupaten");
    private static final SqlFile CHANGES = SqlFile.of(PlannerWorkbook.class, "changes_kecamatan");
    private static final SqlFile EXITS = SqlFile.of(PlannerWorkbook.class, "exits_kecamatan");
    private static final SqlFile TARGETING = SqlFile.of(PlannerWorkbook.class, "targeting_kecamatan");

    private PlannerWorkbook() {}

    /** {@code perencanaan-YYYY-MM.xlsx}. */
    public static String fileName(YearMonth period) {
        return "perencanaan-" + period + ".xlsx";
    }

    public static void write(Connection warehouse, OutputContext context, OutputStream out)
            throws SQLException, IOException {
        ReportLabels labels = context.labels();
        String period = context.period().toString();
        try (XlsxWorkbook workbook = new XlsxWorkbook(out, context.maxRowsPerSheet())) {
            new Cover(context, labels.get("planner.title"))
                    .warehouse(warehouse)
                    .line(
                            labels.get("cover.sources"),
                            "mart_recipients_kecamatan, mart_recipients_desa, mart_program_overlap,"
                                    + " mart_changes_kecamatan, enrollment_episode, person_version,"
                                    + " mart_targeting_kecamatan, program, wilayah")
                    .line(labels.get("cover.small-cells"), labels.get("cover.small-cells.exact"))
                    .line(labels.get("cover.numbers"), labels.get("cover.numbers.text"))
                    .sheets(List.of(
                            List.of(labels.get("planner.sheet.kecamatan"), labels.get("planner.about.kecamatan")),
                            List.of(labels.get("planner.sheet.desa"), labels.get("planner.about.desa")),
                            List.of(labels.get("planner.sheet.overlap-kabupaten"), labels.get("planner.about.overlap")),
                            List.of(labels.get("planner.sheet.overlap"), labels.get("planner.about.overlap")),
                            List.of(labels.get("planner.sheet.changes"), labels.get("planner.about.changes")),
                            List.of(labels.get("planner.sheet.exits"), labels.get("planner.about.exits")),
                            List.of(labels.get("planner.sheet.targeting"), labels.get("planner.about.targeting"))))
                    .write(workbook);

            try (XlsxWorkbook.Table table = workbook.table(
                    labels.get("planner.sheet.kecamatan"),
                    List.of(
                            text(labels.get("col.program"), 12),
                            text(labels.get("col.program-name"), 34),
                            text(labels.get("col.kode-kecamatan"), 14),
                            text(labels.get("col.nama-kecamatan"), 24),
                            integer(labels.get("col.recipients")),
                            integer(labels.get("col.households")),
                            SheetColumn.rupiah(labels.get("col.benefit"))))) {
                RECIPIENTS_KECAMATAN.forEach(
                        warehouse,
                        row -> table.row(
                                row.getString("program_code"),
                                row.getString(labels.isEnglish() ? "program_name_en" : "program_nama"),
                                row.getString("kode_kecamatan"),
                                row.getString("nama_kecamatan"),
                                row.getLong("recipients"),
                                row.getLong("households"),
                                longOrNull(row, "benefit_rupiah")),
                        period);
            }

            try (XlsxWorkbook.Table table = workbook.table(
                    labels.get("planner.sheet.desa"),
                    List.of(
                            text(labels.get("col.program"), 12),
                            text(labels.get("col.kode-kecamatan"), 14),
                            text(labels.get("col.nama-kecamatan"), 22),
                            text(labels.get("col.kode-desa"), 16),
                            text(labels.get("col.nama-desa"), 24),
                            integer(labels.get("col.recipients")),
                            integer(labels.get("col.male")),
                            integer(labels.get("col.female")),
                            integer(labels.get("col.sex-unknown")),
                            integer(labels.get("col.age-0-6")),
                            integer(labels.get("col.age-7-17")),
                            integer(labels.get("col.age-18-59")),
                            integer(labels.get("col.age-60-plus")),
                            integer(labels.get("col.age-unknown")),
                            SheetColumn.rupiah(labels.get("col.benefit"))))) {
                RECIPIENTS_DESA.forEach(
                        warehouse,
                        row -> table.row(
                                row.getString("program_code"),
                                row.getString("kode_kecamatan"),
                                row.getString("nama_kecamatan"),
                                row.getString("kode_desa"),
                                row.getString("nama_desa"),
                                row.getLong("recipients"),
                                row.getLong("laki_laki"),
                                row.getLong("perempuan"),
                                row.getLong("sex_unknown"),
                                row.getLong("age_0_6"),
                                row.getLong("age_7_17"),
                                row.getLong("age_18_59"),
                                row.getLong("age_60_plus"),
                                row.getLong("age_unknown"),
                                longOrNull(row, "benefit_rupiah")),
                        period);
            }

            try (XlsxWorkbook.Table table = workbook.table(
                    labels.get("planner.sheet.overlap-kabupaten"),
                    List.of(
                            text(labels.get("col.program-a"), 12),
                            text(labels.get("col.program-b"), 12),
                            integer(labels.get("col.persons-both")),
                            new SheetColumn(labels.get("col.pct-of-a"), ColumnKind.PERCENT, 16)))) {
                OVERLAP_KABUPATEN.forEach(
                        warehouse,
                        row -> table.row(
                                row.getString("program_a"),
                                row.getString("program_b"),
                                row.getLong("persons"),
                                row.getBigDecimal("pct_of_program_a")),
                        period);
            }

            try (XlsxWorkbook.Table table = workbook.table(
                    labels.get("planner.sheet.overlap"),
                    List.of(
                            text(labels.get("col.kode-kecamatan"), 14),
                            text(labels.get("col.nama-kecamatan"), 22),
                            text(labels.get("col.program-a"), 12),
                            text(labels.get("col.program-b"), 12),
                            integer(labels.get("col.persons-both")),
                            new SheetColumn(labels.get("col.pct-of-a"), ColumnKind.PERCENT, 16)))) {
                OVERLAP_KECAMATAN.forEach(
                        warehouse,
                        row -> table.row(
                                row.getString("kode_kecamatan"),
                                row.getString("nama_kecamatan"),
                                row.getString("program_a"),
                                row.getString("program_b"),
                                row.getLong("persons"),
                                row.getBigDecimal("pct_of_program_a")),
                        period);
            }

            try (XlsxWorkbook.Table table = workbook.table(
                    labels.get("planner.sheet.changes"),
                    List.of(
                            text(labels.get("col.program"), 12),
                            text(labels.get("col.kode-kecamatan"), 14),
                            text(labels.get("col.nama-kecamatan"), 22),
                            text(labels.get("col.previous-period"), 14),
                            integer(labels.get("col.previous-recipients")),
                            integer(labels.get("col.added")),
                            integer(labels.get("col.exited")),
                            integer(labels.get("col.moved-in")),
                            integer(labels.get("col.moved-out")),
                            integer(labels.get("col.recipients"))))) {
                CHANGES.forEach(
                        warehouse,
                        row -> table.row(
                                row.getString("program_code"),
                                row.getString("kode_kecamatan"),
                                row.getString("nama_kecamatan"),
                                row.getString("previous_period"),
                                longOrNull(row, "previous_recipients"),
                                longOrNull(row, "added"),
                                longOrNull(row, "exited"),
                                longOrNull(row, "moved_in"),
                                longOrNull(row, "moved_out"),
                                row.getLong("recipients")),
                        period);
            }

            try (XlsxWorkbook.Table table = workbook.table(
                    labels.get("planner.sheet.exits"),
                    List.of(
                            text(labels.get("col.program"), 12),
                            text(labels.get("col.kode-kecamatan"), 14),
                            text(labels.get("col.nama-kecamatan"), 22),
                            text(labels.get("col.exit-reason-code"), 22),
                            text(labels.get("col.exit-reason"), 30),
                            text(labels.get("col.exit-basis"), 26),
                            integer(labels.get("col.exits"))))) {
                EXITS.forEach(
                        warehouse,
                        row -> table.row(
                                row.getString("program_code"),
                                row.getString("kode_kecamatan"),
                                row.getString("nama_kecamatan"),
                                row.getString("exit_reason"),
                                labels.code("exit-reason", row.getString("exit_reason")),
                                labels.code("exit-basis", row.getString("exit_basis")),
                                row.getLong("persons")),
                        period);
            }

            try (XlsxWorkbook.Table table = workbook.table(
                    labels.get("planner.sheet.targeting"),
                    List.of(
                            text(labels.get("col.program"), 12),
                            text(labels.get("col.kode-kecamatan"), 14),
                            text(labels.get("col.nama-kecamatan"), 22),
                            integer(labels.get("col.recipients")),
                            integer(labels.get("col.deceased")),
                            integer(labels.get("col.moved")),
                            integer(labels.get("col.well-off")),
                            integer(labels.get("col.civil-servant")),
                            integer(labels.get("col.car-owner")),
                            integer(labels.get("col.exclusive"))))) {
                TARGETING.forEach(
                        warehouse,
                        row -> table.row(
                                row.getString("program_code"),
                                row.getString("kode_kecamatan"),
                                row.getString("nama_kecamatan"),
                                row.getLong("recipients"),
                                row.getLong("deceased_enrolled"),
                                row.getLong("moved_enrolled"),
                                row.getLong("well_off_enrolled"),
                                row.getLong("civil_servant_enrolled"),
                                row.getLong("car_owner_enrolled"),
                                row.getLong("exclusive_programs_enrolled")),
                        period);
            }
        }
    }
}
