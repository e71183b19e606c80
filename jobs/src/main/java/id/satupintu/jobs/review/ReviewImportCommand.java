package id.satupintu.jobs.review;

import id.satupintu.jobs.CommonOptions;
import id.satupintu.jobs.Language;
import id.satupintu.jobs.OperatorException;
import id.satupintu.jobs.PublishedWarehouse;
import id.satupintu.pipeline.lake.AuditLog;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.lake.DataDirectoryLock;
import id.satupintu.pipeline.linkage.LinkOverrides;
import id.satupintu.pipeline.linkage.LinkageException;
import id.satupintu.pipeline.review.ReviewImport;
import id.satupintu.pipeline.status.StatusOverrideException;
import id.satupintu.pipeline.status.StatusOverrides;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * Reads a filled musyawarah desa review workbook back, checks every decision in it ({@link
 * ReviewImport}) and, when none has a problem, appends them to the overrides every later refresh
 * applies: status decisions to {@code config/status-overrides.csv}, same/different-person decisions
 * to {@code config/link-overrides.csv}, the files the {@code status-override} and {@code
 * link-override} commands append to. A workbook with a problem records nothing and every problem is
 * named by file, sheet, row and rule. It holds the data-directory lock while it checks and appends,
 * and records the import in the audit log ({@code metadata/audit.log}): operator, file name,
 * SHA-256, counts and the lines appended, never a name or a NIK. A workbook already imported is
 * refused unless {@code --again}.
 */
@Command(name = "import", mixinStandardHelpOptions = true)
public final class ReviewImportCommand implements Callable<Integer> {
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final int PROBLEMS_SHOWN = 50;

