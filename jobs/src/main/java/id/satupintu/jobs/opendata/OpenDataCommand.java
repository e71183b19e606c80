package id.satupintu.jobs.opendata;

import id.satupintu.jobs.CommonOptions;
import id.satupintu.jobs.ExportAudit;
import id.satupintu.jobs.Language;
import id.satupintu.jobs.OperatorException;
import id.satupintu.jobs.Periods;
import id.satupintu.jobs.PublishedWarehouse;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.opendata.OpenDataException;
import id.satupintu.pipeline.opendata.OpenDataExport;
import id.satupintu.pipeline.opendata.OpenDataSettings;
import id.satupintu.pipeline.report.OutputContext;
import id.satupintu.pipeline.report.ReportLabels;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes the month's open data for a Satu Data portal (CKAN): recipients per program per desa and
 * per kecamatan as CSV with small cells suppressed, and a DCAT-style metadata file, to {@code
 * opendata/YYYY-MM/} of the data directory or {@code --out}. The threshold comes from {@code
 * config/opendata.properties} (default 5) or {@code --threshold}.
 */
@Command(name = "opendata", mixinStandardHelpOptions = true)
public final class OpenDataCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--period", paramLabel = "YYYY-MM", required = true, descriptionKey = "period")
    String period;

    @Option(names = "--threshold", paramLabel = "N", descriptionKey = "opendata-threshold")
    Integer threshold;

    @Option(names = "--out", paramLabel = "DIR", descriptionKey = "opendata-out")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DataDirectory data = options.dataDirectory();
        YearMonth month = Periods.parse(period);
        OpenDataSettings settings;
        try {
            settings = OpenDataSettings.read(data.openDataSettings());
        } catch (OpenDataException e) {
            throw new OperatorException(e.messageIndonesian(), e.messageEnglish());
        }
        if (threshold != null) {
            if (threshold < 1 || threshold > 1000) {
                throw new OperatorException(
                        "--threshold harus bilangan bulat 1 sampai 1000",
                        "--threshold must be a whole number from 1 to 1000");
            }
            settings = settings.withThreshold(threshold);
        }
        Path warehouseFile = PublishedWarehouse.require(data);
        Path folder = out != null ? out : data.openData(month);
        OutputContext context = new OutputContext(
                month,
                ReportLabels.of(options.locale()),
                PublishedWarehouse.version(warehouseFile),
                ZonedDateTime.now(ZoneId.of("Asia/Jakarta")).withNano(0));
        try (Connection warehouse = PublishedWarehouse.openReadOnly(warehouseFile)) {
            PublishedWarehouse.requirePeriod(warehouse, month);
            OpenDataExport.Result result = OpenDataExport.write(warehouse, context, settings, folder);
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("threshold", settings.smallCellThreshold());
            counts.put("shown", result.shown());
            counts.put("suppressed_primary", result.primary());
            counts.put("suppressed_secondary", result.secondary());
            ExportAudit.record(
                    data,
                    "opendata",
                    month,
                    List.of(result.desaFile(), result.kecamatanFile(), result.metadataFile()),
                    counts);
            var printed = spec.commandLine().getOut();
            printed.println(Language.format(
                    options.messages(),
                    "opendata.written",
                    result.desaFile(),
                    result.kecamatanFile(),
                    result.metadataFile()));
            printed.println(Language.format(
                    options.messages(),
                    "opendata.suppressed",
                    settings.smallCellThreshold(),
                    result.shown(),
                    result.primary(),
                    result.secondary()));
        } catch (SQLException e) {
            throw PublishedWarehouse.unreadable(warehouseFile, e);
        } catch (IOException e) {
            throw new OperatorException(
                    "Data terbuka tidak dapat ditulis ke " + folder + ": " + e.getMessage(),
                    "The open data cannot be written to " + folder + ": " + e.getMessage());
        }
        return 0;
    }
}
