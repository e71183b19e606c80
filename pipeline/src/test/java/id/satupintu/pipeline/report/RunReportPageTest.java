package id.satupintu.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.report.RunFacts.FileRun;
import id.satupintu.pipeline.report.RunFacts.StepTiming;
import id.satupintu.schemas.contract.WarehouseTables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML run report over a hand-made warehouse of two kecamatans of Buleleng, August to October
 * 2026: every chart mark and table cell is read back from the written file and compared with the
 * figures inserted (and with the warehouse queried directly).
 */
class RunReportPageTest {
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final WarehouseVersion VERSION =
            new WarehouseVersion("20261106-020000", Instant.parse("2026-11-06T02:00:00Z"));
    private static final ZonedDateTime GENERATED =
            ZonedDateTime.of(2026, 11, 6, 9, 30, 0, 0, ZoneId.of("Asia/Jakarta"));
    private static final RunFacts RUN = new RunFacts(
            7,
            OCTOBER,
            "COMPLETED",
            Optional.of(LocalDateTime.of(2026, 11, 6, 9, 0)),
            125_400,
            List.of(
                    new StepTiming("prepare", "COMPLETED", 120),
                    new StepTiming("ingest", "COMPLETED", 40_000),
                    new StepTiming("link", "COMPLETED", 30_500),
                    new StepTiming("build", "COMPLETED", 50_000),
                    new StepTiming("publish", "COMPLETED", 80)),
            List.of(
                    new FileRun("broken.csv", "REFUSED", 0, 0, 0, 10),
                    new FileRun("bpnt.xlsx", "INGESTED", 500, 499, 1, 1_500),
                    new FileRun("dtsen.csv", "INGESTED", 300, 300, 0, 700),
                    new FileRun("pkh.csv", "INGESTED", 1_000, 997, 3, 2_000)),
            List.of());

    @TempDir
    Path inbox;

    @TempDir
    Path reports;

    private Connection warehouse;