    @Mixin
    CommonOptions options;

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "review-file")
    Path file;

    @Option(names = "--operator", paramLabel = "NAME", required = true, descriptionKey = "review-operator")
    String operator;

    @Option(names = "--by", paramLabel = "WHO", descriptionKey = "review-by")
    String decidedBy;

    @Option(names = "--again", descriptionKey = "review-again")
    boolean again;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DataDirectory data = options.dataDirectory();
        if (operator.isBlank() || operator.matches(".*[0-9]{16}.*")) {
            throw new OperatorException(
                    "--operator harus nama operator yang mengimpor (tanpa NIK)",
                    "--operator must be the name of the operator who imports (no NIK)");
        }
        if (!Files.isRegularFile(file)) {
            throw new OperatorException("Berkas " + file + " tidak ada", "The file " + file + " does not exist");
        }
        ReviewImport.Reading reading;
        try {
            reading = ReviewImport.read(file, LocalDate.now(JAKARTA));
        } catch (IOException e) {
            throw new OperatorException(
                    "Berkas " + file + " tidak terbaca: " + e.getMessage(),
                    "The file " + file + " cannot be read: " + e.getMessage());
        }
        if (reading.period() == null) {
            throw refused(reading, reading.problems());
        }
        String by = decidedBy == null || decidedBy.isBlank() ? reading.musyawarah() : decidedBy.strip();
        Path warehouseFile = PublishedWarehouse.require(data);
        try (DataDirectoryLock lock = ReviewLock.take(data, "review import")) {
            if (!again) {
                refuseRepeat(data, reading);
            }
            requireReadable(data);
            ReviewImport.Decisions decisions;
            try (Connection warehouse = PublishedWarehouse.openReadOnly(warehouseFile)) {
                decisions = ReviewImport.decisions(reading, data, warehouse, by);
            } catch (SQLException e) {
                throw PublishedWarehouse.unreadable(warehouseFile, e);
            }
            if (!decisions.problems().isEmpty()) {
                throw refused(reading, decisions.problems());
            }
            List<Integer> statusLines = new ArrayList<>();
            for (StatusOverrides.Decision decision : decisions.status()) {
                StatusOverrides.append(data.statusOverrides(), decision);
                statusLines.add(lines(data.statusOverrides()));
            }
            List<Integer> linkLines = new ArrayList<>();
            for (LinkOverrides.Decision decision : decisions.links()) {
                LinkOverrides.append(data.linkOverrides(), decision);
                linkLines.add(lines(data.linkOverrides()));
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("at", Instant.now().toString());
            entry.put("action", "review-import");
            entry.put("operator", operator.strip());
            entry.put("file", reading.fileName());
            entry.put("sha256", reading.sha256());
            entry.put("period", reading.period().toString());
            entry.put("kode_desa", reading.kodeDesa());
            entry.put("decided_by", by);
            entry.put("status_decisions", decisions.status().size());
            entry.put("link_decisions", decisions.links().size());
            entry.put("undecided", reading.undecided());
            entry.put("status_override_lines", statusLines);
            entry.put("link_override_lines", linkLines);
            AuditLog.append(data.auditLog(), entry);
            var out = spec.commandLine().getOut();
            out.println(Language.format(
                    options.messages(),
                    "review.imported",
                    reading.fileName(),
                    decisions.status().size(),
                    data.statusOverrides(),
                    decisions.links().size(),
                    data.linkOverrides(),
                    reading.undecided()));
            out.println(Language.format(options.messages(), "review.audited", data.auditLog()));
        }
        return 0;
    }

    /** A workbook whose bytes were imported before is refused, naming when and by whom. */
    private static void refuseRepeat(DataDirectory data, ReviewImport.Reading reading) {
        for (JsonNode entry : AuditLog.read(data.auditLog())) {
            if ("review-import".equals(entry.path("action").asString(""))
                    && reading.sha256().equals(entry.path("sha256").asString(""))) {
                String when = entry.path("at").asString("");
                String who = entry.path("operator").asString("");
                throw new OperatorException(
                        "Buku kerja " + reading.fileName() + " sudah diimpor pada " + when + " oleh " + who
                                + "; gunakan --again untuk mengimpornya lagi",
                        "The workbook " + reading.fileName() + " was imported on " + when + " by " + who
                                + "; use --again to import it again");
            }
        }
    }

    /** The decision files must be readable before anything is appended to them. */
    private static void requireReadable(DataDirectory data) {
        try {
            StatusOverrides.read(data.statusOverrides());
        } catch (StatusOverrideException e) {
            throw new OperatorException(
                    e.messageIndonesian() + "; perbaiki baris itu dahulu",
                    e.messageEnglish() + "; correct that line first");
        }
        try {
            LinkOverrides.read(data.linkOverrides());
        } catch (LinkageException e) {
            throw new OperatorException(
                    e.messageIndonesian() + "; perbaiki baris itu dahulu",
                    e.messageEnglish() + "; correct that line first");
        }
    }

    private OperatorException refused(ReviewImport.Reading reading, List<ReviewImport.Problem> problems) {
        StringBuilder indonesian = new StringBuilder("Buku kerja " + reading.fileName() + " tidak diimpor, "
                + problems.size() + " masalah; tidak ada keputusan yang dicatat:");
        StringBuilder english = new StringBuilder("The workbook " + reading.fileName() + " is not imported, "
                + problems.size() + " problem(s); no decision is recorded:");
        for (ReviewImport.Problem problem : problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size()))) {
            indonesian.append(System.lineSeparator()).append("  ").append(problem.describe(reading.fileName(), false));
            english.append(System.lineSeparator()).append("  ").append(problem.describe(reading.fileName(), true));
        }
        if (problems.size() > PROBLEMS_SHOWN) {
            indonesian
                    .append(System.lineSeparator())
                    .append("  ... dan ")
                    .append(problems.size() - PROBLEMS_SHOWN)
                    .append(" lainnya");
            english.append(System.lineSeparator())
                    .append("  ... and ")
                    .append(problems.size() - PROBLEMS_SHOWN)
                    .append(" more");
        }
        return new OperatorException(indonesian.toString(), english.toString());
    }

    private static int lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).size();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
