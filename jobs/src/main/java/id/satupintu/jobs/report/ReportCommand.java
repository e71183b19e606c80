package id.satupintu.jobs.report;

import id.satupintu.jobs.CommonOptions;
import id.satupintu.jobs.ExportAudit;
import id.satupintu.jobs.Language;
import id.satupintu.jobs.OperatorException;
import id.satupintu.jobs.Periods;
import id.satupintu.jobs.PublishedWarehouse;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.report.BudgetWorkbook;
import id.satupintu.pipeline.report.OutputContext;
import id.satupintu.pipeline.report.OutputFiles;
import id.satupintu.pipeline.report.PlannerWorkbook;
import id.satupintu.pipeline.report.ReportLabels;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes the month's workbooks for planners ({@code perencanaan-YYYY-MM.xlsx}) and budget staff
 * ({@code anggaran-YYYY-MM.xlsx}) from the published warehouse, in Bahasa Indonesia or English, to
 * {@code reports/YYYY-MM/} of the data directory or {@code --out}. They hold counts and rupiah, no
 * NIK, No. KK or name; the counts are exact, so they are for the kabupaten's staff, not for
 * publication (that is {@code opendata}).
 */
@Command(name = "report", mixinStandardHelpOptions = true)
public final class ReportCommand implements Callable<Integer> {
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @Mixin
    CommonOptions options;

    @Option(names = "--period", paramLabel = "YYYY-MM", required = true, descriptionKey = "period")
    String period;

    @Option(names = "--out", paramLabel = "DIR", descriptionKey = "report-out")
    Path out;

    /** Rows a sheet may hold; smaller only to test the split. */
    @Option(names = "--rows-per-sheet", hidden = true, defaultValue = "1048576")
    int rowsPerSheet;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DataDirectory data = options.dataDirectory();
        YearMonth month = Periods.parse(period);
        Path warehouseFile = PublishedWarehouse.require(data);
        Path folder = out != null ? out : data.reports(month);
        OutputContext context = new OutputContext(
                month,
                ReportLabels.of(options.locale()),
                PublishedWarehouse.version(warehouseFile),
                ZonedDateTime.now(JAKARTA).withNano(0),
                rowsPerSheet);
        try (Connection warehouse = PublishedWarehouse.openReadOnly(warehouseFile)) {
            PublishedWarehouse.requirePeriod(warehouse, month);
            Path planner = OutputFiles.write(
                    folder.resolve(PlannerWorkbook.fileName(month)),
                    stream -> PlannerWorkbook.write(warehouse, context, stream));
            Path budget = OutputFiles.write(
                    folder.resolve(BudgetWorkbook.fileName(month)),
                    stream -> BudgetWorkbook.write(warehouse, context, stream));
            ExportAudit.record(data, "report", month, List.of(planner, budget), Map.of("workbooks", 2));
            spec.commandLine().getOut().println(Language.format(options.messages(), "report.planner", planner));
            spec.commandLine().getOut().println(Language.format(options.messages(), "report.budget", budget));
        } catch (SQLException e) {
            throw PublishedWarehouse.unreadable(warehouseFile, e);
        } catch (IOException e) {
            throw new OperatorException(
                    "Buku kerja tidak dapat ditulis ke " + folder + ": " + e.getMessage(),
                    "The workbooks cannot be written to " + folder + ": " + e.getMessage());
        }
        return 0;
    }
}