    @BeforeEach
    void handMadeWarehouse() throws Exception {
        warehouse = DuckDb.inMemory(1);
        for (String table : List.of(
                "program",
                "period",
                "mart_recipients_kecamatan",
                "mart_changes_kecamatan",
                "reject",
                "file_manifest",
                "enrollment",
                "link_event",
                "review_pair",
                "data_test_result")) {
            DuckDb.execute(warehouse, WarehouseTables.ddl(table));
        }
        DuckDb.execute(warehouse, """
                INSERT INTO program VALUES
                  ('PKH', 'Program Keluarga Harapan', 'Family Hope Programme', 'FAMILY', 'APBN'),
                  ('BPNT', 'Bantuan Pangan Non Tunai', 'Non-cash food assistance', 'FAMILY', 'APBN'),
                  ('BLT_DD', 'BLT Dana Desa', 'Village Fund cash transfer', 'FAMILY', 'DANA_DESA');
                INSERT INTO period VALUES
                  ('2026-08', DATE '2026-08-01', 2, 0),
                  ('2026-09', DATE '2026-09-01', 2, 0),
                  ('2026-10', DATE '2026-10-01', 3, 1);
                INSERT INTO mart_recipients_kecamatan VALUES
                  ('2026-08', 'PKH', '51.08.01', 'Gerokgak', 1000, 900, NULL),
                  ('2026-08', 'PKH', '51.08.02', '<b>Seririt</b> & "Co"', 40, 40, NULL),
                  ('2026-09', 'PKH', '51.08.01', 'Gerokgak', 1200, 1000, NULL),
                  ('2026-09', 'PKH', '51.08.02', '<b>Seririt</b> & "Co"', 50, 50, NULL),
                  ('2026-09', 'BPNT', '51.08.01', 'Gerokgak', 700, 700, NULL),
                  ('2026-09', 'BPNT', '51.08.02', '<b>Seririt</b> & "Co"', 30, 30, NULL),
                  ('2026-10', 'PKH', '51.08.01', 'Gerokgak', 1234567, 1000000, NULL),
                  ('2026-10', 'PKH', '51.08.02', '<b>Seririt</b> & "Co"', 45, 45, NULL),
                  ('2026-10', 'BPNT', '51.08.01', 'Gerokgak', 650, 650, NULL),
                  ('2026-10', 'BLT_DD', '51.08.01', 'Gerokgak', 12, 12, NULL);
                INSERT INTO mart_changes_kecamatan VALUES
                  ('2026-10', 'PKH', '51.08.01', 'Gerokgak', '2026-09', 1234567, 1200, 1233400, 40, 10, 3),
                  ('2026-10', 'PKH', '51.08.02', '<b>Seririt</b> & "Co"', '2026-09', 45, 50, 0, 8, 3, 0),
                  ('2026-10', 'BPNT', '51.08.01', 'Gerokgak', '2026-09', 650, 700, 0, 50, 0, 0),
                  ('2026-10', 'BPNT', '51.08.02', '<b>Seririt</b> & "Co"', '2026-09', 0, 30, 0, 30, 0, 0),
                  ('2026-10', 'BLT_DD', '51.08.01', 'Gerokgak', '2026-09', 12, NULL, NULL, NULL, NULL, NULL),
                  ('2026-09', 'PKH', '51.08.01', 'Gerokgak', '2026-08', 1200, 1000, 200, 0, 0, 0);
                INSERT INTO reject VALUES
                  ('2026-10', 'PKH', 'pkh.csv', 2, 'NIK_INVALID', 'm', 'm', NULL, NULL, NULL),
                  ('2026-10', 'PKH', 'pkh.csv', 3, 'NIK_INVALID', 'm', 'm', NULL, NULL, NULL),
                  ('2026-10', 'PKH', 'pkh.csv', 4, 'DESA_UNKNOWN', 'm', 'm', 'person-9', 0.95, 'MODEL'),
                  ('2026-10', 'BPNT', 'bpnt.xlsx', 5, 'NIK_INVALID', 'm', 'm', NULL, NULL, NULL),
                  ('2026-09', 'PKH', 'pkh-09.csv', 2, 'NIK_MISSING', 'm', 'm', 'person-8', 0.99, 'MODEL');
                INSERT INTO file_manifest VALUES
                  ('2026-10', 'PKH', 'pkh.csv', 'a', 10, 'INGESTED', NULL, 1000, 997, 3, TIMESTAMP '2026-11-06 02:01:00'),
                  ('2026-10', 'BPNT', 'bpnt.xlsx', 'b', 10, 'INGESTED', NULL, 500, 499, 1, TIMESTAMP '2026-11-06 02:01:30'),
                  ('2026-10', NULL, 'dtsen.csv', 'c', 10, 'INGESTED', NULL, 300, 300, 0, TIMESTAMP '2026-11-06 02:01:40'),
                  ('2026-10', NULL, 'broken.csv', 'd', 10, 'REFUSED', 'bad', 0, 0, 0, TIMESTAMP '2026-11-06 02:01:50'),
                  ('2026-09', 'PKH', 'pkh-09.csv', 'e', 10, 'INGESTED', NULL, 800, 799, 1, TIMESTAMP '2026-10-06 02:00:00');
                INSERT INTO enrollment VALUES
                  ('2026-10', 'PKH', 'person-1', '51.08.01.2001', NULL, 1, NULL),
                  ('2026-10', 'BPNT', 'person-1', '51.08.01.2001', NULL, 1, NULL),
                  ('2026-10', 'PKH', 'person-2', '51.08.01.2001', NULL, 2, NULL),
                  ('2026-10', 'BLT_DD', 'person-3', '51.08.01.2001', NULL, 1, NULL),
                  ('2026-09', 'PKH', 'person-4', '51.08.01.2001', NULL, 1, NULL);
                INSERT INTO link_event VALUES
                  ('2026-10', 'MERGE', 'person-1', 'person-5', 2, NULL),
                  ('2026-10', 'MERGE', 'person-2', 'person-6', 2, NULL),
                  ('2026-10', 'SPLIT', 'person-2', 'person-7', 1, NULL),
                  ('2026-10', 'NIK_GANDA', 'person-1', 'person-3', 1, NULL),
                  ('2026-10', 'OVERRIDE_SAME', 'person-1', 'person-1', 2, 'BA-1'),
                  ('2026-09', 'MERGE', 'person-4', 'person-8', 2, NULL);
                INSERT INTO review_pair VALUES
                  ('2026-10', 'PKH', 'pkh.csv', 10, 'person-1', 'BPNT', 'bpnt.xlsx', 11, 'person-2', 0.7, 'review'),
                  ('2026-10', 'PKH', 'pkh.csv', 12, 'person-1', 'PKH', 'pkh.csv', 13, 'person-3', 0.2, 'conflict'),
                  ('2026-09', 'PKH', 'pkh-09.csv', 10, 'person-4', 'PKH', 'pkh-09.csv', 11, 'person-8', 0.6, 'review');
                INSERT INTO data_test_result VALUES
                  ('keys_are_unique', 'error', 0, NULL, TIMESTAMP '2026-11-06 02:05:00'),
                  ('recipients_month_over_month_outlier', 'warn', 2, 'x', TIMESTAMP '2026-11-06 02:05:00'),
                  ('staged_rows_are_loaded', 'error', 0, NULL, TIMESTAMP '2026-11-06 02:05:00');
                """);
        Files.writeString(inbox.resolve("pkh.csv"), "x");
        Files.setLastModifiedTime(inbox.resolve("pkh.csv"), FileTime.from(Instant.parse("2026-10-20T00:00:00Z")));
        Files.writeString(inbox.resolve("bpnt.xlsx"), "x");
        Files.setLastModifiedTime(inbox.resolve("bpnt.xlsx"), FileTime.from(Instant.parse("2026-11-01T03:00:00Z")));
    }

