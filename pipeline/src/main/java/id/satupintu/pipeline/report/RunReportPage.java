package id.satupintu.pipeline.report;

import static java.util.Objects.requireNonNull;

import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.report.RunFacts.FileRun;
import id.satupintu.pipeline.report.RunFacts.StepTiming;
import id.satupintu.pipeline.report.RunReportFigures.DataTestOutcome;
import id.satupintu.pipeline.report.RunReportFigures.Dedup;
import id.satupintu.pipeline.report.RunReportFigures.KecamatanChange;
import id.satupintu.pipeline.report.RunReportFigures.KecamatanRecipients;
import id.satupintu.pipeline.report.RunReportFigures.MonthRecipients;
import id.satupintu.pipeline.report.RunReportFigures.RejectCount;
import id.satupintu.pipeline.report.RunReportFigures.SourceFile;
import id.satupintu.pipeline.report.SvgChart.BarRow;
import id.satupintu.pipeline.report.SvgChart.ChangeRow;
import id.satupintu.pipeline.report.SvgChart.Point;
import id.satupintu.pipeline.report.SvgChart.Segment;
import id.satupintu.pipeline.report.SvgChart.Series;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * The run and data-quality report of one refresh as one self-contained HTML file ({@code
 * reports/YYYY-MM/run-N.html}): inline stylesheet, charts as inline SVG, no script, and a
 * Content-Security-Policy that forbids every network load, so it opens anywhere without a network.
 * Built as a jsoup DOM: every text and attribute is escaped on output. Each chart mark and each
 * table cell carries its exact figure in a {@code data-*} attribute. It holds aggregates, file names,
 * step names and rule ids only.
 */
public final class RunReportPage {
    /** Natural widths of the charts (SVG units = CSS pixels); a narrower window scales them down. */
    private static final int WIDE = 900;

    private static final int NARROW = 500;

    private static final String STYLESHEET = """
            :root{color-scheme:light;--ink:#1d2733;--muted:#5b6876;--line:#d6dde5;--panel:#f5f7fa;--bad:#b3261e;--good:#1b6e3c}
            *{box-sizing:border-box}
            body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:var(--ink);background:#fff}
            header{background:#12355b;color:#fff;padding:20px 32px}
            header h1{margin:0 0 6px;font-size:22px}
            header dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:8px 0 0;font-size:13px}
            header dt{opacity:.8}header dd{margin:0}
            main{max-width:1240px;margin:0 auto;padding:8px 32px 40px}
            section{margin:28px 0;padding-top:4px;border-top:1px solid var(--line)}
            h2{font-size:18px;margin:14px 0 4px}
            h3{font-size:14px;margin:12px 0 4px}
            p.about{color:var(--muted);margin:2px 0 10px;max-width:900px}
            .tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:10px;margin:10px 0}
            .tile{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:10px 12px}
            .tile .figure{display:block;font-size:22px;font-weight:600}
            .tile .name{display:block;color:var(--muted);font-size:12px}
            .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(500px,1fr));gap:8px 24px}
            figure{margin:0;min-width:0}
            svg.chart{display:block;max-width:100%;height:auto;overflow:visible}
            .scroll{overflow-x:auto;max-width:100%}
            svg.chart text{fill:var(--ink);font-family:inherit}
            svg.chart text.tick,svg.chart text.threshold-label{fill:var(--muted)}
            svg.chart text.value.outlier{fill:var(--bad);font-weight:600}
            svg.chart line.axis{stroke:#8b97a3;stroke-width:1}
            svg.chart line.grid{stroke:#e7ebf0;stroke-width:1}
            svg.chart line.threshold{stroke:var(--bad);stroke-width:1;stroke-dasharray:4 3}
            svg.chart circle.point{stroke:#fff;stroke-width:1.5}
            ul.legend{list-style:none;display:flex;flex-wrap:wrap;gap:4px 16px;padding:0;margin:6px 0}
            ul.legend li{display:flex;align-items:center;gap:6px;font-size:13px}
            details{margin:8px 0}
            summary{cursor:pointer;color:#12355b}
            table{border-collapse:collapse;margin:6px 0;font-size:12.5px}
            th,td{border-bottom:1px solid var(--line);padding:3px 10px;text-align:left;vertical-align:top;white-space:nowrap}
            th{background:var(--panel)}
            td.number,th.number{text-align:right;font-variant-numeric:tabular-nums}
            .bad{color:var(--bad);font-weight:600}
            .good{color:var(--good)}
            .notice{background:#fdf1ef;border:1px solid #f1c6c0;border-radius:6px;padding:10px 12px}
            footer{max-width:1240px;margin:0 auto;padding:0 32px 32px;color:var(--muted);font-size:12px}
            """;

