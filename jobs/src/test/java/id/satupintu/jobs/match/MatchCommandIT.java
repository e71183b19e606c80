package id.satupintu.jobs.match;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.jobs.CommandRun;
import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.lake.DataDirectoryLock;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code satupintu match} as Dinas Sosial meets it: a desa's proposed list in XLSX, checked against
 * a generated Buleleng refreshed for two months, written back as XLSX with each row's status,
 * person, programs and flags. The people on the list are taken from that data directory's lake and
 * warehouse: an enrolled person by exact NIK, another with a misspelt name and a NIK Excel damaged
 * into a number cell, a person Dukcapil reported dead, the first row again, a person whose NIK has
 * a letter in it, a made-up person, and a person who moved away and is on no roster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchCommandIT {
    @TempDir
    static Path root;

    private DataDirectory data;
    private Person exact;
    private Person misspelt;
    private Person deceased;
    private Person letterInNik;
    private Person moved;
    private String deathDate;
    private String moveNote;
    private Path list;

    /** A resident as the lake has them, and (when on a roster of October) their person and programs. */
    record Person(String nik, String nama, LocalDate birthDate, String kodeDesa, String personId, String programs) {}

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    @BeforeAll
    void generateRefreshAndWriteTheList() throws Exception {
        CommandRun generate =
                run("generate", "--out", root.toString(), "--period", "2026-09", "--months", "2", "--persons", "4000");
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        CommandRun backfill = run("backfill", "--data-dir", root.toString(), "--from", "2026-09", "--to", "2026-10");
        assertThat(backfill.exitCode()).as(backfill.err()).isZero();
        data = new DataDirectory(root);

        try (Connection lake = DuckDb.inMemory(2);
                Statement statement = lake.createStatement()) {
            statement.execute("ATTACH " + DuckDb.literal(data.publishedWarehouse()) + " AS w (READ_ONLY)");
            statement.execute("CREATE VIEW roster AS SELECT s.*, l.person_id FROM read_parquet("
                    + DuckDb.literal(data.staged().resolve("period=2026-10/**/*.parquet"))
                    + ", union_by_name = true) s JOIN read_parquet("
                    + DuckDb.literal(data.linkedPartition(java.time.YearMonth.of(2026, 10))
                            .resolve("person_link.parquet"))
                    + ") l USING (source_file, source_row)");
            // persons of October whose rows carry one NIK of their own, a birth date and no finding,
            // of whom Dukcapil reported nothing
            statement.execute("CREATE VIEW plain AS SELECT r.person_id, r.nik, r.nama, r.birth_date, r.kode_desa,"
                    + " (SELECT count(*) FROM w.enrollment e WHERE e.period = '2026-10' AND e.person_id ="
                    + " r.person_id) AS programs, row_number() OVER (PARTITION BY r.person_id ORDER BY"
                    + " r.source_file, r.source_row) AS nth FROM roster r WHERE r.birth_date IS NOT NULL AND"
                    + " r.flags IS NULL AND r.person_id NOT IN (SELECT person_id FROM w.dukcapil_event) AND NOT"
                    + " EXISTS (SELECT 1 FROM roster o WHERE (o.nik = r.nik) <> (o.person_id = r.person_id))");
            exact = person(statement, "SELECT * FROM plain WHERE nth = 1 AND programs = 3 ORDER BY person_id LIMIT 1");
            misspelt = person(
                    statement,
                    "SELECT * FROM plain WHERE nth = 1 AND programs = 2 AND right(nik, 1) <> '0' AND"
                            + " length(nama) > 8 ORDER BY person_id LIMIT 1");
            letterInNik = person(
                    statement,
                    "SELECT * FROM plain WHERE nth = 1 AND programs = 1 AND length(nama) > 8 ORDER BY person_id"
                            + " LIMIT 1");
            // a person Dukcapil reported dead who is still on an October roster
            deceased = person(
                    statement,
                    "SELECT r.person_id, r.nik, r.nama, r.birth_date, r.kode_desa FROM roster r JOIN"
                            + " w.dukcapil_event d ON d.person_id = r.person_id AND d.event_type = 'KEMATIAN' WHERE"
                            + " r.birth_date IS NOT NULL ORDER BY r.person_id, r.source_file, r.source_row LIMIT 1");
            moved = person(
                    statement,
                    "SELECT NULL AS person_id, nik, nama, birth_date, kode_desa FROM read_parquet("
                            + DuckDb.literal(
                                    data.reference().resolve("period=*/reference=DUKCAPIL_PERISTIWA/*.parquet"))
                            + ") WHERE event_type = 'PINDAH_KELUAR' AND person_key NOT IN (SELECT person_key FROM"
                            + " read_parquet(" + DuckDb.literal(data.linked().resolve("period=*/person_link.parquet"))
                            + ")) ORDER BY nik LIMIT 1");
            try (ResultSet result = statement.executeQuery("SELECT CAST(d.event_date AS VARCHAR) || ' ke ' ||"
                    + " k.nama || ' (' || d.kode_wilayah_tujuan || ')' FROM read_parquet("
                    + DuckDb.literal(data.reference().resolve("period=*/reference=DUKCAPIL_PERISTIWA/*.parquet"))
                    + ") d JOIN w.wilayah k ON k.kode_wilayah = d.kode_wilayah_tujuan WHERE d.nik = '"
                    + moved.nik() + "'")) {
                result.next();
                moveNote = result.getString(1);
            }
            try (ResultSet result = statement.executeQuery("SELECT CAST(event_date AS VARCHAR) FROM"
                    + " w.dukcapil_event WHERE event_type = 'KEMATIAN' AND person_id = '" + deceased.personId()
                    + "'")) {
                result.next();
                deathDate = result.getString(1);
            }
            exact = withPrograms(statement, exact);
            misspelt = withPrograms(statement, misspelt);
            deceased = withPrograms(statement, deceased);
            letterInNik = withPrograms(statement, letterInNik);
        }
        list = writeList(root.resolve("usulan_blt_2026.xlsx"));
    }

    private static Person person(Statement statement, String sql) throws Exception {
        try (ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as(sql).isTrue();
            return new Person(
                    result.getString("nik"),
                    result.getString("nama"),
                    result.getObject("birth_date", LocalDate.class),
                    result.getString("kode_desa"),
                    result.getString("person_id"),
                    null);
        }
    }

    private static Person withPrograms(Statement statement, Person person) throws Exception {
        try (ResultSet result = statement.executeQuery("SELECT string_agg(program_code, ', ' ORDER BY program_code)"
                + " FROM w.enrollment WHERE period = '2026-10' AND person_id = '" + person.personId() + "'")) {
            result.next();
            return new Person(
                    person.nik(),
                    person.nama(),
                    person.birthDate(),
                    person.kodeDesa(),
                    person.personId(),
                    result.getString(1));
        }
    }

    /** One letter swapped with its neighbour near the end of the name. */
    private static String misspell(String nama) {
        int at = nama.length() - 3;
        return nama.substring(0, at) + nama.charAt(at + 1) + nama.charAt(at) + nama.substring(at + 2);
    }

    /** The list as a desa types it: two title rows, a blank row, the header, then one row per person. */
    private Path writeList(Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "Desa", "1.0");
            Worksheet sheet = workbook.newWorksheet("Usulan");
            sheet.value(0, 0, "USULAN CALON PENERIMA BLT DANA DESA 2026");
            sheet.value(1, 0, "KABUPATEN BULELENG");
            String[] header = {"NO", "NIK", "NAMA", "TGL_LAHIR", "KODE_DESA", "CATATAN DESA"};
            for (int column = 0; column < header.length; column++) {
                sheet.value(3, column, header[column]);
            }
            int row = 4;
            text(sheet, row++, exact.nik(), exact.nama(), exact.birthDate(), exact.kodeDesa());
            text(sheet, row, null, misspell(misspelt.nama()), misspelt.birthDate(), misspelt.kodeDesa());
            // typed into a General cell: Excel keeps 15 significant digits, the 16th becomes 0
            sheet.value(row++, 1, Long.parseLong(misspelt.nik().substring(0, 15) + "0"));
            text(sheet, row++, deceased.nik(), deceased.nama(), deceased.birthDate(), deceased.kodeDesa());
            text(sheet, row++, exact.nik(), exact.nama(), exact.birthDate(), exact.kodeDesa());
            text(
                    sheet,
                    row++,
                    letterInNik.nik().substring(0, 13) + "O" + letterInNik.nik().substring(14),
                    letterInNik.nama(),
                    letterInNik.birthDate(),
                    letterInNik.kodeDesa());
            text(sheet, row, "5108014107990003", "NI WAYAN CONTOH SINTETIS", LocalDate.of(1999, 7, 1), "51.08.01.2001");
            sheet.value(row++, 5, "=HYPERLINK(\"http://contoh.invalid\")");
            text(sheet, row++, moved.nik(), moved.nama(), moved.birthDate(), moved.kodeDesa());
            for (int i = 4; i < row; i++) {
                sheet.value(i, 0, i - 3);
            }
            workbook.finish();
        }
        return file;
    }

    private static void text(Worksheet sheet, int row, String nik, String nama, LocalDate birthDate, String desa) {
        if (nik != null) {
            sheet.value(row, 1, nik);
        }
        sheet.value(row, 2, nama);
        sheet.value(row, 3, birthDate);
        sheet.style(row, 3).format("dd/mm/yyyy").set();
        sheet.value(row, 4, desa);
    }

    private static List<List<String>> read(Path file) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
            for (Row row : workbook.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                cells.add(String.valueOf(row.getRowNum()));
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(row.getCellText(i));
                }
                // a row ends at its last cell with a value; the header is the widest
                while (!rows.isEmpty() && cells.size() < rows.get(0).size()) {
                    cells.add("");
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    void annotatesEveryRowOfTheListWithItsPersonProgramsAndFlags() throws Exception {
        CommandRun match = run("match", "--data-dir", root.toString(), "--input", list.toString());

        assertThat(match.exitCode()).as(match.err()).isZero();
        Path result = root.resolve("usulan_blt_2026-hasil.xlsx");
        assertThat(match.out())
                .isEqualTo(String.join(
                        System.lineSeparator(),
                        "Daftar usulan_blt_2026.xlsx: 7 baris dicocokkan dengan gudang data periode 2026-10",
                        "  Kolom yang dipakai: NIK, NAMA, TGL_LAHIR, KODE_DESA",
                        "  Status: DITEMUKAN 5, MUNGKIN 0, TIDAK DITEMUKAN 2",
                        "  Tanda: MENINGGAL 1, PINDAH 1, GANDA_DALAM_DAFTAR 2, NIK_TIDAK_VALID 2, NIK_RUSAK_EXCEL 1,"
                                + " NIK_BERBEDA 0, NIK_GANDA 0, TIDAK_DITEMUKAN 2",
                        "Hasil: " + result,
                        ""));
        // what the operator sees names no one
        for (Person person : List.of(exact, misspelt, deceased, letterInNik, moved)) {
            assertThat(match.out() + match.err()).doesNotContain(person.nik()).doesNotContain(person.nama());
        }

        List<List<String>> sheet = read(result);
        assertThat(sheet.get(0))
                .containsExactly(
                        "4",
                        "NO",
                        "NIK",
                        "NAMA",
                        "TGL_LAHIR",
                        "KODE_DESA",
                        "CATATAN DESA",
                        "STATUS",
                        "ID_ORANG",
                        "PELUANG_COCOK",
                        "PROGRAM",
                        "TANDA",
                        "KETERANGAN");
        // row number, NO, NIK as written, then status, person, probability, programs, flags, notes
        List<String> answers = new ArrayList<>();
        for (List<String> row : sheet.subList(1, sheet.size())) {
            answers.add(String.join(
                    " | ",
                    List.of(
                            row.get(0),
                            row.get(1),
                            row.get(6),
                            row.get(7),
                            row.get(8),
                            row.get(9).isEmpty() ? "" : row.get(9).startsWith("1") ? "1" : "<1",
                            row.get(10),
                            row.get(11),
                            row.get(12))));
        }
        assertThat(answers)
                .containsExactly(
                        "5 | 1 |  | DITEMUKAN | " + exact.personId() + " | 1 | " + exact.programs()
                                + " | GANDA_DALAM_DAFTAR | orang yang sama dengan baris 8",
                        "6 | 2 |  | DITEMUKAN | " + misspelt.personId() + " | <1 | " + misspelt.programs()
                                + " | NIK_TIDAK_VALID, NIK_RUSAK_EXCEL | NIK_NUMERIC_CELL: NIK disimpan sebagai angka,"
                                + " bukan teks: Excel hanya menyimpan 15 digit, digit ke-16 hilang; NIK sama dengan NIK"
                                + " orang ini di roster pada 15 digit pertama dan berakhiran 0: digit ke-16 hilang oleh"
                                + " Excel",
                        "7 | 3 |  | DITEMUKAN | " + deceased.personId() + " | 1 | " + deceased.programs()
                                + " | MENINGGAL | meninggal " + deathDate + " (Dukcapil)",
                        "8 | 4 |  | DITEMUKAN | " + exact.personId() + " | 1 | " + exact.programs()
                                + " | GANDA_DALAM_DAFTAR | orang yang sama dengan baris 5",
                        "9 | 5 |  | DITEMUKAN | " + letterInNik.personId() + " | <1 | " + letterInNik.programs()
                                + " | NIK_TIDAK_VALID | NIK_NOT_DIGITS: NIK mengandung karakter selain angka",
                        "10 | 6 | '=HYPERLINK(\"http://contoh.invalid\") | TIDAK DITEMUKAN |  |  |  | TIDAK_DITEMUKAN"
                                + " | ",
                        "11 | 7 |  | TIDAK DITEMUKAN |  |  |  | PINDAH, TIDAK_DITEMUKAN | pindah keluar " + moveNote
                                + " (Dukcapil)");
        // the list's own values come back as they were: the NIK typed as a number stays a number
        assertThat(sheet.get(2).get(2)).isEqualTo(misspelt.nik().substring(0, 15) + "0");
        assertThat(sheet.get(1).subList(2, 4)).containsExactly(exact.nik(), exact.nama());
        assertThat(List.of(
                        exact.programs().split(", ").length, misspelt.programs().split(", ").length))
                .containsExactly(3, 2);

        // the audit log: the export, its file and SHA-256, the counts printed; no one named
        String audit = java.nio.file.Files.readAllLines(data.auditLog()).stream()
                .filter(line -> line.contains("\"action\":\"export\""))
                .reduce((first, last) -> last)
                .orElseThrow();
        assertThat(audit)
                .matches("\\{\"at\":\"[0-9T:.\\-]+Z\",\"action\":\"export\",\"os_user\":\""
                        + java.util.regex.Pattern.quote(System.getProperty("user.name"))
                        + "\",\"command\":\"match\",\"period\":\"2026-10\",\"files\":\\[\\{\"file\":\""
                        + java.util.regex.Pattern.quote(result.toString()) + "\",\"bytes\":"
                        + java.nio.file.Files.size(result) + ",\"sha256\":\""
                        + java.util.HexFormat.of()
                                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                        .digest(java.nio.file.Files.readAllBytes(result)))
                        + "\"}],\"counts\":\\{\"list\":\"usulan_blt_2026.xlsx\",\"rows\":7,\"FOUND\":5,"
                        + "\"POSSIBLE\":0,\"NOT_FOUND\":2}}");
        for (Person person : List.of(exact, misspelt, deceased, letterInNik, moved)) {
            assertThat(audit).doesNotContain(person.nik()).doesNotContain(person.nama());
        }
    }

    @Test
    void speaksEnglishOnRequestAndWritesWhereItIsTold() throws Exception {
        Path result = root.resolve("hasil").resolve("checked.xlsx");
        Files.createDirectories(result.getParent());

        CommandRun match = run(
                "match",
                "--lang",
                "en",
                "--data-dir",
                root.toString(),
                "--input",
                list.toString(),
                "--out",
                result.toString(),
                "--period",
                "2026-10");

        assertThat(match.exitCode()).as(match.err()).isZero();
        assertThat(match.out().lines().toList())
                .containsExactly(
                        "List usulan_blt_2026.xlsx: 7 rows matched against the warehouse of 2026-10",
                        "  Columns used: NIK, NAMA, TGL_LAHIR, KODE_DESA",
                        "  Status: FOUND 5, POSSIBLE 0, NOT FOUND 2",
                        "  Flags: DECEASED 1, MOVED_OUT 1, DUPLICATE_IN_LIST 2, INVALID_NIK 2, EXCEL_DAMAGED_NIK 1,"
                                + " NIK_DIFFERS 0, NIK_GANDA 0, NOT_FOUND 2",
                        "Result: " + result);
        List<List<String>> sheet = read(result);
        assertThat(sheet.get(0).subList(7, 13))
                .containsExactly("STATUS", "PERSON_ID", "MATCH_PROBABILITY", "PROGRAMS", "FLAGS", "NOTES");
        assertThat(sheet.get(3).subList(7, 13))
                .containsExactly(
                        "FOUND",
                        deceased.personId(),
                        "1.0",
                        deceased.programs(),
                        "DECEASED",
                        "died " + deathDate + " (Dukcapil)");
    }

    @Test
    void waitsForARunThatHoldsTheDataDirectory() throws Exception {
        try (DataDirectoryLock held = DataDirectoryLock.acquire(data, "refresh --period 2026-11")) {
            CommandRun match = run("match", "--data-dir", root.toString(), "--input", list.toString());

            assertThat(match.exitCode()).isEqualTo(1);
            assertThat(match.err().strip())
                    .matches("Gagal: Direktori data sedang dipakai oleh proses lain \\(pid \\d+, since \\S+, refresh"
                            + " --period 2026-11\\); jalankan match setelah selesai");
        }
    }

    @Test
    void refusesAListWithoutANikColumnNamingTheFile() throws Exception {
        Path noNik = Files.writeString(root.resolve("daftar_tanpa_nik.csv"), "NO;NAMA\n1;NI WAYAN CONTOH\n");

        CommandRun match = run("match", "--data-dir", root.toString(), "--input", noNik.toString());

        assertThat(match.exitCode()).isEqualTo(1);
        assertThat(match.err().strip())
                .isEqualTo("Gagal: Daftar daftar_tanpa_nik.csv tidak dapat dipakai: kolom NIK tidak ditemukan di 10"
                        + " baris pertama; nama kolom yang dikenal: [NIK, NO NIK, NOMOR NIK, NIK KTP, NIK PENERIMA,"
                        + " NOMOR INDUK KEPENDUDUKAN]");
        assertThat(root.resolve("daftar_tanpa_nik-hasil.xlsx")).doesNotExist();
    }
}