    @AfterEach
    void close() throws Exception {
        warehouse.close();
    }

    @Test
    void lineChartHasOnePointPerProgramAndMonthWithTheWarehousesRecipients() throws Exception {
        Document page = written(ReportLabels.indonesian());

        List<String> points = marks(page, "recipients-month", "circle.point", "period", "program", "value");
        assertThat(points)
                .containsExactly(
                        "2026-10 BLT_DD 12",
                        "2026-09 BPNT 730",
                        "2026-10 BPNT 650",
                        "2026-08 PKH 1040",
                        "2026-09 PKH 1250",
                        "2026-10 PKH 1234612");
        assertThat(points)
                .containsExactlyInAnyOrderElementsOf(
                        query("SELECT period || ' ' || program_code || ' ' || sum(recipients)"
                                + " FROM mart_recipients_kecamatan GROUP BY period, program_code"));
        assertThat(page.select("svg[data-chart=recipients-month] polyline")).hasSize(2);
        assertThat(tableRows(page, "recipients-month")).contains("2026-10 | PKH | 1.234.612");
    }

    @Test
    void kecamatanChartsHaveOneBarPerKecamatanOfTheMonthPerProgram() throws Exception {
        Document page = written(ReportLabels.indonesian());

        assertThat(page.select("#recipients-kecamatan svg.chart"))
                .extracting(svg -> svg.attr("data-chart"))
                .containsExactly(
                        "recipients-kecamatan-BLT_DD", "recipients-kecamatan-BPNT", "recipients-kecamatan-PKH");
        assertThat(marks(page, "recipients-kecamatan-PKH", "rect.bar", "kecamatan", "value"))
                .containsExactly("51.08.01 1234567", "51.08.02 45");
        assertThat(marks(page, "recipients-kecamatan-BPNT", "rect.bar", "kecamatan", "value"))
                .containsExactly("51.08.01 650");
        assertThat(page.select("#recipients-kecamatan rect.bar").stream()
                        .map(bar -> bar.attr("data-program") + " " + bar.attr("data-kecamatan") + " "
                                + bar.attr("data-value"))
                        .toList())
                .containsExactlyInAnyOrderElementsOf(query("SELECT program_code || ' ' || kode_kecamatan || ' ' ||"
                        + " recipients FROM mart_recipients_kecamatan WHERE period = '2026-10'"));
        assertThat(page.select("svg[data-chart=recipients-kecamatan-PKH] text.label")
                        .eachText())
                .containsExactly("Gerokgak", "<b>Seririt</b> & \"Co\"");
        assertThat(page.select("svg[data-chart=recipients-kecamatan-PKH] text.value")
                        .eachText())
                .containsExactly("1.234.567", "45");
    }

