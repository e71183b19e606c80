package id.satupintu.pipeline.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.satupintu.pipeline.TestLakes;
import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.generate.FaultRates;
import id.satupintu.pipeline.generate.GeneratorSettings;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.linkage.PeriodLinkage;
import id.satupintu.pipeline.warehouse.BuiltWarehouse;
import id.satupintu.pipeline.warehouse.WarehouseBuilder;
import id.satupintu.pipeline.warehouse.WarehousePublisher;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A desa's list matched against a real lake and warehouse: two generated months of Buleleng with
 * the default faults, ingested, linked, built and published. The people on the list are taken from
 * that lake: one by an exact NIK, one with a misspelt name and an Excel-damaged NIK, one who died,
 * one whose NIK is too short, one who moved away and is on no roster, two made-up rows, and one
 * with a misspelt name and an Excel-damaged NIK but no birth date or desa.
 */
class ListMatcherTest {
    private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @TempDir
    static Path root;

    private static DataDirectory data;
    private static Person exact;
    private static Person misspelt;
    private static Person deceased;
    private static Person shortNik;
    private static Person moved;
    private static Person nameOnly;

    /** A resident as the lake has them, and (when on a roster of October) their person and programs. */
    record Person(
            String nik, String nama, LocalDate birthDate, String kodeDesa, String personId, List<String> programs) {}

