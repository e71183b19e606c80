package id.satupintu.jobs;

import id.satupintu.pipeline.report.OutputContext;
import id.satupintu.pipeline.report.ReportLabels;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The options of the commands that write files per desa for one month of the published warehouse
 * ({@code uji-publik}, {@code review export}): {@code --period} and {@code --desa}, checked, and the
 * output context they share.
 */
public final class DesaOutputOptions {
    @Option(names = "--period", paramLabel = "YYYY-MM", required = true, descriptionKey = "period")
    String period;

    @Option(names = "--desa", paramLabel = "KODE", descriptionKey = "ujipublik-desa")
    List<String> desa = new ArrayList<>();

    public YearMonth month() {
        return Periods.parse(period);
    }

    /** The desa codes asked for, in order; empty for every desa. */
    public Set<String> desaCodes() {
        Set<String> codes = new LinkedHashSet<>();
        for (String code : desa) {
            if (!code.strip().matches("\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}")) {
                throw new OperatorException(
                        "--desa harus kode desa Kemendagri PP.KK.CC.DDDD, misalnya 51.08.01.2001",
                        "--desa must be a Kemendagri desa code PP.KK.CC.DDDD, for example 51.08.01.2001");
            }
            codes.add(code.strip());
        }
        return codes;
    }

    /** What the files say of themselves: the month, the language, the warehouse version, the time. */
    public OutputContext context(CommonOptions options, Path warehouseFile) {
        return new OutputContext(
                month(),
                ReportLabels.of(options.locale()),
                PublishedWarehouse.version(warehouseFile),
                ZonedDateTime.now(ZoneId.of("Asia/Jakarta")).withNano(0));
    }
}