    @Test
    void rejectsAreCountedPerRuleAndProgramAndListedPerFile() throws Exception {
        Document page = written(ReportLabels.indonesian());

        assertThat(marks(page, "rejects", "rect.bar", "rule", "program", "value"))
                .containsExactly("DESA_UNKNOWN PKH 1", "NIK_INVALID BPNT 1", "NIK_INVALID PKH 2");
        assertThat(page.select("svg[data-chart=rejects] text.label").eachText())
                .containsExactly("DESA_UNKNOWN", "NIK_INVALID");
        assertThat(page.select("svg[data-chart=rejects] text.value").eachText()).containsExactly("1", "3");
        assertThat(tableRows(page, "rejects"))
                .containsExactly(
                        "Program | Berkas | Aturan | Baris ditolak",
                        "BPNT | bpnt.xlsx | NIK_INVALID | 1",
                        "PKH | pkh.csv | DESA_UNKNOWN | 1",
                        "PKH | pkh.csv | NIK_INVALID | 2");
    }

    @Test
    void dedupFiguresAreTheMonthsLinkOutcomeInTheWarehouse() throws Exception {
        Document page = written(ReportLabels.indonesian());

        assertThat(marks(page, "dedup", "rect.bar", "measure", "value"))
                .containsExactly("rows-staged 1496", "persons 3");
        assertThat(page.select("table[data-table=dedup] tr[data-measure]").stream()
                        .map(row -> row.attr("data-measure") + " "
                                + row.selectFirst("td.number").attr("data-value"))
                        .toList())
                .containsExactly(
                        "rows-staged 1496",
                        "persons 3",
                        "merges 2",
                        "splits 1",
                        "nik-ganda 1",
                        "overrides 1",
                        "review-pairs 2",
                        "rejected-attached 1");
        assertThat(page.selectFirst("[data-tile=persons] .figure").text()).isEqualTo("3");
        assertThat(page.selectFirst("[data-tile=review-pairs] .name").text()).isEqualTo("Pasangan untuk ditinjau");
    }

    @Test
    void changesMarkOutliersByTheStatedRule() throws Exception {
        Document page = written(ReportLabels.indonesian());

        assertThat(page.selectFirst("#changes h2").text())
                .isEqualTo("Perubahan bulanan per program dan kecamatan, 2026-10 dibanding 2026-09");
        assertThat(page.selectFirst("#changes p.about").text())
                .startsWith("Aturan pencilan: perubahan lebih dari 20 orang dan lebih dari 30% penerima bulan"
                        + " sebelumnya");
        assertThat(page.selectFirst("#changes [data-outliers]").attr("data-outliers"))
                .isEqualTo("2");
        // BLT Dana Desa has no roster the month before: no bar, nothing to compare with
        assertThat(page.select("#changes rect.bar").stream()
                        .map(bar -> bar.attr("data-program") + " " + bar.attr("data-kecamatan") + " "
                                + bar.attr("data-change") + " " + bar.attr("data-outlier") + " "
                                + bar.attr("class"))
                        .toList())
                .containsExactly(
                        "BPNT 51.08.01 -50 false bar",
                        "BPNT 51.08.02 -30 true bar outlier",
                        "PKH 51.08.01 1233367 true bar outlier",
                        "PKH 51.08.02 -5 false bar");
        assertThat(page.select("svg[data-chart=changes-BLT_DD] text.value").eachText())
                .containsExactly("tanpa pembanding");
        assertThat(page.select("svg[data-chart=changes-BPNT] text.value").eachText())
                .containsExactly("-50 (-7,1%)", "-30 (-100,0%)");
        assertThat(page.select("svg[data-chart=changes-PKH] line.threshold")).hasSize(2);
        assertThat(tableRows(page, "changes"))
                .containsExactly(
                        "Program | Kecamatan | Bulan sebelumnya | Penerima | Perubahan | Perubahan (%) | Baru | Keluar |"
                                + " Pindah masuk | Pindah keluar | Pencilan",
                        "BLT_DD | Gerokgak (51.08.01) |  | 12 |  |  |  |  |  |  | tidak",
                        "BPNT | Gerokgak (51.08.01) | 700 | 650 | -50 | -7,1% | 0 | 50 | 0 | 0 | tidak",
                        "BPNT | <b>Seririt</b> & \"Co\" (51.08.02) | 30 | 0 | -30 | -100,0% | 0 | 30 | 0 | 0 | ya",
                        "PKH | Gerokgak (51.08.01) | 1.200 | 1.234.567 | 1.233.367 | +102.780,6% | 1.233.400 | 40 | 10 |"
                                + " 3 | ya",
                        "PKH | <b>Seririt</b> & \"Co\" (51.08.02) | 50 | 45 | -5 | -10,0% | 0 | 8 | 3 | 0 | tidak");
    }

