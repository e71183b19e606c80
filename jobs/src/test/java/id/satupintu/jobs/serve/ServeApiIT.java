package id.satupintu.jobs.serve;

import static id.satupintu.jobs.serve.ServedKabupaten.json;
import static id.satupintu.jobs.serve.ServedKabupaten.text;
import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import id.satupintu.jobs.CommandRun;
import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.report.WorkbookContent;
import id.satupintu.pipeline.report.WorkbookContent.CellValue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The data API of {@code satupintu serve} over HTTP on a real server and a real published warehouse:
 * every endpoint with each role, the exact figures against the warehouse, small cells hidden from the
 * roles that see only aggregates, refusals (401, 403, 400), named data masked and audited, downloads,
 * the OpenAPI document, a version published while serving, and a bounded load from another process.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeApiIT {
    static final String MONTH = "2026-10";
    static final Pattern MASKED_NAME = Pattern.compile("-|([A-Z]|[A-Z]\\*\\*\\*)( ([A-Z]|[A-Z]\\*\\*\\*))*");
    static final Pattern MASKED_NIK = Pattern.compile("[0-9]{6}\\*{6}[0-9]{4}");
    static final Pattern SIXTEEN_DIGITS = Pattern.compile("[0-9]{16}");

    private ServedKabupaten served;
    private Connection warehouse;
    private String kecamatan;
    private String desa;

    @BeforeAll
    void serve() throws Exception {
        served = ServedKabupaten.get();
        warehouse = DuckDb.openReadOnly(served.data.publishedWarehouse());
        // the kecamatan and the desa with the most recipients of the month
        kecamatan = warehouse("SELECT kode_kecamatan FROM mart_recipients_kecamatan WHERE period = '" + MONTH
                        + "' GROUP BY ALL ORDER BY sum(recipients) DESC, kode_kecamatan LIMIT 1")
                .get(0);
        desa = warehouse("SELECT kode_desa FROM enrollment WHERE period = '" + MONTH
                        + "' GROUP BY ALL ORDER BY count(*) DESC, kode_desa LIMIT 1")
                .get(0);
    }

    @AfterAll
    void close() throws Exception {
        warehouse.close();
    }

    @Test
    void batchCommandsStartNoWebServer() {
        assertThat(served.refreshContextHadWebServer).isFalse();
    }

    @Test
    void servesAVersionPublishedWhileServingWithoutARestart() {
        assertThat(served.metaBeforeSecondMonth.path("periods").toString()).isEqualTo("[\"2026-09\"]");
        assertThat(served.metaAfterSecondMonth.path("periods").toString()).isEqualTo("[\"2026-09\",\"2026-10\"]");
        assertThat(served.metaAfterSecondMonth.path("warehouse").asString())
                .isNotEqualTo(served.metaBeforeSecondMonth.path("warehouse").asString());
        assertThat(served.metaAfterSecondMonth.path("kabupaten").path("nama").asString())
                .isEqualTo("Kabupaten Buleleng");
    }

    @Test
    void dinsosGetsEveryAggregateExactlyAsTheWarehouseHoldsIt() throws Exception {
        assertThat(rows(get("/api/v1/recipients?period=" + MONTH, "dinsos")))
                .hasSize(count("SELECT count(*) FROM mart_recipients_kecamatan WHERE period = '" + MONTH + "'"))
                .containsExactlyElementsOf(warehouse("SELECT kode_kecamatan, nama_kecamatan, program_code, recipients,"
                        + " households, benefit_rupiah FROM mart_recipients_kecamatan WHERE period = '" + MONTH
                        + "' ORDER BY kode_kecamatan, program_code"));
        assertThat(rows(get("/api/v1/recipients?period=" + MONTH + "&wilayah=" + kecamatan, "dinsos")))
                .containsExactlyElementsOf(warehouse("SELECT kode_desa, nama_desa, program_code, sum(recipients),"
                        + " coalesce(sum(recipients) FILTER (WHERE sex = 'P'), 0),"
                        + " coalesce(sum(recipients) FILTER (WHERE age_band = '0-6'), 0),"
                        + " coalesce(sum(recipients) FILTER (WHERE age_band = '7-17'), 0),"
                        + " coalesce(sum(recipients) FILTER (WHERE age_band = '18-59'), 0),"
                        + " coalesce(sum(recipients) FILTER (WHERE age_band = '60+'), 0), sum(benefit_rupiah)"
                        + " FROM mart_recipients_desa WHERE period = '" + MONTH + "' AND kode_kecamatan = '"
                        + kecamatan
                        + "' GROUP BY kode_desa, nama_desa, program_code ORDER BY kode_desa, program_code"));
        assertThat(rows(get("/api/v1/recipients?period=" + MONTH + "&wilayah=" + desa + "&program=PBI_JK", "dinsos")))
                .containsExactlyElementsOf(warehouse("SELECT kode_desa, nama_desa, program_code, sex, age_band,"
                        + " recipients, benefit_rupiah FROM mart_recipients_desa WHERE period = '" + MONTH
                        + "' AND kode_desa = '" + desa + "' AND program_code = 'PBI_JK' ORDER BY sex, age_band"));
        assertThat(rows(get("/api/v1/trend?program=PKH,BPNT", "dinsos")))
                .containsExactly(warehouse("SELECT period, program_code, sum(recipients), sum(households)"
                                + " FROM mart_recipients_kecamatan WHERE program_code IN ('PKH', 'BPNT')"
                                + " GROUP BY ALL ORDER BY ALL")
                        .toArray(String[]::new));
        assertThat(rows(get("/api/v1/overlap?period=" + MONTH, "dinsos")))
                .containsExactlyElementsOf(warehouse("SELECT program_a, program_b, sum(persons)"
                        + " FROM mart_program_overlap WHERE period = '" + MONTH + "' GROUP BY ALL ORDER BY ALL"));
        assertThat(rows(get("/api/v1/overlap?period=" + MONTH + "&wilayah=" + kecamatan, "dinsos")))
                .containsExactlyElementsOf(warehouse("SELECT program_a, program_b, persons FROM mart_program_overlap"
                        + " WHERE period = '" + MONTH + "' AND kode_kecamatan = '" + kecamatan + "' ORDER BY ALL"));
        assertThat(rows(get("/api/v1/changes?period=" + MONTH, "dinsos")))
                .containsExactlyElementsOf(warehouse("SELECT kode_kecamatan, nama_kecamatan, program_code,"
                        + " previous_period, previous_recipients, added, exited, moved_in, moved_out, recipients"
                        + " FROM mart_changes_kecamatan WHERE period = '" + MONTH
                        + "' ORDER BY kode_kecamatan, program_code"));
        assertThat(rows(get("/api/v1/targeting?period=" + MONTH + "&wilayah=" + desa, "dinsos")))
                .hasSize(count("SELECT count(*) FROM mart_targeting_kecamatan WHERE period = '" + MONTH
                        + "' AND kode_kecamatan = '" + desa.substring(0, 8) + "'"))
                .containsExactlyElementsOf(warehouse("SELECT kode_kecamatan, nama_kecamatan, program_code, recipients,"
                        + " deceased_enrolled, moved_enrolled, well_off_enrolled, civil_servant_enrolled,"
                        + " car_owner_enrolled, exclusive_programs_enrolled FROM mart_targeting_kecamatan"
                        + " WHERE period = '" + MONTH + "' AND kode_kecamatan = '" + desa.substring(0, 8)
                        + "' ORDER BY program_code"));
        assertThat(rows(get("/api/v1/coverage?period=" + MONTH + "&program=PKH", "dinsos")))
                .containsExactlyElementsOf(warehouse("SELECT program_code, desil, sum(recipients),"
                        + " sum(recipient_families), sum(dtsen_families), sum(dtsen_persons) FROM mart_coverage_desil"
                        + " WHERE period = '" + MONTH + "' AND program_code = 'PKH' GROUP BY program_code, desil"
                        + " ORDER BY TRY_CAST(desil AS INTEGER) NULLS LAST"));
        JsonNode recipients = json(get("/api/v1/recipients", "dinsos"));
        assertThat(recipients.path("period").asString()).isEqualTo(MONTH);
        assertThat(recipients.path("suppression").isNull()).isTrue();
    }

    @Test
    void plannerGetsTheSameFiguresWithSmallCellsHidden() throws Exception {
        for (String path : List.of(
                "/api/v1/recipients?period=" + MONTH,
                "/api/v1/recipients?period=" + MONTH + "&wilayah=" + kecamatan,
                "/api/v1/targeting?period=" + MONTH,
                "/api/v1/overlap?period=" + MONTH,
                "/api/v1/changes?period=" + MONTH)) {
            JsonNode exact = json(get(path, "dinsos"));
            JsonNode planner = json(get(path, "planner"));
            assertThat(planner.path("suppression").path("threshold").asInt()).isEqualTo(5);
            assertThat(planner.path("rows").size())
                    .as(path)
                    .isEqualTo(exact.path("rows").size());
            long hidden = 0;
            Map<String, List<Long>> hiddenRecipientsByProgram = new HashMap<>();
            for (int row = 0; row < exact.path("rows").size(); row++) {
                JsonNode shown = planner.path("rows").get(row);
                JsonNode truth = exact.path("rows").get(row);
                Set<String> suppressed = new HashSet<>();
                shown.path("suppressed").forEach(name -> suppressed.add(name.asString()));
                hidden += suppressed.size();
                for (JsonNode column : exact.path("columns")) {
                    String name = column.path("name").asString();
                    if (suppressed.contains(name)) {
                        assertThat(shown.path(name).isNull())
                                .as(path + " " + name)
                                .isTrue();
                    } else {
                        assertThat(shown.path(name).toString())
                                .as(path + " " + name)
                                .isEqualTo(truth.path(name).toString());
                        if (column.path("kind").asString().equals("count")
                                && truth.path(name).isNumber()) {
                            // every count shown is zero or at least the threshold
                            assertThat(truth.path(name).asLong())
                                    .as(path + " " + name)
                                    .isNotIn(1L, 2L, 3L, 4L);
                        }
                    }
                }
                if (suppressed.contains("recipients") && shown.has("program_code")) {
                    hiddenRecipientsByProgram
                            .computeIfAbsent(shown.path("program_code").asString(), program -> new ArrayList<>())
                            .add(truth.path("recipients").asLong());
                }
            }
            assertThat(planner.path("suppression").path("cells").asLong())
                    .as(path)
                    .isEqualTo(hidden);
            // no hidden count of a program can be recovered from the program's total by subtraction
            hiddenRecipientsByProgram.forEach((program, counts) -> {
                long groupSize = count(exact, program);
                if (counts.size() < groupSize) {
                    assertThat(counts.size()).as(path + " " + program).isGreaterThanOrEqualTo(2);
                    assertThat(counts.stream().mapToLong(Long::longValue).sum())
                            .as(path + " " + program)
                            .isGreaterThanOrEqualTo(5);
                }
            });
        }
        JsonNode recipients = json(get("/api/v1/recipients?period=" + MONTH, "planner"));
        assertThat(recipients.path("suppression").path("cells").asLong()).isGreaterThan(0);
    }

    @Test
    void budgetGetsSpendingAndNothingElse() throws Exception {
        JsonNode spending = json(get("/api/v1/spending?period=" + MONTH, "budget"));
        List<String> truth = warehouse("SELECT kode_kecamatan, nama_kecamatan, program_code, funding_source,"
                + " recipients, paid_rupiah, entitled_rupiah FROM mart_spending_kecamatan WHERE period = '" + MONTH
                + "' ORDER BY kode_kecamatan, program_code, funding_source");
        List<String> shown = rows(spending);
        assertThat(shown).hasSameSizeAs(truth);
        int hidden = 0;
        for (int row = 0; row < truth.size(); row++) {
            String[] values = truth.get(row).split("\\|", -1);
            long recipients = Long.parseLong(values[4]);
            JsonNode suppressed = spending.path("rows").get(row).path("suppressed");
            if (suppressed.isMissingNode()) {
                assertThat(shown.get(row)).isEqualTo(truth.get(row));
                assertThat(recipients).isNotIn(1L, 2L, 3L, 4L);
            } else {
                // a hidden count hides the row's rupiah too (the rate times the count is public)
                hidden++;
                assertThat(suppressed.toString()).isEqualTo("[\"entitled_rupiah\",\"paid_rupiah\",\"recipients\"]");
                assertThat(shown.get(row))
                        .isEqualTo(
                                String.join("|", values[0], values[1], values[2], values[3], "null", "null", "null"));
            }
        }
        assertThat(hidden)
                .isGreaterThanOrEqualTo(count("SELECT count(*) FROM mart_spending_kecamatan WHERE period = '" + MONTH
                        + "' AND recipients BETWEEN 1 AND 4"));
        for (String path : List.of(
                "/api/v1/recipients",
                "/api/v1/trend",
                "/api/v1/overlap",
                "/api/v1/changes",
                "/api/v1/targeting",
                "/api/v1/coverage",
                "/api/v1/named?wilayah=" + desa,
                "/api/v1/runs")) {
            assertThat(served.get(path, "budget").statusCode()).as(path).isEqualTo(403);
        }
        assertThat(json(served.get("/api/v1/meta", "budget")).path("figures").toString())
                .isEqualTo("[\"spending\"]");
    }

    @Test
    void plannerIsRefusedSpendingNamedDataAndRuns() throws Exception {
        for (String path : List.of("/api/v1/spending", "/api/v1/named?wilayah=" + desa, "/api/v1/runs")) {
            assertThat(served.get(path, "planner").statusCode()).as(path).isEqualTo(403);
        }
        assertThat(json(served.get("/api/v1/meta", "planner")).path("figures").toString())
                .isEqualTo("[\"recipients\",\"trend\",\"overlap\",\"changes\",\"targeting\",\"coverage\"]");
    }

    @Test
    void adminGetsTheRefreshRunsAndNoFigures() throws Exception {
        JsonNode runs = json(served.get("/api/v1/runs", "admin"));
        assertThat(rows(runs, "run", "period", "status")).containsExactly("2|2026-10|COMPLETED", "1|2026-09|COMPLETED");
        assertThat(runs.path("rows").get(0).path("rows_read").asLong())
                .isEqualTo(count("SELECT sum(rows_read) FROM file_manifest WHERE period = '2026-10'"));
        for (String path : List.of("/api/v1/recipients", "/api/v1/spending", "/api/v1/named?wilayah=" + desa)) {
            assertThat(served.get(path, "admin").statusCode()).as(path).isEqualTo(403);
        }
    }

    @Test
    void requestsWithoutAValidLoginAreRefused() throws Exception {
        for (String path : List.of(
                "/api/v1/meta",
                "/api/v1/wilayah",
                "/api/v1/recipients",
                "/api/v1/trend",
                "/api/v1/spending",
                "/api/v1/overlap",
                "/api/v1/changes",
                "/api/v1/targeting",
                "/api/v1/coverage",
                "/api/v1/named",
                "/api/v1/runs")) {
            HttpResponse<byte[]> anonymous = served.getAnonymous(path);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                    .as(path)
                    .isEmpty();
        }
        HttpResponse<byte[]> wrongKey =
                served.send(HttpRequest.newBuilder(java.net.URI.create(served.base + "/api/v1/recipients"))
                        .header("X-API-Key", "sp_not-a-key"));
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(served.getBasic("/api/v1/recipients", "planner", "wrong-password")
                        .statusCode())
                .isEqualTo(401);
        assertThat(served.getBasic("/api/v1/recipients", "planner", served.passwords.get("planner"))
                        .statusCode())
                .isEqualTo(200);
        // a browser (asking for HTML) is sent to the log-in page instead
        HttpResponse<byte[]> page = served.send(
                HttpRequest.newBuilder(java.net.URI.create(served.base + "/")).header("Accept", "text/html"));
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue(served.base + "/login");
    }

    @Test
    void dinsosGetsNamedRecipientsMaskedAndEveryRequestIsAudited() throws Exception {
        long auditBefore = served.auditLines();
        String path = "/api/v1/named?period=" + MONTH + "&wilayah=" + desa;
        JsonNode masked = json(served.get(path, "dinsos"));
        int enrolled =
                count("SELECT count(*) FROM enrollment WHERE period = '" + MONTH + "' AND kode_desa = '" + desa + "'");
        assertThat(masked.path("rows").size()).isEqualTo(enrolled);
        Map<String, String[]> golden = goldenRecord();
        for (JsonNode row : masked.path("rows")) {
            String[] person = golden.get(row.path("person_id").asString());
            assertThat(row.path("nama").asString()).matches(MASKED_NAME);
            assertThat(row.path("nama").asString()).isEqualTo(id.satupintu.pipeline.ujipublik.NameMask.mask(person[1]));
            assertThat(row.path("nik").asString()).matches(MASKED_NIK);
            assertThat(row.path("nik").asString())
                    .isEqualTo(person[0].substring(0, 6) + "******" + person[0].substring(12));
        }
        assertThat(served.get(path + "&nik=full", "dinsos").statusCode()).isEqualTo(403);
        JsonNode full = json(served.get(path + "&nik=full&names=full", "dinsosnik"));
        assertThat(full.path("rows").size()).isEqualTo(enrolled);
        for (JsonNode row : full.path("rows")) {
            String[] person = golden.get(row.path("person_id").asString());
            assertThat(row.path("nik").asString()).isEqualTo(person[0]);
            assertThat(row.path("nama").asString()).isEqualTo(person[1]);
        }
        assertThat(served.get(path, "planner").statusCode()).isEqualTo(403);
        assertThat(served.get("/api/v1/named?period=" + MONTH + "&wilayah=" + kecamatan, "dinsos")
                        .statusCode())
                .isEqualTo(400);

        List<String> lines = Files.readAllLines(served.auditLog());
        List<JsonNode> added = lines.subList((int) auditBefore, lines.size()).stream()
                .map(line -> ServedKabupaten.JSON.readTree(line))
                .toList();
        assertThat(added)
                .extracting(
                        entry -> entry.path("user").asString(),
                        entry -> entry.path("outcome").asString(),
                        entry -> entry.path("rows").asInt())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dinsos", "answered", enrolled),
                        org.assertj.core.groups.Tuple.tuple("dinsos", "refused", 0),
                        org.assertj.core.groups.Tuple.tuple("dinsosnik", "answered", enrolled),
                        org.assertj.core.groups.Tuple.tuple("planner", "refused", 0),
                        org.assertj.core.groups.Tuple.tuple("dinsos", "refused", 0));
        assertThat(added.get(2).path("parameters").toString())
                .isEqualTo("{\"names\":\"full\",\"nik\":\"full\",\"period\":\"" + MONTH + "\",\"wilayah\":\"" + desa
                        + "\"}");
        assertThat(added).allSatisfy(entry -> {
            assertThat(entry.path("endpoint").asString()).isEqualTo("/api/v1/named");
            assertThat(entry.path("at").asString()).isNotEmpty();
        });
        String audit = Files.readString(served.auditLog());
        assertThat(SIXTEEN_DIGITS.matcher(audit).find()).isFalse();
        for (JsonNode row : full.path("rows")) {
            assertThat(audit).doesNotContain(row.path("nama").asString());
        }
    }

    @Test
    void downloadsHoldTheFiguresShownAsCsvAndXlsx() throws Exception {
        String path = "/api/v1/recipients?period=" + MONTH + "&wilayah=" + kecamatan;
        JsonNode shown = json(get(path, "planner"));
        HttpResponse<byte[]> csv = get(path + "&format=csv", "planner");
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"recipients-" + MONTH + "-" + kecamatan + ".csv\"");
        List<String> csvRows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(text(csv))) {
            for (CsvRecord record : reader) {
                csvRows.add(String.join("|", record.getFields()));
            }
        }
        List<String> expected = new ArrayList<>();
        expected.add(
                "kode_wilayah|nama|program_code|recipients|female|age_0_6|age_7_17|age_18_59|age_60_plus|benefit_rupiah|suppressed");
        for (JsonNode row : shown.path("rows")) {
            List<String> values = new ArrayList<>();
            shown.path("columns").forEach(column -> {
                JsonNode value = row.path(column.path("name").asString());
                values.add(value.isNull() ? "" : value.asString());
            });
            List<String> suppressed = new ArrayList<>();
            row.path("suppressed").forEach(name -> suppressed.add(name.asString()));
            values.add(String.join(";", suppressed));
            expected.add(String.join("|", values));
        }
        assertThat(csvRows).containsExactlyElementsOf(expected);

        HttpResponse<byte[]> xlsx = get(path + "&format=xlsx&lang=en", "planner");
        Path file = Path.of("target", "serve-it", "recipients.xlsx");
        Files.write(file, xlsx.body());
        WorkbookContent workbook = WorkbookContent.read(file);
        WorkbookContent.SheetContent sheet = workbook.sheets().stream()
                .filter(candidate -> candidate.name().equals("Recipients"))
                .findFirst()
                .orElseThrow();
        assertThat(sheet.rows().get(0))
                .extracting(CellValue::text)
                .startsWith("Region code", "Name", "Program", "Recipients");
        assertThat(sheet.rows()).hasSize(shown.path("rows").size() + 1);
        for (int row = 0; row < shown.path("rows").size(); row++) {
            JsonNode json = shown.path("rows").get(row);
            List<CellValue> cells = sheet.rows().get(row + 1);
            assertThat(cells.get(0).text()).isEqualTo(json.path("kode_wilayah").asString());
            assertThat(cells.get(2).text()).isEqualTo(json.path("program_code").asString());
            if (json.path("recipients").isNull()) {
                assertThat(cells.get(3).isBlank()).isTrue();
            } else {
                assertThat(cells.get(3).number())
                        .isEqualByComparingTo(
                                new BigDecimal(json.path("recipients").asLong()));
            }
        }
    }

    @Test
    void badParametersAreAnsweredWithOneSentence() throws Exception {
        assertThat(error(get("/api/v1/recipients?period=2030-01", "planner"), 400))
                .isEqualTo("Periode 2030-01 tidak ada di gudang data (periode yang ada: 2026-09, 2026-10)");
        assertThat(error(get("/api/v1/recipients?period=2030-01&lang=en", "planner"), 400))
                .isEqualTo("Period 2030-01 is not in the warehouse (periods it holds: 2026-09, 2026-10)");
        assertThat(error(get("/api/v1/recipients?wilayah=52.01", "planner"), 400))
                .isEqualTo("Wilayah 52.01 bukan kecamatan atau desa/kelurahan di Kabupaten Buleleng");
        assertThat(error(get("/api/v1/recipients?program=XYZ", "planner"), 400))
                .isEqualTo("Program tidak dikenal: XYZ (BANSOS_DAERAH, BLT_DD, BPNT, LISTRIK, PBI_JK, PKH)");
        assertThat(error(get("/api/v1/recipients?format=pdf", "planner"), 400))
                .isEqualTo("Format tidak dikenal: pdf (json, csv, xlsx)");
        assertThat(error(get("/api/v1/recipients?wilayah=51.08%27%20OR%201=1", "planner"), 400))
                .isEqualTo("Wilayah 51.08' OR 1=1 bukan kecamatan atau desa/kelurahan di Kabupaten Buleleng");
    }

    @Test
    void wilayahListsTheKecamatansAndTheirDesa() throws Exception {
        JsonNode kecamatans = json(served.get("/api/v1/wilayah", "budget"));
        List<String> codes = new ArrayList<>();
        kecamatans
                .path("children")
                .forEach(child -> codes.add(child.path("kode_wilayah").asString()));
        assertThat(codes)
                .containsExactlyElementsOf(warehouse(
                        "SELECT kode_wilayah FROM wilayah WHERE parent_kode = '51.08' ORDER BY kode_wilayah"));
        JsonNode desas = json(served.get("/api/v1/wilayah?parent=" + kecamatan, "planner"));
        assertThat(desas.path("children").size())
                .isEqualTo(count("SELECT count(*) FROM wilayah WHERE parent_kode = '" + kecamatan + "'"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() throws Exception {
        HttpResponse<byte[]> document = served.getAnonymous("/openapi.yaml");
        assertThat(document.statusCode()).isEqualTo(200);
        JsonNode openApi = new YAMLMapper().readTree(text(document));
        Set<String> documented = new TreeSet<>(openApi.path("paths").propertyNames());
        Set<String> mapped = new TreeSet<>();
        RequestMappingHandlerMapping mappings =
                served.server.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            info.getPatternValues().stream()
                    .filter(path -> path.startsWith("/api/"))
                    .forEach(mapped::add);
        }
        assertThat(documented).isEqualTo(mapped).hasSize(12);
        // no endpoint takes SQL: every parameter of every endpoint is a documented one
        Set<String> parameters = new TreeSet<>();
        mappings.getHandlerMethods().values().forEach(method -> {
            for (var parameter : method.getMethodParameters()) {
                var annotation =
                        parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
                if (annotation != null) {
                    parameters.add(parameter.getParameterName());
                }
            }
        });
        assertThat(parameters)
                .containsExactly(
                        "error", "format", "lang", "logout", "names", "nik", "parent", "period", "program", "wilayah");
    }

    @Test
    void aRemovedUserIsRefusedFromTheNextRequestOn() throws Exception {
        String root = served.data.root().toString();
        assertThat(CommandRun.of("user", "add", "--data-dir", root, "--name", "leaving", "--role", "planner")
                        .exitCode())
                .isZero();
        CommandRun key = CommandRun.of("user", "key", "--data-dir", root, "--name", "leaving");
        String apiKey = key.out().substring(key.out().lastIndexOf(' ') + 1).strip();
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(served.base + "/api/v1/trend"))
                .header("X-API-Key", apiKey);
        assertThat(served.send(request).statusCode()).isEqualTo(200);
        CommandRun removed = CommandRun.of("user", "remove", "--data-dir", root, "--name", "leaving");
        assertThat(removed.out().strip()).isEqualTo("Pengguna leaving dihapus dari " + root + "/config/users.csv");
        assertThat(served.send(request).statusCode()).isEqualTo(401);
        assertThat(Files.getPosixFilePermissions(served.data.config().resolve("users.csv")))
                .containsExactlyInAnyOrder(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(served.data.config().resolve("users.csv"))).doesNotContain(apiKey);
    }

    @Test
    void aUserNameIsLockedAfterFiveWrongPasswords() throws Exception {
        String root = served.data.root().toString();
        CommandRun added = CommandRun.of("user", "add", "--data-dir", root, "--name", "guessed", "--role", "budget");
        String password =
                added.out().substring(added.out().lastIndexOf(' ') + 1).strip();
        assertThat(served.getBasic("/api/v1/spending", "guessed", password).statusCode())
                .isEqualTo(200);
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(served.getBasic("/api/v1/spending", "guessed", "guess-" + attempt)
                            .statusCode())
                    .isEqualTo(401);
        }
        assertThat(served.getBasic("/api/v1/spending", "guessed", password).statusCode())
                .isEqualTo(401);
        assertThat(served.getBasic("/api/v1/spending", "budget", served.passwords.get("budget"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(CommandRun.of("user", "remove", "--data-dir", root, "--name", "guessed")
                        .exitCode())
                .isZero();
    }

    @Test
    void serveWithoutAPublishedWarehouseFailsWithOneSentence() throws Exception {
        Path empty = Files.createTempDirectory("satupintu-serve-empty");
        CommandRun serve = CommandRun.of("serve", "--data-dir", empty.toString(), "--port", "0");
        assertThat(serve.exitCode()).isEqualTo(1);
        assertThat(serve.err().strip())
                .isEqualTo("Gagal: Belum ada gudang data yang diterbitkan di "
                        + empty.resolve("warehouse/satupintu.duckdb") + "; jalankan refresh dahulu");
        CommandRun unknownRole = CommandRun.of(
                "user", "add", "--data-dir", empty.toString(), "--name", "x", "--role", "mayor", "--lang", "en");
        assertThat(unknownRole.exitCode()).isEqualTo(1);
        assertThat(unknownRole.err().strip()).isEqualTo("Failed: Unknown role: mayor (planner, budget, dinsos, admin)");
        CommandRun fullNik = CommandRun.of(
                "user", "add", "--data-dir", empty.toString(), "--name", "x", "--role", "planner", "--full-nik");
        assertThat(fullNik.err().strip()).isEqualTo("Gagal: --full-nik hanya untuk peran dinsos");
        assertThat(Files.exists(empty.resolve("config/users.csv"))).isFalse();
    }

    @Test
    void aggregateEndpointsAnswerABoundedLoadFromAnotherProcess() throws Exception {
        Process load = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ServeLoad.class.getName(),
                        served.base,
                        served.keys.get("planner"),
                        "160",
                        "4",
                        "30")
                .redirectErrorStream(true)
                .start();
        String output;
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(load.getInputStream(), StandardCharsets.UTF_8))) {
            output = reader.lines().reduce("", (a, b) -> a + b + "\n");
        }
        assertThat(load.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("requests=160 ok=160 failed=0 ");
    }

    private HttpResponse<byte[]> get(String path, String user) throws Exception {
        return served.get(path, user);
    }

    private static String error(HttpResponse<byte[]> response, int status) {
        assertThat(response.statusCode()).as(text(response)).isEqualTo(status);
        return ServedKabupaten.JSON.readTree(text(response)).path("error").asString();
    }

    /** The rows of a JSON answer, values joined by |, every column or those named. */
    private static List<String> rows(HttpResponse<byte[]> response) {
        return rows(json(response));
    }

    private static List<String> rows(JsonNode body, String... names) {
        List<String> rows = new ArrayList<>();
        if (body == null) {
            return rows;
        }
        List<String> columns = new ArrayList<>(List.of(names));
        if (columns.isEmpty()) {
            body.path("columns")
                    .forEach(column -> columns.add(column.path("name").asString()));
        }
        for (JsonNode row : body.path("rows")) {
            List<String> values = new ArrayList<>();
            for (String column : columns) {
                JsonNode value = row.path(column);
                values.add(value.isNull() ? "null" : value.isNumber() ? plain(value.decimalValue()) : value.asString());
            }
            rows.add(String.join("|", values));
        }
        return rows;
    }

    private List<String> warehouse(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement statement = warehouse.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData metadata = result.getMetaData();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= metadata.getColumnCount(); i++) {
                    Object value = result.getObject(i);
                    values.add(
                            value == null
                                    ? "null"
                                    : value instanceof Number
                                            ? plain(new BigDecimal(value.toString()))
                                            : value.toString());
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private int count(String sql) throws Exception {
        return Integer.parseInt(warehouse(sql).get(0));
    }

    private static long count(JsonNode body, String program) {
        long rows = 0;
        for (JsonNode row : body.path("rows")) {
            if (row.path("program_code").asString().equals(program)
                    && row.path("recipients").asLong() > 0) {
                rows++;
            }
        }
        return rows;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** person_id to {NIK, name} from the restricted golden record, read here with DuckDB. */
    private Map<String, String[]> goldenRecord() throws Exception {
        Map<String, String[]> people = new HashMap<>();
        try (Connection lake = DuckDb.inMemory(1);
                Statement statement = lake.createStatement();
                ResultSet result = statement.executeQuery("SELECT person_id, nik, nama FROM read_parquet("
                        + DuckDb.literal(served.data.goldenRecord()) + ")")) {
            while (result.next()) {
                people.put(result.getString(1), new String[] {result.getString(2), result.getString(3)});
            }
        }
        return people;
    }
}