    /** No network, no script, no frame, no form; the one stylesheet by its hash. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'sha256-"
            + sha256(STYLESHEET)
            + "'; img-src 'none'; font-src 'none'; connect-src 'none'; script-src 'none'; base-uri 'none';"
            + " form-action 'none'";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter ZONED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withLocale(ReportLabels.INDONESIAN);

    private final RunFacts run;
    private final Optional<RunReportFigures> figures;
    private final ReportLabels labels;
    private final ZonedDateTime generatedAt;
    private final NumberFormat integers;
    private final DecimalFormat percents;
    private final DecimalFormat seconds;
    private final Map<String, String> programColours = new LinkedHashMap<>();

    private RunReportPage(
            RunFacts run, Optional<RunReportFigures> figures, ReportLabels labels, ZonedDateTime generatedAt) {
        this.run = requireNonNull(run, "run is null");
        this.figures = requireNonNull(figures, "figures is null");
        this.labels = requireNonNull(labels, "labels is null");
        this.generatedAt = requireNonNull(generatedAt, "generatedAt is null");
        Locale locale = labels.isEnglish() ? Locale.ENGLISH : ReportLabels.INDONESIAN;
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        this.integers = NumberFormat.getIntegerInstance(locale);
        this.integers.setGroupingUsed(true);
        this.percents = new DecimalFormat("+#,##0.0%;-#,##0.0%", symbols);
        this.seconds = new DecimalFormat("#,##0.0", symbols);
        figures.ifPresent(published -> {
            List<String> codes = new ArrayList<>(published.programs().keySet());
            published.programCodes().stream()
                    .filter(code -> !codes.contains(code))
                    .forEach(codes::add);
            codes.sort(String::compareTo);
            for (int i = 0; i < codes.size(); i++) {
                programColours.put(codes.get(i), SvgChart.PALETTE.get(i % SvgChart.PALETTE.size()));
            }
        });
    }

    /** {@code run-N.html}. */
    public static String fileName(long runId) {
        return "run-" + runId + ".html";
    }

    /**
     * The report of a run. {@code figures} are the published warehouse's, present when the run
     * completed (it published that warehouse); without them the page shows the run alone.
     */
    public static Document render(
            RunFacts run, Optional<RunReportFigures> figures, ReportLabels labels, ZonedDateTime generatedAt) {
        return new RunReportPage(run, figures, labels, generatedAt).document();
    }