    @Test
    void sourcesShowDeliveryDateAgeAndRowsOfEveryFileOfTheMonth() throws Exception {
        Document page = written(ReportLabels.indonesian());

        assertThat(tableRows(page, "sources"))
                .containsExactly(
                        "Berkas | Program | Bulan | Status | Diubah (dikirim) | Umur (hari) | Dibaca | Diterima |"
                                + " Ditolak | Lama",
                        "bpnt.xlsx | BPNT | 2026-10 | diproses | 2026-11-01 | 5 | 500 | 499 | 1 | 1,5 dtk",
                        "broken.csv |  | 2026-10 | ditolak seluruhnya |  |  | 0 | 0 | 0 | 0,0 dtk",
                        "dtsen.csv |  | 2026-10 | diproses |  |  | 300 | 300 | 0 | 0,7 dtk",
                        "pkh.csv | PKH | 2026-10 | diproses | 2026-10-20 | 17 | 1.000 | 997 | 3 | 2,0 dtk");
    }

    @Test
    void dataTestsAndStepTimingsAreListed() throws Exception {
        Document page = written(ReportLabels.indonesian());

        assertThat(page.selectFirst("#data-tests p.about").text()).endsWith("2 lulus, 1 gagal.");
        assertThat(tableRows(page, "data-tests"))
                .containsExactly(
                        "Uji | Tingkat | Baris gagal | Hasil",
                        "recipients_month_over_month_outlier | peringatan | 2 | gagal",
                        "keys_are_unique | galat | 0 | lulus",
                        "staged_rows_are_loaded | galat | 0 | lulus");
        assertThat(marks(page, "steps", "rect.bar", "step", "value"))
                .containsExactly("prepare 120", "ingest 40000", "link 30500", "build 50000", "publish 80");
        assertThat(page.select("svg[data-chart=steps] text.value").eachText())
                .containsExactly("0,1 dtk", "40,0 dtk", "30,5 dtk", "50,0 dtk", "0,1 dtk");
        assertThat(page.select("#summary [data-tile]").stream()
                        .map(tile -> tile.attr("data-tile") + " "
                                + tile.selectFirst(".figure").text())
                        .toList())
                .containsExactly("files 4", "rows-read 1.800", "rows-staged 1.796", "rows-rejected 4", "persons 3");
    }

