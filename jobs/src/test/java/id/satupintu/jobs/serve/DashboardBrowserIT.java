package id.satupintu.jobs.serve;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import id.satupintu.jobs.HeadlessChromium;
import id.satupintu.pipeline.report.WorkbookContent;
import id.satupintu.pipeline.report.WorkbookContent.CellValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in Debian's headless Chromium (driven by Selenium through Debian's ChromeDriver): a
 * planner, a budget officer and a Dinas Sosial operator each log in and see what their role allows
 * and nothing else; the planner drills from the kabupaten to a kecamatan to a desa and downloads CSV
 * and XLSX that are read back; a phone-sized screen and the English switch. Screenshots go to {@code
 * target/serve-it/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {
    static final Path SCREENSHOTS = Path.of("target", "serve-it", "screenshots");
    static final Pattern MASKED_NAME = Pattern.compile("-|([A-Z]|[A-Z]\\*\\*\\*)( ([A-Z]|[A-Z]\\*\\*\\*))*");

    private ServedKabupaten served;
    private HeadlessChromium browser;
    private ChromeDriver driver;
    private Path downloads;
    private String kecamatan;
    private String desa;

    @BeforeAll
    void serve() throws Exception {
        served = ServedKabupaten.get();
        Files.createDirectories(SCREENSHOTS);
        JsonNode kecamatans = ServedKabupaten.json(served.get("/api/v1/recipients", "dinsos"));
        // the kecamatan with the most recipients, and its desa with the most
        kecamatan = largest(kecamatans);
        desa = largest(ServedKabupaten.json(served.get("/api/v1/recipients?wilayah=" + kecamatan, "dinsos")));
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.close();
            browser = null;
            driver = null;
        }
    }

    @Test
    void plannerDrillsFromKabupatenToDesaAndDownloadsWhatIsShown() throws Exception {
        start("planner", 1280, 900);
        logIn("planner");
        waitFor("51.08");
        assertThat(sections())
                .containsExactly(
                        "figure-recipients",
                        "figure-trend",
                        "figure-overlap",
                        "figure-changes",
                        "figure-targeting",
                        "figure-coverage");
        JsonNode shown = ServedKabupaten.json(served.get("/api/v1/recipients", "planner"));
        assertThat(tableRows("table-recipients")).containsExactlyElementsOf(textRows(shown));
        assertThat(driver.findElement(By.id("note")).getText())
                .isEqualTo("Angka di bawah 5 disembunyikan (-) agar tidak ada orang yang dapat dikenali.");
        screenshot("planner-kabupaten");

        drill(kecamatan);
        JsonNode desaRows = ServedKabupaten.json(served.get("/api/v1/recipients?wilayah=" + kecamatan, "planner"));
        assertThat(tableRows("table-recipients")).containsExactlyElementsOf(textRows(desaRows));
        assertThat(driver.findElement(By.id("current-wilayah")).getDomAttribute("data-kode"))
                .isEqualTo(kecamatan);
        screenshot("planner-kecamatan");

        clearDownloads();
        driver.findElement(By.id("download-recipients-csv")).click();
        Path csv = downloaded(".csv");
        driver.findElement(By.id("download-recipients-xlsx")).click();
        Path xlsx = downloaded(".xlsx");
        assertThat(csv.getFileName().toString()).isEqualTo("recipients-2026-10-" + kecamatan + ".csv");
        List<List<String>> csvRows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv, StandardCharsets.UTF_8)) {
            reader.forEach(record -> csvRows.add(record.getFields()));
        }
        assertThat(csvRows).hasSize(desaRows.path("rows").size() + 1);
        WorkbookContent workbook = WorkbookContent.read(xlsx);
        List<List<CellValue>> sheet = workbook.sheets().stream()
                .filter(candidate -> candidate.name().equals("Penerima"))
                .findFirst()
                .orElseThrow()
                .rows();
        assertThat(sheet).hasSize(desaRows.path("rows").size() + 1);
        for (int row = 0; row < desaRows.path("rows").size(); row++) {
            JsonNode json = desaRows.path("rows").get(row);
            String recipients = json.path("recipients").isNull()
                    ? ""
                    : json.path("recipients").asString();
            assertThat(csvRows.get(row + 1).get(0))
                    .isEqualTo(json.path("kode_wilayah").asString());
            assertThat(csvRows.get(row + 1).get(3)).isEqualTo(recipients);
            assertThat(sheet.get(row + 1).get(0).text())
                    .isEqualTo(json.path("kode_wilayah").asString());
            if (recipients.isEmpty()) {
                assertThat(sheet.get(row + 1).get(3).isBlank()).isTrue();
            } else {
                assertThat(sheet.get(row + 1).get(3).number()).isEqualByComparingTo(new BigDecimal(recipients));
            }
        }

        drill(desa);
        JsonNode detail = ServedKabupaten.json(served.get("/api/v1/recipients?wilayah=" + desa, "planner"));
        assertThat(tableRows("table-recipients")).containsExactlyElementsOf(textRows(detail));
        screenshot("planner-desa");

        driver.findElement(By.cssSelector("#breadcrumb button[data-kode='51.08']"))
                .click();
        waitFor("51.08");
        assertThat(tableRows("table-recipients")).containsExactlyElementsOf(textRows(shown));
    }

    @Test
    void budgetOfficerSeesSpendingAndIsRefusedTheRest() throws Exception {
        start("budget", 1280, 900);
        logIn("budget");
        waitFor("51.08");
        assertThat(sections()).containsExactly("figure-spending");
        JsonNode spending = ServedKabupaten.json(served.get("/api/v1/spending", "budget"));
        assertThat(tableRows("table-spending")).containsExactlyElementsOf(textRows(spending));
        screenshot("budget-kabupaten");
        assertThat(status("/api/v1/recipients")).isEqualTo(403);
        assertThat(status("/api/v1/named?wilayah=" + desa)).isEqualTo(403);
        assertThat(status("/api/v1/spending")).isEqualTo(200);
        driver.findElement(By.id("logout")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(browser -> !browser.findElements(By.id("logged-out")).isEmpty());
        assertThat(status("/api/v1/spending")).isEqualTo(401);
    }

    @Test
    void dinsosOperatorSeesNamedRecipientsOfADesaMaskedUntilAskedAndAudited() throws Exception {
        start("dinsos", 1280, 900);
        logIn("dinsos");
        waitFor("51.08");
        assertThat(sections()).contains("figure-recipients", "figure-named").doesNotContain("figure-spending");
        assertThat(driver.findElement(By.id("note")).getText())
                .isEqualTo("Angka tepat (tidak disembunyikan): jangan dipublikasikan apa adanya.");
        drill(kecamatan);
        drill(desa);
        JsonNode named = ServedKabupaten.json(served.get("/api/v1/named?wilayah=" + desa, "dinsos"));
        List<List<String>> rows = tableRows("table-named");
        assertThat(rows)
                .containsExactlyElementsOf(textRows(named))
                .hasSize(named.path("rows").size());
        assertThat(rows).allSatisfy(row -> assertThat(row.get(4)).matches(MASKED_NAME));
        ((JavascriptExecutor) driver).executeScript("document.getElementById('figure-named').scrollIntoView();");
        screenshot("dinsos-desa-masked");
        long audited = served.auditLines();
        driver.findElement(By.id("named-full")).click();
        waitFor(desa);
        JsonNode full = ServedKabupaten.json(served.get("/api/v1/named?wilayah=" + desa + "&names=full", "dinsos"));
        assertThat(tableRows("table-named")).containsExactlyElementsOf(textRows(full));
        assertThat(served.auditLines()).isEqualTo(audited + 2);
        assertThat(status("/api/v1/named?wilayah=" + desa + "&nik=full")).isEqualTo(403);
        assertThat(status("/api/v1/spending")).isEqualTo(403);
        assertThat(status("/api/v1/runs")).isEqualTo(403);
    }

    @Test
    void fitsAPhoneScreenAndSwitchesToEnglish() throws Exception {
        start("phone", 390, 844);
        driver.get(served.base + "/login");
        screenshot("phone-login");
        logIn("planner");
        waitFor("51.08");
        Long overflow = (Long) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).isZero();
        screenshot("phone-planner");
        driver.findElement(By.id("language")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(browser ->
                        browser.findElement(By.id("title")).getText().equals("SatuPintu: social welfare dashboard"));
        waitFor("51.08");
        assertThat(driver.findElement(By.cssSelector("#figure-recipients h2")).getText())
                .startsWith("Recipients");
        screenshot("phone-planner-english");
    }

    private void start(String name, int width, int height) throws Exception {
        downloads = Path.of("target", "serve-it", "downloads-" + name).toAbsolutePath();
        FileSystemUtils.deleteRecursively(downloads);
        browser = HeadlessChromium.start(Files.createTempDirectory("satupintu-chromium-"), width, height, downloads);
        driver = browser.driver();
    }

    private void logIn(String user) {
        driver.get(served.base + "/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(served.passwords.get(user));
        driver.findElement(By.id("login-submit")).click();
    }

    /** Waits until the dashboard has drawn every figure for the wilayah. */
    private void waitFor(String wilayah) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(browser -> {
            Object ready = ((JavascriptExecutor) browser)
                    .executeScript("return document.body ? document.body.getAttribute('data-ready') : null;");
            return ready != null && ready.toString().contains("wilayah=" + wilayah + "&");
        });
        assertThat(driver.findElement(By.id("error")).isDisplayed()).isFalse();
    }

    private void drill(String kode) {
        driver.findElement(By.cssSelector("#table-recipients button.drill[data-kode='" + kode + "']"))
                .click();
        waitFor(kode);
    }

    private List<String> sections() {
        return driver.findElements(By.cssSelector("section.figure")).stream()
                .map(section -> section.getDomAttribute("id"))
                .toList();
    }

    /** The cells of a table as the browser shows them. */
    private List<List<String>> tableRows(String id) {
        List<List<String>> rows = new ArrayList<>();
        for (WebElement row : driver.findElements(By.cssSelector("#" + id + " tbody tr"))) {
            rows.add(row.findElements(By.tagName("td")).stream()
                    .map(WebElement::getText)
                    .toList());
        }
        return rows;
    }

    /** The rows of an API answer as the dashboard should show them: Indonesian digit grouping, - where hidden. */
    private static List<List<String>> textRows(JsonNode body) {
        List<List<String>> rows = new ArrayList<>();
        java.text.NumberFormat grouping =
                java.text.NumberFormat.getNumberInstance(java.util.Locale.forLanguageTag("id-ID"));
        // as the browser's Intl.NumberFormat: up to three decimals (rupiah with sen show two)
        grouping.setMaximumFractionDigits(3);
        for (JsonNode row : body.path("rows")) {
            List<String> cells = new ArrayList<>();
            for (JsonNode column : body.path("columns")) {
                JsonNode value = row.path(column.path("name").asString());
                if (value.isNull()) {
                    boolean hidden = false;
                    for (JsonNode name : row.path("suppressed")) {
                        hidden |= name.asString().equals(column.path("name").asString());
                    }
                    cells.add(hidden ? "-" : "");
                } else if (value.isNumber()) {
                    cells.add(grouping.format(value.decimalValue()));
                } else {
                    cells.add(value.asString());
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    private long status(String path) {
        Object status = ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + " fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status));",
                        path);
        return (Long) status;
    }

    private void clearDownloads() throws Exception {
        FileSystemUtils.deleteRecursively(downloads);
        Files.createDirectories(downloads);
    }

    private Path downloaded(String extension) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> done = files.filter(file -> file.toString().endsWith(extension))
                        .toList();
                if (!done.isEmpty() && Files.size(done.get(0)) > 0) {
                    return done.get(0);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + extension + " downloaded to " + downloads);
    }

    private void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    private static String largest(JsonNode body) {
        Map<String, Long> totals = new java.util.TreeMap<>();
        for (JsonNode row : body.path("rows")) {
            totals.merge(
                    row.path("kode_wilayah").asString(), row.path("recipients").asLong(), Long::sum);
        }
        String largest = null;
        for (Map.Entry<String, Long> entry : totals.entrySet()) {
            if (largest == null || entry.getValue() > totals.get(largest)) {
                largest = entry.getKey();
            }
        }
        return largest;
    }
}