    /** Writes the report into {@code folder} under a temporary name, owner-only, then renames it into place. */
    public static Path write(
            RunFacts run,
            Optional<RunReportFigures> figures,
            ReportLabels labels,
            ZonedDateTime generatedAt,
            Path folder)
            throws IOException {
        String html = render(run, figures, labels, generatedAt).outerHtml();
        Files.createDirectories(folder);
        Path target = folder.resolve(fileName(run.runId()));
        Path temporary = folder.resolve("." + fileName(run.runId()) + ".tmp");
        Files.writeString(temporary, html, StandardCharsets.UTF_8);
        // like run-N.json: file names and counts for the operator, not for every account of the machine
        DataDirectory.ownerOnlyFile(temporary);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private Document document() {
        Document document = Document.createShell("");
        // standards mode: without a doctype a browser lays the page out in quirks mode
        document.prependChild(new DocumentType("html", "", ""));
        document.outputSettings()
                .charset(StandardCharsets.UTF_8)
                .escapeMode(Entities.EscapeMode.base)
                .prettyPrint(false);
        document.selectFirst("html").attr("lang", labels.language());
        Element head = document.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta")
                .attr("http-equiv", "Content-Security-Policy")
                .attr("content", CONTENT_SECURITY_POLICY);
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("meta").attr("name", "referrer").attr("content", "no-referrer");
        head.appendElement("title").text(labels.format("run.title", run.period().toString()));
        head.appendElement("style").appendChild(new DataNode(STYLESHEET));

        Element body = document.body();
        header(body.appendElement("header"));
        Element main = body.appendElement("main");
        summary(main);
        if (figures.isPresent()) {
            RunReportFigures published = figures.get();
            recipientsByMonth(main, published);
            recipientsByKecamatan(main, published);
            rejects(main, published);
            dedup(main, published.dedup());
            changes(main, published);
            sources(main, published);
            dataTests(main, published.dataTests());
        } else {
            main.appendElement("p")
                    .addClass("notice")
                    .attr("data-notice", "not-published")
                    .text(labels.get("run.not-published"));
            files(main);
        }
        steps(main);
        body.appendElement("footer").appendElement("p").text(labels.get("run.privacy"));
        return document;
    }

    private void header(Element header) {
        header.appendElement("h1").text(labels.format("run.title", run.period().toString()));
        Element facts = header.appendElement("dl");
        fact(facts, labels.get("run.run"), Long.toString(run.runId()));
        fact(facts, labels.get("run.status"), labels.code("run.status", run.status()))
                .attr("data-status", run.status());
        run.started()
                .ifPresent(started -> fact(
                        facts,
                        labels.get("run.started"),
                        ZONED.format(
                                started.atZone(ZoneId.systemDefault()).withZoneSameInstant(generatedAt.getZone()))));
        fact(facts, labels.get("run.duration"), secondsText(run.durationMillis()));
        figures.ifPresent(published -> fact(
                facts,
                labels.get("run.warehouse"),
                labels.format(
                        "cover.version.value",
                        published.version().version(),
                        DATE_TIME
                                .withZone(ZoneOffset.UTC)
                                .format(published.version().writtenAt()))));
        fact(facts, labels.get("run.generated"), ZONED.format(generatedAt));
    }

    private static Element fact(Element list, String name, String value) {
        list.appendElement("dt").text(name);
        return list.appendElement("dd").text(value);
    }

    private void summary(Element main) {
        Element section = section(main, "summary", labels.get("run.summary"));
        Element tiles = section.appendElement("div").addClass("tiles");
        tile(tiles, "files", labels.get("run.tile.files"), run.files().size());
        tile(tiles, "rows-read", labels.get("run.tile.rows-read"), sum(run.files(), FileRun::rowsRead));
        tile(tiles, "rows-staged", labels.get("run.tile.rows-staged"), sum(run.files(), FileRun::rowsStaged));
        tile(tiles, "rows-rejected", labels.get("run.tile.rows-rejected"), sum(run.files(), FileRun::rowsRejected));
        figures.ifPresent(published -> tile(
                tiles,
                "persons",
                labels.get("run.tile.persons"),
                published.dedup().persons()));
        if (!run.failures().isEmpty()) {
            section.appendElement("h3").text(labels.get("run.failures"));
            Element list = section.appendElement("ul").addClass("failures");
            run.failures().forEach(failure -> list.appendElement("li").text(failure));
        }
    }

    private void tile(Element tiles, String key, String name, long value) {
        Element tile = tiles.appendElement("div").addClass("tile").attr("data-tile", key);
        tile.appendElement("span")
                .addClass("figure")
                .attr("data-value", Long.toString(value))
                .text(integers.format(value));
        tile.appendElement("span").addClass("name").text(name);
    }

    private void recipientsByMonth(Element main, RunReportFigures published) {
        Element section = section(main, "recipients-month", labels.get("run.recipients-month"));
        about(
                section,
                labels.format("run.recipients-month.about", published.periods().size()));
        List<String> months = published.periods();
        List<Series> series = new ArrayList<>();
        for (String program : published.programCodes()) {
            List<Point> points = new ArrayList<>();
            for (MonthRecipients row : published.recipientsByMonth()) {
                if (row.programCode().equals(program) && months.contains(row.period())) {
                    points.add(new Point(
                            months.indexOf(row.period()),
                            row.recipients(),
                            program + " " + row.period() + ": " + integers.format(row.recipients()),
                            Map.of(
                                    "program",
                                    program,
                                    "period",
                                    row.period(),
                                    "value",
                                    Long.toString(row.recipients()))));
                }
            }
            series.add(new Series(program, colour(program), points));
        }
        figure(section)
                .appendChild(SvgChart.lineChart(
                        "recipients-month",
                        labels.get("run.recipients-month"),
                        months,
                        series,
                        integers::format,
                        WIDE,
                        300));
        legend(section, published.programCodes(), published);
        Element table = table(
                section,
                "recipients-month",
                labels.get("run.col.month"),
                labels.get("run.col.program"),
                "#" + labels.get("run.col.recipients"));
        for (MonthRecipients row : published.recipientsByMonth()) {
            Element tr = table.appendElement("tr");
            cell(tr, row.period());
            cell(tr, row.programCode());
            number(tr, row.recipients());
        }
    }

    private void recipientsByKecamatan(Element main, RunReportFigures published) {
        String month = run.period().toString();
        Element section = section(main, "recipients-kecamatan", labels.format("run.recipients-kecamatan", month));
        about(section, labels.get("run.recipients-kecamatan.about"));
        Map<String, List<KecamatanRecipients>> byProgram = published.recipientsByKecamatan().stream()
                .collect(Collectors.groupingBy(KecamatanRecipients::programCode, TreeMap::new, Collectors.toList()));
        Element grid = section.appendElement("div").addClass("grid");
        byProgram.forEach((program, rows) -> {
            Element panel = grid.appendElement("figure").attr("data-program", program);
            panel.appendElement("h3").text(program + " — " + published.programName(program, labels));
            List<BarRow> bars = rows.stream()
                    .map(row -> new BarRow(
                            row.namaKecamatan(),
                            List.of(new Segment(
                                    row.recipients(),
                                    colour(program),
                                    program + ", " + row.namaKecamatan() + ": " + integers.format(row.recipients()),
                                    Map.of(
                                            "program", program,
                                            "kecamatan", row.kodeKecamatan(),
                                            "value", Long.toString(row.recipients())))),
                            integers.format(row.recipients())))
                    .toList();
            panel.appendChild(SvgChart.horizontalBars(
                    "recipients-kecamatan-" + program,
                    labels.format("run.recipients-kecamatan", month) + " — " + program,
                    bars,
                    NARROW));
        });
        Element table = table(
                section,
                "recipients-kecamatan",
                labels.get("run.col.program"),
                labels.get("run.col.kecamatan"),
                "#" + labels.get("run.col.recipients"));
        for (KecamatanRecipients row : published.recipientsByKecamatan()) {
            Element tr = table.appendElement("tr");
            cell(tr, row.programCode());
            cell(tr, row.namaKecamatan() + " (" + row.kodeKecamatan() + ")");
            number(tr, row.recipients());
        }
    }

    private void rejects(Element main, RunReportFigures published) {
        Element section = section(
                main, "rejects", labels.format("run.rejects", run.period().toString()));
        if (published.rejects().isEmpty()) {
            about(section, labels.get("run.rejects.none"));
            return;
        }
        about(section, labels.get("run.rejects.about"));
        Map<String, Map<String, Long>> byRule = new TreeMap<>();
        for (RejectCount row : published.rejects()) {
            byRule.computeIfAbsent(row.ruleId(), rule -> new TreeMap<>())
                    .merge(row.programCode(), row.rejectedRows(), Long::sum);
        }
        List<BarRow> bars = new ArrayList<>();
        byRule.forEach((rule, byProgram) -> {
            List<Segment> segments = new ArrayList<>();
            byProgram.forEach((program, rows) -> segments.add(new Segment(
                    rows,
                    colour(program),
                    rule + ", " + program + ": " + integers.format(rows),
                    Map.of("rule", rule, "program", program, "value", Long.toString(rows)))));
            long total = byProgram.values().stream().mapToLong(Long::longValue).sum();
            bars.add(new BarRow(rule, segments, integers.format(total)));
        });
        figure(section)
                .appendChild(SvgChart.horizontalBars(
                        "rejects", labels.format("run.rejects", run.period().toString()), bars, WIDE));
        legend(
                section,
                published.rejects().stream()
                        .map(RejectCount::programCode)
                        .distinct()
                        .sorted()
                        .toList(),
                published);
        Element table = table(
                section,
                "rejects",
                labels.get("run.col.program"),
                labels.get("run.col.file"),
                labels.get("run.col.rule"),
                "#" + labels.get("run.col.rejected"));
        for (RejectCount row : published.rejects()) {
            Element tr = table.appendElement("tr");
            cell(tr, row.programCode());
            cell(tr, row.sourceFile());
            cell(tr, row.ruleId());
            number(tr, row.rejectedRows());
        }
    }

    private void dedup(Element main, Dedup dedup) {
        Element section =
                section(main, "dedup", labels.format("run.dedup", run.period().toString()));
        about(section, labels.get("run.dedup.about"));
        Map<String, Long> measures = new LinkedHashMap<>();
        measures.put("rows-staged", dedup.rowsStaged());
        measures.put("persons", dedup.persons());
        measures.put("merges", dedup.merges());
        measures.put("splits", dedup.splits());
        measures.put("nik-ganda", dedup.nikGanda());
        measures.put("overrides", dedup.overridesApplied());
        measures.put("review-pairs", dedup.reviewPairs());
        measures.put("rejected-attached", dedup.rejectedRowsAttached());
        // rows against persons on one scale; the registry's changes are far smaller and get tiles
        List<BarRow> bars = new ArrayList<>();
        for (String key : List.of("rows-staged", "persons")) {
            bars.add(new BarRow(
                    labels.get("run.dedup." + key),
                    List.of(new Segment(
                            measures.get(key),
                            key.equals("persons") ? "#12355B" : SvgChart.NEUTRAL_COLOUR,
                            labels.get("run.dedup." + key) + ": " + integers.format(measures.get(key)),
                            Map.of("measure", key, "value", Long.toString(measures.get(key))))),
                    integers.format(measures.get(key))));
        }
        figure(section)
                .appendChild(SvgChart.horizontalBars(
                        "dedup", labels.format("run.dedup", run.period().toString()), bars, WIDE));
        Element tiles = section.appendElement("div").addClass("tiles");
        measures.forEach((key, value) -> {
            if (!key.equals("rows-staged") && !key.equals("persons")) {
                tile(tiles, key, labels.get("run.dedup." + key), value);
            }
        });
        Element table = table(section, "dedup", labels.get("run.col.measure"), "#" + labels.get("run.col.count"));
        measures.forEach((key, value) -> {
            Element tr = table.appendElement("tr").attr("data-measure", key);
            cell(tr, labels.get("run.dedup." + key));
            number(tr, value);
        });
    }

    private void changes(Element main, RunReportFigures published) {
        String month = run.period().toString();
        Element section = section(
                main,
                "changes",
                labels.format("run.changes", month, run.period().minusMonths(1).toString()));
        String threshold = NumberFormat.getPercentInstance(
                        labels.isEnglish() ? Locale.ENGLISH : ReportLabels.INDONESIAN)
                .format(RunReportFigures.OUTLIER_MIN_FRACTION);
        about(section, labels.format("run.changes.rule", RunReportFigures.OUTLIER_MIN_PERSONS, threshold))
                .attr(
                        "data-rule",
                        "persons>" + RunReportFigures.OUTLIER_MIN_PERSONS + " fraction>"
                                + RunReportFigures.OUTLIER_MIN_FRACTION);
        if (published.changes().isEmpty()) {
            about(section, labels.get("run.changes.none"));
            return;
        }
        long outliers =
                published.changes().stream().filter(KecamatanChange::outlier).count();
        section.appendElement("p")
                .addClass(outliers > 0 ? "bad" : "good")
                .attr("data-outliers", Long.toString(outliers))
                .text(labels.format("run.changes.outliers", integers.format(outliers)));
        Map<String, List<KecamatanChange>> byProgram = published.changes().stream()
                .collect(Collectors.groupingBy(KecamatanChange::programCode, TreeMap::new, Collectors.toList()));
        Element grid = section.appendElement("div").addClass("grid");
        byProgram.forEach((program, rows) -> {
            Element panel = grid.appendElement("figure").attr("data-program", program);
            panel.appendElement("h3").text(program + " — " + published.programName(program, labels));
            List<ChangeRow> bars = rows.stream()
                    .map(row -> {
                        Double fraction = row.change() == null
                                ? null
                                : row.changeFraction() != null
                                        ? row.changeFraction()
                                        : row.change() == 0 ? 0.0 : Double.POSITIVE_INFINITY;
                        Map<String, String> data = new LinkedHashMap<>();
                        data.put("program", program);
                        data.put("kecamatan", row.kodeKecamatan());
                        data.put("change", String.valueOf(row.change()));
                        data.put("previous", String.valueOf(row.previousRecipients()));
                        data.put("value", Long.toString(row.recipients()));
                        data.put("outlier", Boolean.toString(row.outlier()));
                        String text = changeText(row);
                        return new ChangeRow(
                                row.namaKecamatan(),
                                fraction,
                                row.outlier(),
                                text,
                                program + ", " + row.namaKecamatan() + ": " + text,
                                data);
                    })
                    .toList();
            panel.appendChild(SvgChart.divergingBars(
                    "changes-" + program,
                    labels.format(
                                    "run.changes",
                                    month,
                                    run.period().minusMonths(1).toString()) + " — " + program,
                    bars,
                    RunReportFigures.OUTLIER_MIN_FRACTION,
                    threshold,
                    NARROW));
        });
        Element table = table(
                section,
                "changes",
                labels.get("run.col.program"),
                labels.get("run.col.kecamatan"),
                "#" + labels.get("run.col.previous"),
                "#" + labels.get("run.col.recipients"),
                "#" + labels.get("run.col.change"),
                "#" + labels.get("run.col.change-percent"),
                "#" + labels.get("run.col.added"),
                "#" + labels.get("run.col.exited"),
                "#" + labels.get("run.col.moved-in"),
                "#" + labels.get("run.col.moved-out"),
                labels.get("run.col.outlier"));
        for (KecamatanChange row : published.changes()) {
            Element tr = table.appendElement("tr").attr("data-outlier", Boolean.toString(row.outlier()));
            cell(tr, row.programCode());
            cell(tr, row.namaKecamatan() + " (" + row.kodeKecamatan() + ")");
            number(tr, row.previousRecipients());
            number(tr, row.recipients());
            number(tr, row.change());
            Element percent = tr.appendElement("td").addClass("number");
            if (row.changeFraction() != null) {
                percent.attr("data-value", Double.toString(row.changeFraction()))
                        .text(percentText(row.changeFraction()));
            }
            number(tr, row.added());
            number(tr, row.exited());
            number(tr, row.movedIn());
            number(tr, row.movedOut());
            Element outlier = cell(tr, labels.get(row.outlier() ? "run.yes" : "run.no"));
            if (row.outlier()) {
                outlier.addClass("bad");
            }
        }
    }

    private String changeText(KecamatanChange row) {
        if (row.change() == null) {
            return labels.get("run.changes.none-to-compare");
        }
        String persons = (row.change() > 0 ? "+" : "") + integers.format(row.change());
        if (row.changeFraction() != null) {
            return persons + " (" + percentText(row.changeFraction()) + ")";
        }
        return row.change() == 0 ? persons : persons + " (" + labels.get("run.changes.new") + ")";
    }

    private void sources(Element main, RunReportFigures published) {
        Element section = section(
                main, "sources", labels.format("run.sources", run.period().toString()));
        about(section, labels.get("run.sources.about"));
        Map<String, FileRun> timings = new LinkedHashMap<>();
        run.files().forEach(file -> timings.put(file.file(), file));
        Element table = section.appendElement("div")
                .addClass("scroll")
                .appendElement("table")
                .attr("data-table", "sources");
        header(
                table,
                labels.get("run.col.file"),
                labels.get("run.col.program"),
                labels.get("run.col.month"),
                labels.get("run.col.status"),
                labels.get("run.col.modified"),
                "#" + labels.get("run.col.age"),
                "#" + labels.get("run.col.rows-read"),
                "#" + labels.get("run.col.rows-staged"),
                "#" + labels.get("run.col.rows-rejected"),
                "#" + labels.get("run.col.duration"));
        LocalDate today = generatedAt.toLocalDate();
        for (SourceFile file : published.sources()) {
            Element tr = table.appendElement("tr").attr("data-file", file.sourceFile());
            cell(tr, file.sourceFile());
            cell(tr, file.programCode().orElse(""));
            cell(tr, run.period().toString());
            Element status = cell(tr, labels.code("run.file-status", file.status()));
            if (file.status().equals("REFUSED")) {
                status.addClass("bad");
            }
            Optional<LocalDate> modified = file.modified()
                    .map(instant -> instant.atZone(generatedAt.getZone()).toLocalDate());
            cell(tr, modified.map(DATE::format).orElse(""));
            number(
                    tr,
                    modified.map(date -> ChronoUnit.DAYS.between(date, today)).orElse(null));
            number(tr, file.rowsRead());
            number(tr, file.rowsStaged());
            number(tr, file.rowsRejected());
            FileRun timing = timings.get(file.sourceFile());
            Element duration = tr.appendElement("td").addClass("number");
            if (timing != null) {
                duration.attr("data-value", Long.toString(timing.durationMillis()))
                        .text(secondsText(timing.durationMillis()));
            }
        }
    }

    /** A run without a published warehouse: its files as the job saw them. */
    private void files(Element main) {
        Element section = section(
                main, "sources", labels.format("run.sources", run.period().toString()));
        Element table = section.appendElement("table").attr("data-table", "sources");
        header(
                table,
                labels.get("run.col.file"),
                labels.get("run.col.status"),
                "#" + labels.get("run.col.rows-read"),
                "#" + labels.get("run.col.rows-staged"),
                "#" + labels.get("run.col.rows-rejected"),
                "#" + labels.get("run.col.duration"));
        for (FileRun file : run.files()) {
            Element tr = table.appendElement("tr").attr("data-file", file.file());
            cell(tr, file.file());
            cell(tr, labels.code("run.file-status", file.status()));
            number(tr, file.rowsRead());
            number(tr, file.rowsStaged());
            number(tr, file.rowsRejected());
            Element duration = tr.appendElement("td").addClass("number");
            duration.attr("data-value", Long.toString(file.durationMillis())).text(secondsText(file.durationMillis()));
        }
    }

    private void dataTests(Element main, List<DataTestOutcome> tests) {
        Element section = section(main, "data-tests", labels.get("run.data-tests"));
        long failed = tests.stream().filter(test -> test.failingRows() > 0).count();
        about(section, labels.format("run.data-tests.about", tests.size() - failed, failed));
        Element table = section.appendElement("table").attr("data-table", "data-tests");
        header(
                table,
                labels.get("run.col.test"),
                labels.get("run.col.severity"),
                "#" + labels.get("run.col.failing-rows"),
                labels.get("run.col.result"));
        for (DataTestOutcome test : tests) {
            Element tr = table.appendElement("tr").attr("data-test", test.testName());
            cell(tr, test.testName());
            cell(tr, labels.code("run.severity", test.severity()));
            number(tr, test.failingRows());
            boolean passed = test.failingRows() == 0;
            cell(tr, labels.get(passed ? "run.test.passed" : "run.test.failed")).addClass(passed ? "good" : "bad");
        }
    }

    private void steps(Element main) {
        Element section = section(main, "steps", labels.get("run.steps"));
        about(section, labels.get("run.steps.about"));
        List<BarRow> bars = run.steps().stream()
                .map(step -> new BarRow(
                        step.step(),
                        List.of(new Segment(
                                step.durationMillis(),
                                step.status().equals("COMPLETED") ? "#12355B" : SvgChart.OUTLIER_COLOUR,
                                step.step() + ": " + secondsText(step.durationMillis()),
                                Map.of("step", step.step(), "value", Long.toString(step.durationMillis())))),
                        secondsText(step.durationMillis())))
                .toList();
        figure(section).appendChild(SvgChart.horizontalBars("steps", labels.get("run.steps"), bars, WIDE));
        Element table = table(
                section,
                "steps",
                labels.get("run.col.step"),
                labels.get("run.col.status"),
                "#" + labels.get("run.col.duration"));
        for (StepTiming step : run.steps()) {
            Element tr = table.appendElement("tr");
            cell(tr, step.step());
            cell(tr, labels.code("run.status", step.status()));
            Element duration = tr.appendElement("td").addClass("number");
            duration.attr("data-value", Long.toString(step.durationMillis())).text(secondsText(step.durationMillis()));
        }
    }

    /** A signed percentage; no change has no sign. */
    private String percentText(double fraction) {
        return fraction == 0 ? percents.format(fraction).substring(1) : percents.format(fraction);
    }

    private String secondsText(long millis) {
        return labels.format("run.seconds", seconds.format(millis / 1000.0));
    }

    private String colour(String program) {
        return programColours.computeIfAbsent(
                program, code -> SvgChart.PALETTE.get(programColours.size() % SvgChart.PALETTE.size()));
    }

    private void legend(Element section, List<String> programs, RunReportFigures published) {
        Element legend = section.appendElement("ul").addClass("legend");
        for (String program : programs) {
            Element item = legend.appendElement("li").attr("data-program", program);
            item.appendChild(SvgChart.swatch(colour(program)));
            item.appendElement("span").text(program + " — " + published.programName(program, labels));
        }
    }

    private static Element section(Element main, String id, String title) {
        Element section = main.appendElement("section").attr("id", id);
        section.appendElement("h2").text(title);
        return section;
    }

    private static Element about(Element section, String text) {
        return section.appendElement("p").addClass("about").text(text);
    }

    private static Element figure(Element section) {
        return section.appendElement("figure");
    }

    /** A table of a chart's figures, folded under a summary; a heading starting with # is a number column. */
    private Element table(Element section, String name, String... headings) {
        Element details = section.appendElement("details");
        details.appendElement("summary").text(labels.get("run.table"));
        Element table = details.appendElement("table").attr("data-table", name);
        header(table, headings);
        return table;
    }

    private static void header(Element table, String... headings) {
        Element tr = table.appendElement("tr");
        for (String heading : headings) {
            if (heading.startsWith("#")) {
                tr.appendElement("th").addClass("number").text(heading.substring(1));
            } else {
                tr.appendElement("th").text(heading);
            }
        }
    }

    private static Element cell(Element tr, String text) {
        return tr.appendElement("td").text(text);
    }

    private void number(Element tr, Long value) {
        Element td = tr.appendElement("td").addClass("number");
        if (value != null) {
            td.attr("data-value", Long.toString(value)).text(integers.format(value));
        }
    }

    private static <T> long sum(List<T> rows, Function<T, Long> value) {
        return rows.stream().mapToLong(value::apply).sum();
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
