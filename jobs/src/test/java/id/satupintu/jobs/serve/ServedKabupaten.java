package id.satupintu.jobs.serve;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.jobs.BatchApplication;
import id.satupintu.jobs.CommandRun;
import id.satupintu.jobs.refresh.RefreshOutcome;
import id.satupintu.jobs.refresh.RefreshRunner;
import id.satupintu.pipeline.generate.FaultRates;
import id.satupintu.pipeline.generate.GeneratorSettings;
import id.satupintu.pipeline.generate.SyntheticRosterGenerator;
import id.satupintu.pipeline.lake.DataDirectory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One small generated Buleleng (1,500 residents, default faults) served on a random loopback port,
 * shared by the serve tests of one JVM: the first month is refreshed, the server started, then the
 * second month is refreshed while it serves (what the server answered before and after is kept for
 * the test of the switch). Users are added with the {@code user} command: a planner, a budget officer,
 * two Dinas Sosial operators (one allowed full NIKs) and an admin, each with a password and an API key.
 */
final class ServedKabupaten {
    static final YearMonth FIRST = YearMonth.of(2026, 9);
    static final YearMonth SECOND = YearMonth.of(2026, 10);
    static final List<String> USERS = List.of("planner", "budget", "dinsos", "dinsosnik", "admin");
    private static final Pattern PASSWORD = Pattern.compile(": ([A-Za-z0-9]{20})$", Pattern.MULTILINE);
    private static final Pattern KEY = Pattern.compile(": (sp_[A-Za-z0-9_-]+)$", Pattern.MULTILINE);
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static ServedKabupaten instance;

    final DataDirectory data;
    final ConfigurableApplicationContext server;
    final String base;
    final Map<String, String> passwords = new HashMap<>();
    final Map<String, String> keys = new HashMap<>();
    final JsonNode metaBeforeSecondMonth;
    final JsonNode metaAfterSecondMonth;
    final boolean refreshContextHadWebServer;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static synchronized ServedKabupaten get() throws Exception {
        if (instance == null) {
            instance = new ServedKabupaten(Path.of("target", "serve-it"));
            Runtime.getRuntime().addShutdownHook(new Thread(instance.server::close));
        }
        return instance;
    }

    private ServedKabupaten(Path root) throws Exception {
        FileSystemUtils.deleteRecursively(root);
        data = new DataDirectory(root.resolve("data").toAbsolutePath());
        GeneratorSettings settings = new GeneratorSettings("51.08", FIRST, 2, 1_500, 20261123L, FaultRates.defaults());
        new SyntheticRosterGenerator(settings).generate(data.root());
        boolean[] webServer = new boolean[1];
        RefreshOutcome first = BatchApplication.run(data, context -> {
            webServer[0] = context instanceof WebServerApplicationContext;
            return refresh(context, FIRST);
        });
        assertThat(first.status()).isEqualTo(BatchStatus.COMPLETED);
        refreshContextHadWebServer = webServer[0];
        for (String user : USERS) {
            String role = user.startsWith("dinsos") ? "dinsos" : user;
            List<String> args = new ArrayList<>(
                    List.of("user", "add", "--data-dir", data.root().toString(), "--name", user, "--role", role));
            if (user.equals("dinsosnik")) {
                args.add("--full-nik");
            }
            CommandRun added = CommandRun.of(args.toArray(String[]::new));
            assertThat(added.exitCode()).as(added.err()).isZero();
            passwords.put(user, group(PASSWORD, added.out()));
            CommandRun key =
                    CommandRun.of("user", "key", "--data-dir", data.root().toString(), "--name", user);
            assertThat(key.exitCode()).as(key.err()).isZero();
            keys.put(user, group(KEY, key.out()));
        }
        server = ServeApplication.start(data, Map.of("server.port", 0));
        base = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
        metaBeforeSecondMonth = json(get("/api/v1/meta", "planner"));
        RefreshOutcome second = BatchApplication.run(data, context -> refresh(context, SECOND));
        assertThat(second.status()).isEqualTo(BatchStatus.COMPLETED);
        metaAfterSecondMonth = json(get("/api/v1/meta", "planner"));
    }

    private static RefreshOutcome refresh(ConfigurableApplicationContext context, YearMonth month) {
        try {
            return context.getBean(RefreshRunner.class).refresh(month);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(1);
    }

    /** A GET with the user's API key. */
    HttpResponse<byte[]> get(String path, String user) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("X-API-Key", keys.get(user)));
    }

    /** A GET with the user's password by HTTP Basic. */
    HttpResponse<byte[]> getBasic(String path, String user, String password) throws IOException, InterruptedException {
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic " + credentials));
    }

    /** A GET without any login. */
    HttpResponse<byte[]> getAnonymous(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)));
    }

    HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(
                request.timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        assertThat(response.statusCode())
                .as(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        return JSON.readTree(new String(response.body(), StandardCharsets.UTF_8));
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    Path auditLog() {
        return data.auditLog();
    }

    long auditLines() throws IOException {
        return Files.exists(auditLog()) ? Files.readAllLines(auditLog()).size() : 0;
    }
}
