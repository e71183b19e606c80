package id.satupintu.jobs.review;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.jobs.CommandRun;
import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.lake.DataDirectoryLock;
import id.satupintu.pipeline.status.StatusOverrides;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recording status decisions from the command line against a published warehouse of a small
 * generated Buleleng, and what the next refresh makes of them: {@code person_status} and the
 * targeting indicators, read from the published warehouse.
 */
class StatusOverrideCommandIT {
    private static final String PERIOD = "2026-09";

    @TempDir
    Path root;

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    /**
     * Three PKH recipients of clean rosters: A, whom a musyawarah desa declares deceased; B, first
     * recorded as moved and then corrected to well-off; X, whose death a Dukcapil extract reports
     * (a report added to the inbox) and whom Dinas Sosial declares alive and eligible.
     */
    @Test
    void decisionsRecordedAfterARefreshReachPersonStatusAndTargetingAtTheNext() throws Exception {
        DataDirectory data = new DataDirectory(root);
        CommandRun generate =
                run("generate", "--out", root.toString(), "--period", PERIOD, "--persons", "600", "--faults", "none");
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        List<String[]> chosen = rows(
                        null,
                        "SELECT nik, no_kk, nama, CAST(birth_date AS VARCHAR), kode_desa FROM ("
                                + "SELECT DISTINCT population.* FROM " + truth(data, "enrollment") + " AS enrollment"
                                + " JOIN " + truth(data, "population") + " AS population USING (person_id)"
                                + " WHERE enrollment.program_code = 'PKH') ORDER BY person_id LIMIT 3")
                .stream()
                .map(row -> row.split("\\|", -1))
                .toList();
        assertThat(chosen).hasSize(3);
        String[] x = chosen.get(2);
        // a Dukcapil report of X's death in August, delivered late beside the month's extract
        Files.writeString(
                data.inbox(YearMonth.parse(PERIOD)).resolve("dukcapil_peristiwa_5108_202609_susulan.csv"),
                "NIK,NO_KK,NAMA_LGKP,TGL_LHR,JENIS_PERISTIWA,TGL_PERISTIWA,KODE_DESA_ASAL,KODE_WILAYAH_TUJUAN\n"
                        + String.join(",", x[0], x[1], "\"" + x[2] + "\"", x[3], "KEMATIAN", "2026-08-15", x[4], "")
                        + "\n",
                StandardCharsets.UTF_8);

        CommandRun first = run("refresh", "--data-dir", root.toString(), "--period", PERIOD);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Refresh periode " + PERIOD + ": COMPLETED");
        String a = personOf(data, chosen.get(0)[0]);
        String b = personOf(data, chosen.get(1)[0]);
        String xPerson = personOf(data, x[0]);
        assertThat(List.of(a, b, xPerson)).doesNotHaveDuplicates();
        assertThat(warehouse(
                        data,
                        "SELECT concat_ws(' ', status, source, from_period, coalesce(to_period, '-'), event_date)"
                                + " FROM person_status WHERE person_id = '" + xPerson + "'"))
                .containsExactly("MENINGGAL DUKCAPIL 2026-09 - 2026-08-15");
        List<String> targetingBefore = targeting(data);
        long dukcapilBefore =
                Long.parseLong(warehouse(data, "SELECT count(*) FROM person_status WHERE source = 'DUKCAPIL'")
                        .get(0));

        Path file = data.statusOverrides();
        CommandRun deceased = record(a, "MENINGGAL", "Musdes Desa, Banjar Dinas Kaja", "BA/21/MUSDES/IX/2026");
        assertThat(deceased.exitCode()).as(deceased.err()).isZero();
        assertThat(deceased.out())
                .isEqualTo("Status MENINGGAL untuk orang " + a + " mulai 2026-09 dicatat (berita acara"
                        + " BA/21/MUSDES/IX/2026) di " + file + "; berlaku mulai refresh berikutnya."
                        + System.lineSeparator());
        assertThat(record(b, "PINDAH", "Musdes Desa", "BA/22/MUSDES/IX/2026").exitCode())
                .isZero();
        CommandRun corrected = run(
                "status-override",
                "--lang",
                "en",
                "--data-dir",
                root.toString(),
                "--person",
                b,
                "--status",
                "mampu",
                "--from",
                PERIOD,
                "--by",
                "Musdes Desa",
                "--reference",
                "BA/23/MUSDES/IX/2026",
                "--on",
                "2026-09-30",
                "--note",
                "rumah direnovasi, punya mobil");
        assertThat(corrected.exitCode()).as(corrected.err()).isZero();
        assertThat(corrected.out().lines())
                .containsExactly(
                        "Status MAMPU for person " + b + " from 2026-09 recorded (berita acara BA/23/MUSDES/IX/2026)"
                                + " in " + file + "; it applies from the next refresh on.",
                        "From 2026-09 on this decision takes over from line(s) 3 of that file for this person.");
        assertThat(record(xPerson, "AKTIF", "Dinsos Buleleng", "BA/40/DINSOS/IX/2026")
                        .exitCode())
                .isZero();
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
                .containsExactly(
                        StatusOverrides.HEADER,
                        a + ",MENINGGAL,2026-09,\"Musdes Desa, Banjar Dinas Kaja\",2026-09-30,BA/21/MUSDES/IX/2026,",
                        b + ",PINDAH,2026-09,Musdes Desa,2026-09-30,BA/22/MUSDES/IX/2026,",
                        b + ",MAMPU,2026-09,Musdes Desa,2026-09-30,BA/23/MUSDES/IX/2026,\"rumah direnovasi, punya"
                                + " mobil\"",
                        xPerson + ",AKTIF,2026-09,Dinsos Buleleng,2026-09-30,BA/40/DINSOS/IX/2026,");

        CommandRun second = run("refresh", "--data-dir", root.toString(), "--period", PERIOD);
        assertThat(second.exitCode()).as(second.err()).isZero();

        assertThat(warehouse(
                        data,
                        "SELECT concat_ws(' ', person_id, status, from_period, coalesce(to_period, '-'), source_line,"
                                + " reference, dukcapil_set_aside) FROM person_status WHERE source = 'OVERRIDE'"
                                + " ORDER BY source_line"))
                .containsExactly(
                        a + " MENINGGAL 2026-09 - 2 BA/21/MUSDES/IX/2026 false",
                        b + " MAMPU 2026-09 - 4 BA/23/MUSDES/IX/2026 false",
                        xPerson + " AKTIF 2026-09 - 5 BA/40/DINSOS/IX/2026 true");
        // X's Dukcapil report is set aside; every other one stays
        assertThat(warehouse(data, "SELECT count(*) FROM person_status WHERE source = 'DUKCAPIL'"))
                .containsExactly(Long.toString(dukcapilBefore - 1));
        assertThat(warehouse(data, "SELECT count(*) FROM dukcapil_event WHERE person_id = '" + xPerson + "'"))
                .containsExactly("1");
        // A counts as deceased and B as well-off where they are enrolled, X no longer as deceased
        Map<String, long[]> expected = new TreeMap<>();
        for (String row : targetingBefore) {
            String[] cells = row.split(" ");
            long[] counts = new long[cells.length - 2];
            for (int i = 2; i < cells.length; i++) {
                counts[i - 2] = Long.parseLong(cells[i]);
            }
            expected.put(cells[0] + " " + cells[1], counts);
        }
        List<String> changed = new ArrayList<>();
        for (String where : enrolledIn(data, a)) {
            expected.get(where)[1]++;
            changed.add(where);
        }
        for (String where : enrolledIn(data, b)) {
            expected.get(where)[3]++;
            changed.add(where);
        }
        for (String where : enrolledIn(data, xPerson)) {
            expected.get(where)[1]--;
            changed.add(where);
        }
        assertThat(changed).hasSizeGreaterThanOrEqualTo(3);
        List<String> expectedRows = new ArrayList<>();
        expected.forEach((where, counts) -> {
            StringBuilder row = new StringBuilder(where);
            for (long count : counts) {
                row.append(' ').append(count);
            }
            expectedRows.add(row.toString());
        });
        assertThat(targeting(data)).containsExactlyElementsOf(expectedRows).isNotEqualTo(targetingBefore);
        assertThat(warehouse(
                        data,
                        "SELECT concat_ws(' ', severity, failing_rows) FROM data_test_result"
                                + " WHERE test_name = 'status_override_person_exists'"))
                .containsExactly("warn 0");

        // a person the warehouse does not have, and a file with a line that cannot be read
        CommandRun unknown = record("P0000000000000000000", "MAMPU", "Dinsos", "BA/41");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err().strip())
                .isEqualTo("Gagal: Orang P0000000000000000000 tidak ada di gudang data yang diterbitkan (tabel"
                        + " person)");
        Files.writeString(
                file, "P0000000000000000000,MATI,2026-09,Dinsos,2026-09-30,BA/42,\n", StandardOpenOption.APPEND);
        CommandRun broken = record(a, "AKTIF", "Dinsos", "BA/43");
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.err().strip())
                .isEqualTo("Gagal: Baris 6 dari " + file + " tidak terbaca: status harus MENINGGAL, PINDAH, MAMPU"
                        + " atau AKTIF; perbaiki baris itu dahulu (refresh berikutnya juga akan berhenti di sana)");
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(6);
    }

    @Test
    void aHeldLockMakesTheCommandRefuseNamingTheHolder() throws Exception {
        DataDirectory data = new DataDirectory(root);
        try (DataDirectoryLock held = DataDirectoryLock.acquire(data, "refresh --period 2026-10")) {
            CommandRun refused = run(
                    "status-override",
                    "--lang",
                    "en",
                    "--data-dir",
                    root.toString(),
                    "--person",
                    "P0123456789abcdef012",
                    "--status",
                    "MENINGGAL",
                    "--from",
                    "2026-10",
                    "--by",
                    "Dinsos",
                    "--reference",
                    "BA/1");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err().strip())
                    .matches("Failed: The data directory is in use by another run \\(pid \\d+, since \\S+,"
                            + " refresh --period 2026-10\\); wait for it to finish");
        }
        assertThat(data.statusOverrides()).doesNotExist();
    }

    @Test
    void refusesWhatIsNoDecisionWithoutEchoingIt() {
        CommandRun nik = record("5108014501900003", "MENINGGAL", "Dinsos", "BA/1");
        assertThat(nik.exitCode()).isEqualTo(1);
        assertThat(nik.err().strip())
                .isEqualTo("Gagal: --person harus ID orang seperti di gudang data (P dan 19 digit heksadesimal,"
                        + " kolom person.person_id), bukan NIK atau nama");
        CommandRun status = record("P0123456789abcdef012", "MATI", "Dinsos", "BA/1");
        assertThat(status.err().strip()).isEqualTo("Gagal: --status harus MENINGGAL, PINDAH, MAMPU atau AKTIF");
        CommandRun month = run(
                "status-override",
                "--data-dir",
                root.toString(),
                "--person",
                "P0123456789abcdef012",
                "--status",
                "MAMPU",
                "--from",
                "09-2026",
                "--by",
                "Dinsos",
                "--reference",
                "BA/1");
        assertThat(month.err().strip()).isEqualTo("Gagal: --from harus berbentuk YYYY-MM, misalnya 2026-10");
        CommandRun noWarehouse = record("P0123456789abcdef012", "MAMPU", "Dinsos", "BA/1");
        assertThat(noWarehouse.exitCode()).isEqualTo(1);
        assertThat(noWarehouse.err().strip())
                .isEqualTo("Gagal: Belum ada gudang data yang diterbitkan di "
                        + root.resolve("warehouse/satupintu.duckdb") + "; jalankan refresh dahulu");
        assertThat(new DataDirectory(root).statusOverrides()).doesNotExist();
    }

    private CommandRun record(String person, String status, String by, String reference) {
        return run(
                "status-override",
                "--data-dir",
                root.toString(),
                "--person",
                person,
                "--status",
                status,
                "--from",
                PERIOD,
                "--by",
                by,
                "--reference",
                reference,
                "--on",
                "2026-09-30");
    }

    /** The person the published warehouse knows the NIK as: the link's id of its staged rows. */
    private static String personOf(DataDirectory data, String nik) throws Exception {
        List<String> persons = rows(
                null,
                "SELECT DISTINCT link.person_id FROM read_parquet("
                        + DuckDb.literal(
                                data.staged().resolve("period=" + PERIOD).resolve("**/*.parquet"))
                        + ", hive_partitioning = false) AS staged JOIN read_parquet("
                        + DuckDb.literal(
                                data.linkedPartition(YearMonth.parse(PERIOD)).resolve("person_link.parquet"))
                        + ", hive_partitioning = false) AS link USING (source_file, source_row)"
                        + " WHERE staged.nik = '" + nik + "'");
        assertThat(persons).hasSize(1);
        return persons.get(0);
    }

    /** {@code program kecamatan recipients deceased moved well_off} of the month, in order. */
    private static List<String> targeting(DataDirectory data) throws Exception {
        return warehouse(
                data,
                "SELECT concat_ws(' ', program_code, kode_kecamatan, recipients, deceased_enrolled, moved_enrolled,"
                        + " well_off_enrolled) FROM mart_targeting_kecamatan WHERE period = '" + PERIOD
                        + "' ORDER BY program_code, kode_kecamatan");
    }

    /** {@code program kecamatan} of each enrollment of the person in the month. */
    private static List<String> enrolledIn(DataDirectory data, String person) throws Exception {
        return warehouse(
                data,
                "SELECT enrollment.program_code || ' ' || desa.kode_kecamatan FROM enrollment JOIN wilayah AS desa"
                        + " ON desa.kode_wilayah = enrollment.kode_desa WHERE enrollment.period = '" + PERIOD
                        + "' AND enrollment.person_id = '" + person + "'");
    }

    private static String truth(DataDirectory data, String table) {
        return "read_parquet("
                + DuckDb.literal(
                        data.truth(YearMonth.parse(PERIOD)).resolve(table).resolve("*.parquet")) + ")";
    }

    private static List<String> warehouse(DataDirectory data, String sql) throws Exception {
        return rows(data.publishedWarehouse(), sql);
    }

    /** The rows of a query, columns joined by {@code |}: on a warehouse file, or in memory when null. */
    private static List<String> rows(Path warehouse, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = warehouse == null ? DuckDb.inMemory(1) : DuckDb.openReadOnly(warehouse);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    cells.add(result.getString(i) == null ? "" : result.getString(i));
                }
                rows.add(String.join("|", cells));
            }
        }
        return rows;
    }
}
