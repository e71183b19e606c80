package id.satupintu.jobs.serve;

import id.satupintu.pipeline.lake.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The refresh runs for the operator (admin): one row per run report ({@code reports/YYYY-MM/run-N.json}), newest first. */
@RestController
@RequestMapping("/api/v1")
class RunsController {
    private static final Pattern RUN_REPORT = Pattern.compile("run-([0-9]+)\\.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DataDirectory data;

    RunsController(DataDirectory data) {
        this.data = data;
    }

    @GetMapping("/runs")
    ResponseEntity<?> runs(@RequestParam(required = false) String format, @RequestParam(required = false) String lang) {
        List<Figures.Column> columns = List.of(
                new Figures.Column("run", Figures.Kind.COUNT),
                new Figures.Column("period", Figures.Kind.TEXT),
                new Figures.Column("status", Figures.Kind.TEXT),
                new Figures.Column("started", Figures.Kind.TEXT),
                new Figures.Column("duration_ms", Figures.Kind.COUNT),
                new Figures.Column("files", Figures.Kind.COUNT),
                new Figures.Column("rows_read", Figures.Kind.COUNT),
                new Figures.Column("rows_staged", Figures.Kind.COUNT),
                new Figures.Column("rows_rejected", Figures.Kind.COUNT));
        List<Object[]> rows = new ArrayList<>();
        for (Path report : reports()) {
            JsonNode run = read(report);
            long read = 0;
            long staged = 0;
            long rejected = 0;
            int files = 0;
            for (JsonNode file : run.path("files")) {
                files++;
                read += file.path("rowsRead").asLong();
                staged += file.path("rowsStaged").asLong();
                rejected += file.path("rowsRejected").asLong();
            }
            rows.add(new Object[] {
                run.path("run").asLong(),
                run.path("period").asString(),
                run.path("status").asString(),
                run.path("started").asString(),
                run.path("durationMillis").asLong(),
                (long) files,
                read,
                staged,
                rejected
            });
        }
        rows.sort(Comparator.comparing((Object[] row) -> (Long) row[0]).reversed());
        Figures figures = new Figures(columns, rows);
        String chosen = format == null || format.isBlank() ? "json" : format;
        if (!FigureRequest.FORMATS.contains(chosen)) {
            throw ServeRequestException.badRequest(
                    "Format tidak dikenal: " + format + " (json, csv, xlsx)",
                    "Unknown format: " + format + " (json, csv, xlsx)");
        }
        FigureRequest.Wilayah none = new FigureRequest.Wilayah("-", "-", "-", null);
        FigureRequest request = new FigureRequest(
                "-",
                List.of(),
                none,
                none,
                chosen,
                "en".equalsIgnoreCase(lang) ? java.util.Locale.ENGLISH : java.util.Locale.forLanguageTag("id"));
        return FiguresResponse.of(figures, new FiguresResponse.About("runs", request, "run", null, "-"));
    }

    private static JsonNode read(Path report) {
        try {
            return JSON.readTree(Files.readString(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Path> reports() {
        Path root = data.root().resolve("reports");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(file -> {
                        Matcher matcher = RUN_REPORT.matcher(file.getFileName().toString());
                        return matcher.matches() && Files.isRegularFile(file);
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
