package id.satupintu.jobs;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's Chromium, headless, driven by Debian's ChromeDriver through Selenium: no download, no
 * network (Selenium Manager is never asked, since driver and browser are given). It records the
 * console and every network request the page makes.
 */
public final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 900;

    private final ChromeDriver driver;
    private final JsonMapper json = JsonMapper.builder().build();

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts the browser with a fresh profile under {@code profile}; fails, saying what to run, without it. */
    public static HeadlessChromium start(Path profile) throws IOException {
        return start(profile, WIDTH, HEIGHT, null);
    }

    /**
     * Starts the browser with a fresh profile under {@code profile}, a window of {@code width} ×
     * {@code height}, and downloads saved without asking into {@code downloads} (none when null).
     */
    public static HeadlessChromium start(Path profile, int width, int height, Path downloads) throws IOException {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            fail("The browser tests need Debian's Chromium and ChromeDriver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "); run .ci/install-browser first");
        }
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createDirectories(profile).toAbsolutePath());
        if (downloads != null) {
            options.setExperimentalOption(
                    "prefs",
                    Map.of(
                            "download.default_directory",
                            Files.createDirectories(downloads).toAbsolutePath().toString(),
                            "download.prompt_for_download",
                            false));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver driver = new ChromeDriver(ChromeDriverService.createDefaultService(), options);
        driver.manage().window().setSize(new Dimension(width, height));
        driver.get("about:blank");
        return new HeadlessChromium(driver);
    }

    /** The Selenium driver, for tests that click, type and wait. */
    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a file; what the browser logged and requested before (its start page) is dropped. */
    public void open(Path file) {
        console();
        requests();
        driver.get(file.toUri().toString());
    }

    /** Runs JavaScript in the page and returns its result. */
    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** What the page wrote to the console since the last call (errors, CSP violations …), one line each. */
    public List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage())
                .toList();
    }

    /** The URL of every request the browser sent since the last call, the page itself included. */
    public List<String> requests() {
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            JsonNode message = json.readTree(entry.getMessage()).path("message");
            String method = message.path("method").asString("");
            if (method.equals("Network.requestWillBeSent") || method.equals("Network.webSocketCreated")) {
                JsonNode params = message.path("params");
                urls.add(
                        params.has("request")
                                ? params.path("request").path("url").asString()
                                : params.path("url").asString());
            }
        }
        return urls;
    }

    /** A screenshot of the whole page: the window is made as tall as the page first. */
    public void screenshot(Path target) throws IOException {
        Number height = (Number) script("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(WIDTH, height.intValue() + 20));
        Files.createDirectories(target.getParent());
        Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