    @Test
    void pageLoadsNothingFromTheNetworkEscapesItsTextAndHoldsNoPersonIds() throws Exception {
        Path file = write(ReportLabels.indonesian());
        String html = Files.readString(file);
        Document page = Jsoup.parse(html);

        Element policy = page.selectFirst("meta[http-equiv=Content-Security-Policy]");
        String style = page.selectFirst("style").data();
        String hash = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8)));
        assertThat(policy.attr("content"))
                .startsWith("default-src 'none'; style-src 'sha256-" + hash + "';")
                .contains("script-src 'none'", "connect-src 'none'", "img-src 'none'", "font-src 'none'");
        assertThat(html).startsWith("<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\">");
        assertThat(page.select("script, link, img, iframe, object, embed, form"))
                .isEmpty();
        assertThat(page.select("[src], [href]")).isEmpty();
        assertThat(page.select("[style]")).isEmpty();
        assertThat(html)
                .doesNotContain("<b>Seririt")
                .contains("&lt;b&gt;Seririt&lt;/b&gt; &amp; \"Co\"")
                .doesNotContain("person-");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("id");
        assertThat(page.title()).isEqualTo("Laporan proses dan mutu data SatuPintu, 2026-10");
        assertThat(file.getFileName().toString()).isEqualTo("run-7.html");
        try (var files = Files.list(reports)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("run-7.html");
        }
    }

    @Test
    void speaksEnglishWhenAsked() throws Exception {
        Document page = written(ReportLabels.english());

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("h2").eachText())
                .containsExactly(
                        "Summary",
                        "Recipients per program per month",
                        "Recipients per kecamatan, 2026-10",
                        "Rejected rows by rule, 2026-10",
                        "Deduplication results, 2026-10",
                        "Month-over-month changes per program and kecamatan, 2026-10 against 2026-09",
                        "Source freshness, 2026-10",
                        "Data test results",
                        "Step timings");
        assertThat(page.select("svg[data-chart=recipients-kecamatan-PKH] text.value")
                        .eachText())
                .containsExactly("1,234,567", "45");
        assertThat(page.select("svg[data-chart=changes-BPNT] text.value").eachText())
                .containsExactly("-50 (-7.1%)", "-30 (-100.0%)");
        assertThat(page.selectFirst("#recipients-kecamatan h3").text())
                .isEqualTo("BLT_DD — Village Fund cash transfer");
    }

    @Test
    void aRunWithoutAPublishedWarehouseShowsItsFilesStepsAndFailure() throws Exception {
        RunFacts failed = new RunFacts(
                8,
                OCTOBER,
                "FAILED",
                Optional.of(LocalDateTime.of(2026, 11, 6, 9, 0)),
                1_000,
                List.of(new StepTiming("prepare", "FAILED", 900)),
                List.of(),
                List.of("Tidak ada berkas roster di /data/inbox/2026-10 <kosong>"));

        Document page = Jsoup.parse(Files.readString(
                RunReportPage.write(failed, Optional.empty(), ReportLabels.indonesian(), GENERATED, reports)));

        assertThat(page.select("h2").eachText())
                .containsExactly("Ringkasan", "Kesegaran sumber data, 2026-10", "Waktu per langkah");
        assertThat(page.selectFirst("[data-notice=not-published]").text())
                .startsWith("Proses ini tidak menerbitkan gudang data");
        assertThat(page.select("ul.failures li").eachText())
                .containsExactly("Tidak ada berkas roster di /data/inbox/2026-10 <kosong>");
        assertThat(page.selectFirst("dd[data-status]").text()).isEqualTo("Gagal");
        assertThat(marks(page, "steps", "rect.bar", "step", "value")).containsExactly("prepare 900");
    }

    private Document written(ReportLabels labels) throws Exception {
        return Jsoup.parse(Files.readString(write(labels)));
    }

    private Path write(ReportLabels labels) throws Exception {
        RunReportFigures figures = RunReportFigures.read(warehouse, OCTOBER, VERSION, inbox);
        return RunReportPage.write(RUN, Optional.of(figures), labels, GENERATED, reports);
    }

    /** The marks of a chart as their data attributes, space-separated, in document order. */
    private static List<String> marks(Document page, String chart, String selector, String... attributes) {
        return page.select("svg[data-chart=" + chart + "] " + selector).stream()
                .map(mark -> {
                    List<String> values = new ArrayList<>();
                    for (String attribute : attributes) {
                        values.add(mark.attr("data-" + attribute));
                    }
                    return String.join(" ", values);
                })
                .toList();
    }

    private static List<String> tableRows(Document page, String table) {
        return page.select("table[data-table=" + table + "] tr").stream()
                .map(row -> String.join(
                        " | ", row.select("th, td").stream().map(Element::text).toList()))
                .toList();
    }

    private List<String> query(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement statement = warehouse.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
