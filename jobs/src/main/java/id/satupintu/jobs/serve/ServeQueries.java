package id.satupintu.jobs.serve;

import id.satupintu.pipeline.report.SqlFile;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The queries of the dashboard and API, {@code sql/<name>.sql} beside this class, read once. */
final class ServeQueries {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private ServeQueries() {}

    static String sql(String name) {
        return CACHE.computeIfAbsent(
                name, key -> SqlFile.of(ServeQueries.class, key).sql());
    }
}