    @BeforeAll
    static void lakeAndWarehouse() throws Exception {
        data = new DataDirectory(root);
        TestLakes.generateAndIngest(
                root,
                new GeneratorSettings("51.08", SEPTEMBER, 2, 4_000, 20261123L, FaultRates.defaults()),
                file -> true);
        PeriodLinkage linkage = new PeriodLinkage(data, 2);
        linkage.link(SEPTEMBER);
        linkage.link(OCTOBER);
        BuiltWarehouse built = new WarehouseBuilder(data, WilayahTable.national()).build("run-1");
        new WarehousePublisher(data).publish(built.file());

        try (Connection lake = DuckDb.inMemory(2);
                Statement statement = lake.createStatement()) {
            statement.execute("ATTACH " + DuckDb.literal(data.publishedWarehouse()) + " AS w (READ_ONLY)");
            statement.execute("CREATE VIEW roster AS SELECT s.*, l.person_id FROM read_parquet("
                    + DuckDb.literal(data.staged().resolve("period=" + OCTOBER).resolve("**/*.parquet"))
                    + ", union_by_name = true) s JOIN read_parquet("
                    + DuckDb.literal(data.linkedPartition(OCTOBER).resolve("person_link.parquet"))
                    + ") l USING (source_file, source_row)");
            // persons of October whose rows carry one NIK of their own, a birth date and no finding,
            // of whom Dukcapil reported nothing
            statement.execute("CREATE VIEW plain AS SELECT r.person_id, r.nik, r.nama, r.birth_date, r.kode_desa,"
                    + " (SELECT count(*) FROM w.enrollment e WHERE e.period = '2026-10' AND e.person_id ="
                    + " r.person_id) AS programs, row_number() OVER (PARTITION BY r.person_id ORDER BY"
                    + " r.source_file, r.source_row) AS nth FROM roster r WHERE r.birth_date IS NOT NULL AND"
                    + " r.flags IS NULL AND r.person_id NOT IN (SELECT person_id FROM w.dukcapil_event) AND NOT"
                    + " EXISTS (SELECT 1 FROM roster o WHERE (o.nik = r.nik) <> (o.person_id = r.person_id))");
            exact = person(lake, "SELECT * FROM plain WHERE nth = 1 AND programs = 3 ORDER BY person_id LIMIT 1");
            misspelt = person(
                    lake,
                    "SELECT * FROM plain WHERE nth = 1 AND programs = 2 AND right(nik, 1) <> '0' AND"
                            + " length(nama) > 8 ORDER BY person_id LIMIT 1");
            shortNik = person(
                    lake,
                    "SELECT * FROM plain WHERE nth = 1 AND programs = 1 AND length(nama) > 8 ORDER BY person_id"
                            + " LIMIT 1");
            nameOnly = person(
                    lake,
                    "SELECT * FROM plain WHERE nth = 1 AND programs = 1 AND right(nik, 1) <> '0' ORDER BY (SELECT"
                            + " count(*) FROM roster o WHERE o.nama = plain.nama) DESC, person_id LIMIT 1");
            deceased = person(
                    lake,
                    "SELECT r.person_id, r.nik, r.nama, r.birth_date, r.kode_desa FROM roster r JOIN"
                            + " w.dukcapil_event d ON d.person_id = r.person_id AND d.event_type = 'KEMATIAN' WHERE"
                            + " r.birth_date IS NOT NULL ORDER BY r.person_id, r.source_file, r.source_row LIMIT 1");
            moved = person(
                    lake,
                    "SELECT NULL AS person_id, nik, nama, birth_date, kode_desa FROM read_parquet("
                            + DuckDb.literal(
                                    data.reference().resolve("period=*/reference=DUKCAPIL_PERISTIWA/*.parquet"))
                            + ") WHERE event_type = 'PINDAH_KELUAR' AND person_key NOT IN (SELECT person_key FROM"
                            + " read_parquet(" + DuckDb.literal(data.linked().resolve("period=*/person_link.parquet"))
                            + ")) ORDER BY nik LIMIT 1");
            for (Person person : List.of(exact, misspelt, shortNik, deceased, nameOnly)) {
                List<String> programs = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("SELECT program_code FROM w.enrollment WHERE"
                        + " period = '2026-10' AND person_id = '" + person.personId() + "' ORDER BY 1")) {
                    while (result.next()) {
                        programs.add(result.getString(1));
                    }
                }
                person.programs().addAll(programs);
            }
        }
    }

    private static Person person(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as(sql).isTrue();
            return new Person(
                    result.getString("nik"),
                    result.getString("nama"),
                    result.getObject("birth_date", LocalDate.class),
                    result.getString("kode_desa"),
                    result.getString("person_id"),
                    new ArrayList<>());
        }
    }

    private static String line(String nik, String nama, LocalDate birthDate, String kodeDesa) {
        return nik + ";" + nama + ";" + (birthDate == null ? "" : birthDate.format(SLASHED)) + ";"
                + (kodeDesa == null ? "" : kodeDesa) + "\n";
    }

    /** One letter swapped with its neighbour near the end of the name. */
    private static String misspell(String nama) {
        int at = nama.length() - 3;
        return nama.substring(0, at) + nama.charAt(at + 1) + nama.charAt(at) + nama.substring(at + 2);
    }

    private static String describe(MatchedRow row) {
        return row.row().sourceRow() + " " + row.status() + " " + row.personId() + " " + row.programs() + " "
                + row.flags() + " " + row.duplicateRows();
    }

    @Test
    void answersEveryRowWithItsPersonProgramsAndFlags() throws Exception {
        String damagedNik = misspelt.nik().substring(0, 15) + "0";
        Path list = Files.writeString(
                root.resolve("usulan_blt.csv"),
                "NIK;Nama Lengkap;tgl_lahir;Kode Desa\n"
                        + line(exact.nik(), exact.nama(), exact.birthDate(), exact.kodeDesa())
                        + line(damagedNik, misspell(misspelt.nama()), misspelt.birthDate(), misspelt.kodeDesa())
                        + line(deceased.nik(), deceased.nama(), deceased.birthDate(), deceased.kodeDesa())
                        + line(exact.nik(), exact.nama(), exact.birthDate(), exact.kodeDesa())
                        + line(
                                shortNik.nik().substring(0, 15),
                                shortNik.nama(),
                                shortNik.birthDate(),
                                shortNik.kodeDesa())
                        + line(moved.nik(), moved.nama(), moved.birthDate(), moved.kodeDesa())
                        + line(
                                "5108014107990003",
                                "NI WAYAN CONTOH SINTETIS",
                                LocalDate.of(1999, 7, 1),
                                "51.08.01.2001")
                        + line(
                                "5108014107990003",
                                "NI WAYAN CONTOH SINTETIS",
                                LocalDate.of(1999, 7, 1),
                                "51.08.01.2001")
                        // Excel's lost 16th digit and a misspelt name, nothing else
                        + line(nameOnly.nik().substring(0, 15) + "0", misspell(nameOnly.nama()), null, null));

        MatchedList matched = new ListMatcher(data, TestLakes.PSEUDONYMIZER, WilayahTable.national(), 2)
                .match(list, Optional.empty());

        assertThat(matched.period()).isEqualTo(OCTOBER);
        assertThat(matched.rows().stream().map(ListMatcherTest::describe).toList())
                .containsExactly(
                        "2 FOUND " + exact.personId() + " " + exact.programs() + " [DUPLICATE_IN_LIST] [5]",
                        "3 FOUND " + misspelt.personId() + " " + misspelt.programs()
                                + " [INVALID_NIK, EXCEL_DAMAGED_NIK] []",
                        "4 FOUND " + deceased.personId() + " " + deceased.programs() + " [DECEASED] []",
                        "5 FOUND " + exact.personId() + " " + exact.programs() + " [DUPLICATE_IN_LIST] [2]",
                        "6 FOUND " + shortNik.personId() + " " + shortNik.programs() + " [INVALID_NIK] []",
                        "7 NOT_FOUND null [] [MOVED_OUT, NOT_FOUND] []",
                        "8 NOT_FOUND null [] [DUPLICATE_IN_LIST, NOT_FOUND] [9]",
                        "9 NOT_FOUND null [] [DUPLICATE_IN_LIST, NOT_FOUND] [8]",
                        "10 POSSIBLE " + nameOnly.personId() + " " + nameOnly.programs()
                                + " [INVALID_NIK, EXCEL_DAMAGED_NIK] []");
        assertThat(List.of(
                        exact.programs().size(),
                        misspelt.programs().size(),
                        shortNik.programs().size()))
                .containsExactly(3, 2, 1);
        assertThat(matched.rows().get(0).matchProbability()).isEqualTo(1.0);
        assertThat(matched.rows().get(1).matchProbability()).isBetween(0.9, 1.0);
        assertThat(matched.rows().get(1).row().nikRule().id()).isEqualTo("NIK_SERIAL");
        // the model alone puts it just into review: the NIK's birth date and sex agree (digits 7-12)
        assertThat(matched.rows().get(8).matchProbability())
                .isCloseTo(0.5154, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(matched.rows().get(4).row().nikRule().id()).isEqualTo("NIK_LENGTH");
        assertThat(matched.rows().get(5).events())
                .singleElement()
                .extracting(DukcapilEvent::eventType)
                .isEqualTo("PINDAH_KELUAR");
        assertThat(matched.statusCounts().values()).containsExactly(5L, 1L, 3L);
        assertThat(matched.flagCounts().values()).containsExactly(1L, 1L, 4L, 3L, 2L, 0L, 0L, 3L);

        Path out = root.resolve("usulan_blt-hasil.xlsx");
        MatchWorkbook.write(matched, out, Locale.forLanguageTag("id"));
        List<List<String>> sheet = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(out.toFile())) {
            for (Row row : workbook.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(row.getCellText(i));
                }
                sheet.add(cells);
            }
        }
        assertThat(sheet.get(0))
                .containsExactly(
                        "NIK",
                        "Nama Lengkap",
                        "tgl_lahir",
                        "Kode Desa",
                        "STATUS",
                        "ID_ORANG",
                        "PELUANG_COCOK",
                        "PROGRAM",
                        "TANDA",
                        "KETERANGAN");
        assertThat(sheet.get(3).subList(4, 10))
                .containsExactly(
                        "DITEMUKAN",
                        deceased.personId(),
                        "1.0",
                        String.join(", ", deceased.programs()),
                        "MENINGGAL",
                        "meninggal " + matched.rows().get(2).events().get(0).eventDate() + " (Dukcapil)");
        assertThat(sheet.get(7).subList(4, 10))
                .containsExactly(
                        "TIDAK DITEMUKAN",
                        "",
                        "",
                        "",
                        "GANDA_DALAM_DAFTAR, TIDAK_DITEMUKAN",
                        "orang yang sama dengan baris 9");
    }

    @Test
    void refusesAMonthTheWarehouseDoesNotHoldAndAListItCannotRead() throws Exception {
        ListMatcher matcher = new ListMatcher(data, TestLakes.PSEUDONYMIZER, WilayahTable.national(), 1);
        Path list = Files.writeString(root.resolve("daftar.csv"), "NIK;NAMA\n5108014107990003;NI WAYAN CONTOH\n");
        Path noName = Files.writeString(root.resolve("tanpa_nama.csv"), "NIK;ALAMAT\n5108014107990003;JL. MAWAR\n");

        assertThatThrownBy(() -> matcher.match(list, Optional.of(YearMonth.of(2026, 8))))
                .isInstanceOf(MatchException.class)
                .hasMessage("The month 2026-08 is not in the published warehouse or not linked; months that can be"
                        + " used: [2026-09, 2026-10]");
        assertThatThrownBy(() -> matcher.match(noName, Optional.empty()))
                .isInstanceOf(MatchException.class)
                .hasMessageStartingWith("The list tanpa_nama.csv cannot be used: no name column in the header row;");
        assertThat(matcher.match(list, Optional.of(SEPTEMBER)).period()).isEqualTo(SEPTEMBER);
        // DuckDB's spill folders are gone
        try (var folders = Files.list(data.lake())) {
            assertThat(folders.map(folder -> folder.getFileName().toString()).collect(Collectors.toList()))
                    .containsExactlyInAnyOrder("staged", "rejected", "manifest", "reference", "linked", "registry");
        }
    }

    @Test
    void neutralizesTextThatASpreadsheetWouldTakeForAFormula() {
        assertThat(List.of("=HYPERLINK(\"x\")", "+62", "-", "@SUM(A1)", "NI LUH", "").stream()
                        .map(MatchWorkbook::neutralized)
                        .toList())
                .containsExactly("'=HYPERLINK(\"x\")", "'+62", "'-", "'@SUM(A1)", "NI LUH", "");
    }
}
