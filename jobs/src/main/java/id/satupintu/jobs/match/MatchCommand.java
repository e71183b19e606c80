package id.satupintu.jobs.match;

import id.satupintu.jobs.CommonOptions;
import id.satupintu.jobs.ExportAudit;
import id.satupintu.jobs.Language;
import id.satupintu.jobs.OperatorException;
import id.satupintu.jobs.Periods;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.lake.DataDirectoryLock;
import id.satupintu.pipeline.linkage.LinkageException;
import id.satupintu.pipeline.match.ListMatcher;
import id.satupintu.pipeline.match.MatchException;
import id.satupintu.pipeline.match.MatchWorkbook;
import id.satupintu.pipeline.match.MatchedList;
import id.satupintu.pipeline.privacy.Pseudonymizer;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Checks an outside list (a desa's proposed BLT list, say) against the published warehouse and
 * writes it back as XLSX with each row's person, programs and flags; prints counts, never a value
 * of the list.
 */
@Command(name = "match", mixinStandardHelpOptions = true)
public final class MatchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--input", paramLabel = "LIST.xlsx", required = true, descriptionKey = "match-input")
    Path input;

    @Option(names = "--out", paramLabel = "FILE.xlsx", descriptionKey = "match-out")
    Path out;

    @Option(names = "--period", paramLabel = "YYYY-MM", descriptionKey = "match-period")
    String period;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", descriptionKey = "threads")
    int threads;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DataDirectory data = options.dataDirectory();
        Locale locale = options.locale();
        Optional<YearMonth> month = Optional.ofNullable(period).map(Periods::parse);
        Path list = input.toAbsolutePath();
        Path result = out == null ? defaultOut(list) : out.toAbsolutePath();
        if (result.equals(list)) {
            throw new OperatorException(
                    "Berkas hasil tidak boleh sama dengan daftar masukan: " + result,
                    "The output file must not be the input list: " + result);
        }
        Optional<String> holder = DataDirectoryLock.holder(data);
        if (holder.isPresent()) {
            // a refresh may be clearing the lake partitions of the month being matched
            throw new OperatorException(
                    "Direktori data sedang dipakai oleh proses lain (" + holder.get()
                            + "); jalankan match setelah selesai",
                    "The data directory is in use by another run (" + holder.get()
                            + "); run match when it has finished");
        }
        if (!Files.isRegularFile(data.pseudonymKey())) {
            throw new OperatorException(
                    "Kunci samaran tidak ada di " + data.pseudonymKey() + "; jalankan refresh dahulu",
                    "There is no pseudonym key at " + data.pseudonymKey() + "; run refresh first");
        }
        MatchedList matched;
        try {
            matched = new ListMatcher(
                            data, Pseudonymizer.fromKeyFile(data.pseudonymKey()), WilayahTable.national(), threads)
                    .match(list, month);
            MatchWorkbook.write(matched, result, locale);
        } catch (MatchException e) {
            throw new OperatorException(e.messageIndonesian(), e.messageEnglish());
        } catch (LinkageException e) {
            throw new OperatorException(e.messageIndonesian(), e.messageEnglish());
        } catch (SQLException e) {
            throw new OperatorException(
                    "Pencocokan gagal di DuckDB: " + firstLine(e), "Matching failed in DuckDB: " + firstLine(e));
        } catch (IOException e) {
            throw new OperatorException(
                    "Berkas hasil " + result + " tidak dapat ditulis: " + e.getMessage(),
                    "The output file " + result + " cannot be written: " + e.getMessage());
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("list", matched.fileName());
        counts.put("rows", matched.rows().size());
        matched.statusCounts().forEach((status, count) -> counts.put(status.name(), count));
        ExportAudit.record(data, "match", matched.period(), List.of(result), counts);
        print(matched, result, options.messages(), locale, spec.commandLine().getOut());
        return 0;
    }

    /** {@code usulan.xlsx} gives {@code usulan-hasil.xlsx} beside it (a CSV list too). */
    static Path defaultOut(Path list) {
        String name = list.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return list.resolveSibling(stem + "-hasil.xlsx");
    }

    static void print(MatchedList matched, Path result, ResourceBundle messages, Locale locale, PrintWriter out) {
        out.println(Language.format(
                messages,
                "match.header",
                matched.fileName(),
                matched.rows().size(),
                matched.period().toString()));
        out.println(Language.format(
                messages,
                "match.columns",
                matched.columns().values().stream().map(String::strip).collect(Collectors.joining(", "))));
        out.println(Language.format(
                messages, "match.statuses", counts(matched.statusCounts(), status -> status.label(locale))));
        out.println(Language.format(messages, "match.flags", counts(matched.flagCounts(), flag -> flag.label(locale))));
        out.println(Language.format(messages, "match.written", result));
    }

    private static <K> String counts(Map<K, Long> counts, java.util.function.Function<K, String> label) {
        return counts.entrySet().stream()
                .map(entry -> label.apply(entry.getKey()) + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String firstLine(SQLException e) {
        return e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().strip().lines().findFirst().orElse("");
    }
}
