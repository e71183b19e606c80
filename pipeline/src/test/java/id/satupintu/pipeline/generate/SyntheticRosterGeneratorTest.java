package id.satupintu.pipeline.generate;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import id.satupintu.schemas.program.Program;
import id.satupintu.schemas.wilayah.Wilayah;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticRosterGeneratorTest {
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final GeneratorSettings BULELENG_SMALL =
            new GeneratorSettings("51.08", OCTOBER, 2, 2_000, 20261123L, 0.02);

    @TempDir
    static Path root;

    private static GenerationResult result;

    @BeforeAll
    static void generate() throws IOException {
        result = new SyntheticRosterGenerator(BULELENG_SMALL).generate(root);
    }

    @Test
    void writesFiveRostersPerMonthWithTheExactHeaders() throws IOException {
        for (YearMonth period : List.of(OCTOBER, NOVEMBER)) {
            String month = String.format("%d%02d", period.getYear(), period.getMonthValue());
            try (Stream<Path> files = Files.list(root.resolve("inbox").resolve(period.toString()))) {
                assertThat(files.map(path -> path.getFileName().toString()).sorted())
                        .containsExactly(
                                "blt_dd_5108_" + month + ".csv",
                                "bpnt_5108_" + month + ".csv",
                                "listrik_5108_" + month + ".csv",
                                "pbi_jk_5108_" + month + ".csv",
                                "pkh_5108_" + month + ".csv");
            }
            assertThat(result.files(period)).hasSize(5);
            assertThat(firstLine(result.file(period, Program.PKH).orElseThrow(), StandardCharsets.UTF_8))
                    .isEqualTo(
                            "NO;NIK;NO KK;NAMA KPM;JENIS KELAMIN;TANGGAL LAHIR;ALAMAT;RT;RW;KODE WILAYAH;TAHAP;NOMINAL");
            assertThat(firstLine(result.file(period, Program.BPNT).orElseThrow(), StandardCharsets.UTF_8))
                    .isEqualTo(
                            "nik,nokk,nama_penerima,jenis_kelamin,tgl_lahir,alamat,rt,rw,kode_desa,bulan,nilai_bantuan");
            assertThat(firstLine(result.file(period, Program.BLT_DD).orElseThrow(), Charset.forName("windows-1252")))
                    .isEqualTo("NIK;NOMOR KK;NAMA;L/P;TGL LAHIR;DUSUN;KODE DESA;BULAN;JUMLAH");
            assertThat(firstLine(result.file(period, Program.PBI_JK).orElseThrow(), StandardCharsets.UTF_8))
                    .isEqualTo("NOKA_JKN,NIK,NO_KK,NAMA,JNS_KEL,TGL_LAHIR,KODE_DESA,RT,RW,DESIL");
            assertThat(firstLine(result.file(period, Program.LISTRIK).orElseThrow(), StandardCharsets.UTF_8))
                    .isEqualTo("IDPEL|NIK|NAMA_PELANGGAN|DAYA_VA|KD_WILAYAH|ALAMAT");
        }
        try (Stream<Path> truth = Files.list(root.resolve("truth").resolve("2026-10"))) {
            assertThat(truth.map(path -> path.getFileName().toString()).sorted())
                    .containsExactly("faults.csv", "recipients_by_kecamatan.csv", "summary.csv");
        }
    }

    @Test
    void writesTheSameRowCountsForTheSameSeed() {
        Map<String, Long> rows = new TreeMap<>();
        for (GeneratedFile file : result.files()) {
            rows.put(file.fileName(), file.rows());
        }
        assertThat(rows)
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(
                        "pkh_5108_202610.csv", 54L,
                        "bpnt_5108_202610.csv", 96L,
                        "blt_dd_5108_202610.csv", 16L,
                        "pbi_jk_5108_202610.csv", 694L,
                        "listrik_5108_202610.csv", 118L,
                        "pkh_5108_202611.csv", 54L,
                        "bpnt_5108_202611.csv", 96L,
                        "blt_dd_5108_202611.csv", 16L,
                        "pbi_jk_5108_202611.csv", 694L,
                        "listrik_5108_202611.csv", 118L)));
        for (GeneratedFile file : result.files()) {
            assertThat(file.faultyRows()).as(file.fileName()).isEqualTo(Math.round(file.rows() * 0.02));
        }
    }

    @Test
    void sameSeedGivesByteIdenticalFiles(@TempDir Path again) throws IOException {
        new SyntheticRosterGenerator(BULELENG_SMALL).generate(again);

        List<Path> expected = allFiles(root);
        assertThat(allFiles(again).stream().map(again::relativize).toList())
                .isEqualTo(expected.stream().map(root::relativize).toList());
        for (Path file : expected) {
            assertThat(Files.readAllBytes(again.resolve(root.relativize(file))))
                    .as(root.relativize(file).toString())
                    .isEqualTo(Files.readAllBytes(file));
        }
    }

    @Test
    void anotherSeedGivesOtherRosters(@TempDir Path other) throws IOException {
        GenerationResult otherResult =
                new SyntheticRosterGenerator(BULELENG_SMALL.withSeed(7L).withMonths(1)).generate(other);

        assertThat(Files.readAllBytes(
                        otherResult.file(OCTOBER, Program.PBI_JK).orElseThrow().path()))
                .isNotEqualTo(Files.readAllBytes(
                        result.file(OCTOBER, Program.PBI_JK).orElseThrow().path()));
    }

    @Test
    void everyValidNikHasTheDukcapilStructureAndMatchesTheSexColumn() {
        WilayahTable table = WilayahTable.national();
        int checked = 0;
        for (GeneratedFile file : result.files()) {
            Set<Long> faultyRows = faultRows(file).keySet();
            List<CsvRecord> rows = read(file);
            for (int index = 1; index < rows.size(); index++) {
                if (faultyRows.contains((long) index + 1)) {
                    continue;
                }
                CsvRecord row = rows.get(index);
                String nik = row.getField(nikColumn(file.program()));
                assertThat(nik).as(file.fileName() + " row " + (index + 1)).matches("\\d{16}");
                assertThat(table.contains(nik.substring(0, 2))).isTrue();
                int day = Integer.parseInt(nik.substring(6, 8));
                int month = Integer.parseInt(nik.substring(8, 10));
                assertThat(day)
                        .satisfiesAnyOf(
                                d -> assertThat(d).isBetween(1, 31),
                                d -> assertThat(d).isBetween(41, 71));
                assertThat(month).isBetween(1, 12);
                assertThat(nik.substring(12)).isNotEqualTo("0000");
                if (file.program() != Program.LISTRIK) {
                    assertThat(isFemale(file.program(), row)).isEqualTo(day > 40);
                }
                checked++;
            }
        }
        assertThat(checked)
                .isEqualTo(result.files().stream()
                        .mapToLong(GeneratedFile::validRows)
                        .sum());
    }

    @Test
    void faultsCsvListsExactlyTheRowsWithABrokenNik() {
        for (GeneratedFile file : result.files()) {
            Map<Long, String> faults = faultRows(file);
            List<CsvRecord> rows = read(file);
            Map<Long, String> broken = new HashMap<>();
            for (int index = 1; index < rows.size(); index++) {
                String nik = rows.get(index).getField(nikColumn(file.program()));
                if (!nik.matches("\\d{16}") || nik.equals("0000000000000000")) {
                    broken.put((long) index + 1, nik);
                }
            }
            assertThat(faults.keySet()).as(file.fileName()).isEqualTo(broken.keySet());
            assertThat(faults).hasSize((int) file.faultyRows());
            faults.forEach((row, fault) -> assertThat(broken.get(row))
                    .as(file.fileName() + " row " + row + " " + fault)
                    .matches(
                            switch (fault) {
                                case "NIK_LENGTH" -> "\\d{15}";
                                case "NIK_SCIENTIFIC" -> "\\d(\\.\\d{1,5})?E\\+15";
                                case "NIK_PLACEHOLDER" -> "0{16}";
                                case "NIK_NOT_DIGITS" -> "[0-9A-Z]{16}";
                                default -> "unknown fault";
                            }));
        }
        assertThat(result.totalFaultyRows()).isPositive();
    }

    @Test
    void recipientsByKecamatanSumToTheValidRowsPerProgram() {
        for (YearMonth period : List.of(OCTOBER, NOVEMBER)) {
            Path truth = root.resolve("truth").resolve(period.toString());
            Map<String, Long> perProgram = new TreeMap<>();
            List<String> keys = new ArrayList<>();
            List<CsvRecord> recipients =
                    readCsv(truth.resolve("recipients_by_kecamatan.csv"), ',', StandardCharsets.UTF_8);
            assertThat(recipients.get(0).getFields()).containsExactly("program_code", "kode_kecamatan", "recipients");
            for (CsvRecord row : recipients.subList(1, recipients.size())) {
                perProgram.merge(row.getField(0), Long.parseLong(row.getField(2)), Long::sum);
                assertThat(row.getField(1)).startsWith("51.08.").hasSize(8);
                assertThat(Long.parseLong(row.getField(2))).isPositive();
                keys.add(row.getField(0) + " " + row.getField(1));
            }
            assertThat(keys).isSorted();
            Map<String, String> summary = summary(period);
            for (GeneratedFile file : result.files(period)) {
                Program program = file.program();
                assertThat(perProgram.get(program.code())).isEqualTo(file.validRows());
                assertThat(summary.get("valid_rows_" + program.code())).isEqualTo(Long.toString(file.validRows()));
                assertThat(summary.get("rows_" + program.code())).isEqualTo(Long.toString(file.rows()));
            }
        }
    }

    @Test
    void summaryCountsDistinctNiksOfValidRows() {
        for (YearMonth period : List.of(OCTOBER, NOVEMBER)) {
            Set<String> niks = new HashSet<>();
            for (GeneratedFile file : result.files(period)) {
                Set<Long> faultyRows = faultRows(file).keySet();
                List<CsvRecord> rows = read(file);
                for (int index = 1; index < rows.size(); index++) {
                    if (!faultyRows.contains((long) index + 1)) {
                        niks.add(rows.get(index).getField(nikColumn(file.program())));
                    }
                }
            }
            assertThat(summary(period).get("distinct_valid_nik")).isEqualTo(Integer.toString(niks.size()));
        }
    }

    @Test
    void everyDesaCodeExistsUnderBuleleng() {
        WilayahTable table = WilayahTable.national();
        Set<String> buleleng =
                table.villagesUnder("51.08").stream().map(Wilayah::code).collect(Collectors.toSet());
        for (GeneratedFile file : result.files()) {
            int column = desaColumn(file.program());
            List<CsvRecord> rows = read(file);
            for (CsvRecord row : rows.subList(1, rows.size())) {
                assertThat(buleleng).as(file.fileName()).contains(row.getField(column));
            }
        }
    }

    @Test
    void bulelengNamesAreBalineseWithTheMarkerOfTheSex() {
        List<CsvRecord> rows = read(result.file(OCTOBER, Program.PBI_JK).orElseThrow());
        for (CsvRecord row : rows.subList(1, rows.size())) {
            String name = row.getField(3);
            assertThat(name).matches("(I|NI) [A-Z ]+");
            assertThat(name.startsWith("NI ")).isEqualTo(row.getField(4).equals("2"));
        }
    }

    @Test
    void personsKeepTheirNikAndNameFromMonthToMonth() {
        Map<String, String> october =
                nameByNik(result.file(OCTOBER, Program.PBI_JK).orElseThrow());
        Map<String, String> november =
                nameByNik(result.file(NOVEMBER, Program.PBI_JK).orElseThrow());
        Set<String> stayed = new HashSet<>(october.keySet());
        stayed.retainAll(november.keySet());

        assertThat(stayed.size()).isBetween(october.size() * 95 / 100, october.size());
        stayed.forEach(nik -> assertThat(november.get(nik)).isEqualTo(october.get(nik)));
    }

    private static Map<String, String> nameByNik(GeneratedFile file) {
        Set<Long> faultyRows = faultRows(file).keySet();
        List<CsvRecord> rows = read(file);
        Map<String, String> names = new HashMap<>();
        for (int index = 1; index < rows.size(); index++) {
            if (!faultyRows.contains((long) index + 1)) {
                names.put(rows.get(index).getField(1), rows.get(index).getField(3));
            }
        }
        return names;
    }

    private static Map<String, String> summary(YearMonth period) {
        Map<String, String> summary = new HashMap<>();
        List<CsvRecord> rows = readCsv(
                root.resolve("truth").resolve(period.toString()).resolve("summary.csv"), ',', StandardCharsets.UTF_8);
        for (CsvRecord row : rows.subList(1, rows.size())) {
            summary.put(row.getField(0), row.getField(1));
        }
        return summary;
    }

    /** source_row to fault, for one roster file. */
    private static Map<Long, String> faultRows(GeneratedFile file) {
        Path faults = root.resolve("truth").resolve(file.period().toString()).resolve("faults.csv");
        Map<Long, String> rows = new HashMap<>();
        List<CsvRecord> records = readCsv(faults, ',', StandardCharsets.UTF_8);
        assertThat(records.get(0).getFields()).containsExactly("file", "source_row", "fault");
        for (CsvRecord row : records.subList(1, records.size())) {
            if (row.getField(0).equals(file.fileName())) {
                rows.put(Long.parseLong(row.getField(1)), row.getField(2));
            }
        }
        return rows;
    }

    private static int nikColumn(Program program) {
        return switch (program) {
            case PKH, PBI_JK, LISTRIK -> 1;
            case BPNT, BLT_DD -> 0;
            case BANSOS_DAERAH -> throw new IllegalArgumentException("No roster layout for " + program);
        };
    }

    private static int desaColumn(Program program) {
        return switch (program) {
            case PKH -> 9;
            case BPNT -> 8;
            case BLT_DD -> 6;
            case PBI_JK -> 6;
            case LISTRIK -> 4;
            case BANSOS_DAERAH -> throw new IllegalArgumentException("No roster layout for " + program);
        };
    }

    private static boolean isFemale(Program program, CsvRecord row) {
        return switch (program) {
            case PKH -> row.getField(4).equals("P");
            case BPNT -> row.getField(3).equals("PEREMPUAN");
            case BLT_DD -> row.getField(3).equals("P");
            case PBI_JK -> row.getField(4).equals("2");
            case LISTRIK -> throw new IllegalArgumentException("The electricity roster has no sex column");
            case BANSOS_DAERAH -> throw new IllegalArgumentException("No roster layout for " + program);
        };
    }

    private static List<CsvRecord> read(GeneratedFile file) {
        RosterLayout layout = RosterLayout.of(file.program());
        return readCsv(file.path(), layout.separator(), layout.charset());
    }

    private static List<CsvRecord> readCsv(Path path, char separator, Charset charset) {
        try (CsvReader<CsvRecord> reader =
                CsvReader.builder().fieldSeparator(separator).ofCsvRecord(path, charset)) {
            return reader.stream().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(GeneratedFile file, Charset charset) throws IOException {
        try (var lines = Files.newBufferedReader(file.path(), charset)) {
            return lines.readLine();
        }
    }

    private static List<Path> allFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
