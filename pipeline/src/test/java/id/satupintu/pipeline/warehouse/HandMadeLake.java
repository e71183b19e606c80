package id.satupintu.pipeline.warehouse;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.lake.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-made lake for warehouse tests: staged roster files with their manifests, Dukcapil extracts
 * (in desa 51.08.01.2001) and the link's person ids, person pN carrying NIK key kN and id
 * {@link #id}(N).
 */
final class HandMadeLake {
    private HandMadeLake() {}

    static String id(int person) {
        return "P" + String.format("%019x", person);
    }

    /** One staged roster file and its manifest; each listing is {@code person kode_desa}; pN's NIK key is kN. */
    static void writeRoster(DataDirectory data, String period, String program, long benefit, String... listings)
            throws Exception {
        String file = program.toLowerCase() + "_" + period + ".csv";
        List<String> values = new ArrayList<>();
        for (int i = 0; i < listings.length; i++) {
            String[] listing = listings[i].split(" ");
            values.add("('%s', '%s', '%s', %d, 'nik-%s', 'k%s', 'NAMA %s', 'P', DATE '1980-01-01', '%s', %d)"
                    .formatted(
                            period,
                            program,
                            file,
                            i + 2,
                            listing[0],
                            listing[0].substring(1),
                            listing[0],
                            listing[1],
                            benefit));
        }
        Path staged = Files.createDirectories(data.stagedPartition(YearMonth.parse(period), program));
        try (Connection duckdb = DuckDb.inMemory(1)) {
            DuckDb.execute(
                    duckdb,
                    "COPY (SELECT period, program_code, source_file, CAST(source_row AS BIGINT) AS source_row, nik,"
                            + " person_key, nama, nama AS nama_normalized, sex, birth_date, kode_desa,"
                            + " CAST(benefit_rupiah AS BIGINT) AS benefit_rupiah FROM (VALUES "
                            + String.join(", ", values)
                            + ") AS t(period, program_code, source_file, source_row, nik, person_key, nama, sex,"
                            + " birth_date, kode_desa, benefit_rupiah)) TO "
                            + DuckDb.literal(staged.resolve(file + ".parquet")) + " (FORMAT parquet)");
        }
        writeManifest(data, period, program, file, listings.length);
    }

    /** One Dukcapil extract; each event is {@code person event_type event_date}. */
    static void writeDukcapil(DataDirectory data, String period, String... events) throws Exception {
        String file = "dukcapil_peristiwa_" + period + ".csv";
        List<String> values = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            String[] event = events[i].split(" ", 3);
            values.add("(%d, 'nik-%s', 'k%s', '%s', %s)"
                    .formatted(i + 2, event[0], event[0].substring(1), event[1], event[2]));
        }
        Path reference =
                Files.createDirectories(data.referencePartition(YearMonth.parse(period), "DUKCAPIL_PERISTIWA"));
        try (Connection duckdb = DuckDb.inMemory(1)) {
            DuckDb.execute(
                    duckdb,
                    "COPY (SELECT '" + period + "' AS period, 'DUKCAPIL_PERISTIWA' AS reference_type, '" + file
                            + "' AS source_file, CAST(source_row AS BIGINT) AS source_row, nik, person_key,"
                            + " event_type, CAST(event_date AS DATE) AS event_date, '51.08.01.2001' AS kode_desa"
                            + " FROM (VALUES " + String.join(", ", values)
                            + ") AS t(source_row, nik, person_key, event_type, event_date)) TO "
                            + DuckDb.literal(reference.resolve(file + ".parquet")) + " (FORMAT parquet)");
        }
        writeManifest(data, period, "DUKCAPIL_PERISTIWA", file, events.length);
    }

    static void writeManifest(DataDirectory data, String period, String program, String file, int rows)
            throws Exception {
        Path manifests = Files.createDirectories(data.manifestPartition(YearMonth.parse(period)));
        try (Connection duckdb = DuckDb.inMemory(1)) {
            DuckDb.execute(
                    duckdb,
                    "COPY (SELECT '" + period + "' AS period, "
                            + "'" + program + "' AS program_code, '" + file
                            + "' AS source_file, 'sha' AS sha256, CAST(1 AS BIGINT) AS size_bytes,"
                            + " 'INGESTED' AS status, CAST(NULL AS VARCHAR) AS refusal_reason, CAST(" + rows
                            + " AS BIGINT) AS rows_read, CAST(" + rows + " AS BIGINT) AS rows_staged,"
                            + " CAST(0 AS BIGINT) AS rows_rejected, TIMESTAMP '2026-11-01 00:00:00' AS ingested_at) TO "
                            + DuckDb.literal(manifests.resolve(file + ".parquet")) + " (FORMAT parquet)");
        }
    }

    /** The link's output for a month: every staged row's person is pN for NIK key kN. */
    static void writePersonLink(DataDirectory data, String period) throws Exception {
        Path linked = Files.createDirectories(data.linkedPartition(YearMonth.parse(period)));
        try (Connection duckdb = DuckDb.inMemory(1)) {
            DuckDb.execute(
                    duckdb,
                    "COPY (SELECT period, program_code, source_file, source_row, person_key,"
                            + " 'P' || lpad(printf('%x', CAST(person_key[2:] AS INTEGER)), 19, '0') AS person_id"
                            + " FROM read_parquet("
                            + DuckDb.literal(
                                    data.staged().resolve("period=" + period).resolve("**/*.parquet"))
                            + ")) TO " + DuckDb.literal(linked.resolve("person_link.parquet")) + " (FORMAT parquet)");
        }
    }
}
