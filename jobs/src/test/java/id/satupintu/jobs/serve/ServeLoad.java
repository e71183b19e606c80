package id.satupintu.jobs.serve;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load on the aggregate endpoints of a running {@code satupintu serve}, from its own JVM:
 * {@code java -cp jobs/target/test-classes id.satupintu.jobs.serve.ServeLoad BASE_URL API_KEY REQUESTS
 * CONCURRENCY MAX_SECONDS}. It sends at most REQUESTS requests, stops after MAX_SECONDS whatever is
 * left, only to a loopback address, then prints one line: requests, ok, failed, seconds, requests/s
 * and the p50/p95/p99 latency in milliseconds. Only the JDK: it runs from the test classes alone.
 */
public final class ServeLoad {
    static final List<String> PATHS = List.of(
            "/api/v1/recipients",
            "/api/v1/recipients?wilayah=51.08.01",
            "/api/v1/trend",
            "/api/v1/overlap",
            "/api/v1/changes",
            "/api/v1/targeting",
            "/api/v1/coverage",
            "/api/v1/recipients?program=PKH&format=csv");

    private ServeLoad() {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        int requests = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        long maxSeconds = Long.parseLong(args[4]);
        String host = URI.create(base).getHost();
        if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
            throw new IllegalArgumentException("the load goes to a loopback address only, not " + host);
        }
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(concurrency))
                .build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong firstFailure = new AtomicLong(-1);
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        for (int worker = 0; worker < concurrency; worker++) {
            workers.submit(() -> {
                int index;
                while ((index = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + PATHS.get(index % PATHS.size())))
                            .header("X-API-Key", key)
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        latencies.add(System.nanoTime() - sent);
                        if (response.statusCode() == 200) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(-1, response.statusCode());
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            });
        }
        workers.shutdown();
        workers.awaitTermination(maxSeconds + 30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int done = ok.get() + failed.get();
        System.out.println(String.format(
                Locale.ROOT,
                "requests=%d ok=%d failed=%d first_failure_status=%d seconds=%.2f requests_per_second=%.1f"
                        + " p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f",
                done,
                ok.get(),
                failed.get(),
                firstFailure.get(),
                seconds,
                done / seconds,
                percentile(sorted, 0.50),
                percentile(sorted, 0.95),
                percentile(sorted, 0.99)));
        System.exit(0);
    }

    static double percentile(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }
}
