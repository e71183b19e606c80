package id.satupintu.jobs.ujipublik;

import id.satupintu.jobs.CommonOptions;
import id.satupintu.jobs.DesaOutputOptions;
import id.satupintu.jobs.ExportAudit;
import id.satupintu.jobs.Language;
import id.satupintu.jobs.OperatorException;
import id.satupintu.jobs.PublishedWarehouse;
import id.satupintu.jobs.refresh.RefreshRunner;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.lake.DataDirectoryLock;
import id.satupintu.pipeline.lake.RestrictedView;
import id.satupintu.pipeline.report.OutputContext;
import id.satupintu.pipeline.report.OutputFiles;
import id.satupintu.pipeline.ujipublik.UjiPublikLists;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes the month's uji publik lists, one XLSX and one PDF per desa/kelurahan (or per desa named
 * with {@code --desa}), to {@code desa/YYYY-MM/uji-publik/} of the data directory (owner-only) or
 * {@code --out}: masked names, RT/RW, program and status, no NIK, birth date or address. It reads the
 * restricted golden record, so it holds the data-directory lock while it reads.
 */
@Command(name = "uji-publik", mixinStandardHelpOptions = true)
public final class UjiPublikCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Mixin
    DesaOutputOptions desaOptions;

    @Option(names = "--out", paramLabel = "DIR", descriptionKey = "ujipublik-out")
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
        Path folder = out != null ? out : data.ujiPublik(month);
        List<UjiPublikLists.Written> written;
        try (DataDirectoryLock lock = lock(data)) {
            if (out == null) {
                OutputFiles.restrictedFolder(data.desaOutputs());
            }
            OutputFiles.restrictedFolder(folder);
            try (Connection restricted = RestrictedView.open(data, warehouseFile)) {
                PublishedWarehouse.requirePeriod(restricted, month);
                written = UjiPublikLists.write(restricted, context, desaCodes, folder);
            }
        } catch (SQLException e) {
            throw PublishedWarehouse.unreadable(warehouseFile, e);
        } catch (IOException e) {
            throw new OperatorException(
                    "Daftar uji publik tidak dapat ditulis ke " + folder + ": " + e.getMessage(),
                    "The uji publik lists cannot be written to " + folder + ": " + e.getMessage());
        }
        List<String> missing = new ArrayList<>(desaCodes);
        written.forEach(list -> missing.remove(list.list().kodeDesa()));
        if (!missing.isEmpty()) {
            throw new OperatorException(
                    "Tidak ada penerima bulan " + month + " di desa " + String.join(", ", missing),
                    "No recipient in " + month + " in desa " + String.join(", ", missing));
        }
        long rows =
                written.stream().mapToLong(list -> list.list().entries().size()).sum();
        List<Path> files = new ArrayList<>();
        written.forEach(list -> {
            files.add(list.xlsx());
            files.add(list.pdf());
        });
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("desa", written.size());
        counts.put("rows", rows);
        ExportAudit.record(data, "uji-publik", month, files, counts);
        spec.commandLine()
                .getOut()
                .println(Language.format(options.messages(), "ujipublik.written", written.size(), rows, folder));
        return 0;
    }

    private static DataDirectoryLock lock(DataDirectory data) {
        try {
            return DataDirectoryLock.acquire(data, "uji-publik");
        } catch (DataDirectoryLock.HeldException e) {
            throw RefreshRunner.locked(e.holder());
        }
    }
}
