package id.satupintu.jobs.review;

import id.satupintu.jobs.CommonOptions;
import id.satupintu.jobs.DesaOutputOptions;
import id.satupintu.jobs.ExportAudit;
import id.satupintu.jobs.Language;
import id.satupintu.jobs.OperatorException;
import id.satupintu.jobs.PublishedWarehouse;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.lake.DataDirectoryLock;
import id.satupintu.pipeline.lake.RestrictedView;
import id.satupintu.pipeline.report.OutputContext;
import id.satupintu.pipeline.report.OutputFiles;
import id.satupintu.pipeline.review.ReviewWorkbook;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.duckdb.DuckDBConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes the month's musyawarah desa review workbooks, one per desa with a case (or per desa named
 * with {@code --desa}), to {@code desa/YYYY-MM/musdes/} of the data directory (owner-only) or {@code
 * --out}. They carry residents' names for the closed deliberation; it reads the restricted lake, so it
 * holds the data-directory lock while it reads.
 */
@Command(name = "export", mixinStandardHelpOptions = true)
public final class ReviewExportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Mixin
    DesaOutputOptions desaOptions;

    @Option(names = "--out", paramLabel = "DIR", descriptionKey = "review-out")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DataDirectory data = options.dataDirectory();
        YearMonth month = desaOptions.month();
        Set<String> desaCodes = desaOptions.desaCodes();
        Path warehouseFile = PublishedWarehouse.require(data);
        OutputContext context = desaOptions.context(options, warehouseFile);
        Path folder = out != null ? out : data.reviewWorkbooks(month);
        List<ReviewWorkbook.Written> written;
        try (DataDirectoryLock lock = ReviewLock.take(data, "review export")) {
            if (out == null) {
                OutputFiles.restrictedFolder(data.desaOutputs());
            }
            OutputFiles.restrictedFolder(folder);
            try (DuckDBConnection restricted = RestrictedView.open(data, warehouseFile)) {
                PublishedWarehouse.requirePeriod(restricted, month);
                written = ReviewWorkbook.write(restricted, data, context, desaCodes, folder);
            }
        } catch (SQLException e) {
            throw PublishedWarehouse.unreadable(warehouseFile, e);
        } catch (IllegalArgumentException e) {
            throw new OperatorException(
                    "Kode desa tidak dikenal: " + e.getMessage(), "Unknown desa code: " + e.getMessage());
        } catch (IOException e) {
            throw new OperatorException(
                    "Buku kerja musyawarah tidak dapat ditulis ke " + folder + ": " + e.getMessage(),
                    "The review workbooks cannot be written to " + folder + ": " + e.getMessage());
        }
        long status =
                written.stream().mapToLong(w -> w.review().statusCases().size()).sum();
        long pairs =
                written.stream().mapToLong(w -> w.review().pairCases().size()).sum();
        long rejects =
                written.stream().mapToLong(w -> w.review().rejectCases().size()).sum();
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("desa", written.size());
        counts.put("status_cases", status);
        counts.put("pair_cases", pairs);
        counts.put("reject_cases", rejects);
        ExportAudit.record(
                data,
                "review export",
                month,
                written.stream().map(ReviewWorkbook.Written::file).toList(),
                counts);
        spec.commandLine()
                .getOut()
                .println(Language.format(
                        options.messages(), "review.exported", written.size(), status, pairs, rejects, folder));
        return 0;
    }
}
