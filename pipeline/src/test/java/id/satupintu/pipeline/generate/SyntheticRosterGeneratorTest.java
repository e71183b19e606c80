package id.satupintu.pipeline.generate;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.schemas.program.Program;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator end to end on a small Buleleng over three months at the heavy fault level, read
 * back through DuckDB (CSV, JSON lines, the Parquet truth) and fastexcel-reader (XLSX).
 */
class SyntheticRosterGeneratorTest {
    private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final GeneratorSettings BULELENG =
            new GeneratorSettings("51.08", SEPTEMBER, 3, 30_000, 20261123L, FaultRates.heavy());

    @TempDir
    static Path root;

    private static GenerationResult result;
    private static Connection duckdb;

    @BeforeAll
    static void generate() throws Exception {
        result = new SyntheticRosterGenerator(BULELENG).generate(root);
        duckdb = DuckDb.inMemory(2);
    }

    @AfterAll
    static void close() throws Exception {
        duckdb.close();
    }

    @Test
    void writesSixRostersAndFourReferenceListsPerMonth() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("inbox").resolve("2026-11"))) {
            assertThat(files.map(path -> path.getFileName().toString()).sorted())
                    .containsExactly(
                            "bansos_daerah_5108_202611.csv",
                            "blt_dd_5108_202611.xlsx",
                            "bpnt_5108_202611.csv",
                            "dtsen_5108_202611.csv",
                            "dukcapil_peristiwa_5108_202611.csv",
                            "listrik_5108_202611.jsonl",
                            "pbi_jk_5108_202611.csv",
                            "pengecualian_asn_5108_202611.csv",
                            "pengecualian_kendaraan_5108_202611.csv",
                            "pkh_5108_202611.csv");
        }
        assertThat(result.files()).hasSize(30);
        assertThat(firstLine(file(NOVEMBER, "PKH"), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFNO;NIK;NO KK;NAMA KPM;JENIS KELAMIN;TANGGAL LAHIR;ALAMAT;RT;RW;KODE WILAYAH;TAHAP;"
                        + "KOMPONEN;NOMINAL");
        assertThat(firstLine(file(NOVEMBER, "BPNT"), StandardCharsets.UTF_8))
                .isEqualTo("IDARTBDT,KDPROP,KDKAB,KDKEC,KDDESA,NAMA_PENERIMA,NIK,NOKK,JNSKEL,TGL_LAHIR,ALAMAT,RT,RW,"
                        + "BULAN,NILAI_BANTUAN");
        assertThat(firstLine(file(NOVEMBER, "BANSOS_DAERAH"), Charset.forName("windows-1252")))
                .isEqualTo("No.;N I K;Nama Lengkap;Jenis Kelamin;Tempat Lahir;Tgl Lahir;Alamat;Desa/Kelurahan;"
                        + "Kecamatan;Nominal");
        assertThat(Files.readString(file(NOVEMBER, "BANSOS_DAERAH"), Charset.forName("windows-1252")))
                .contains("\r\n");
    }

    @Test
    void sameSettingsGiveByteIdenticalFiles(@TempDir Path again) throws IOException {
        GeneratorSettings small = BULELENG.withPersons(3_000).withMonths(2);
        Path first = again.resolve("first");
        Path second = again.resolve("second");
        new SyntheticRosterGenerator(small).generate(first);
        new SyntheticRosterGenerator(small).generate(second);

        List<Path> files = inboxFiles(first);
        assertThat(files).hasSize(20);
        for (Path file : files) {
            assertThat(Files.readAllBytes(second.resolve(first.relativize(file))))
                    .as(file.getFileName().toString())
                    .isEqualTo(Files.readAllBytes(file));
        }
    }

    @Test
    void everyResidentHasAWellFormedNikAndKk() throws Exception {
        String population = truth(NOVEMBER, "population");
        assertThat(single("SELECT count(*) FROM " + population + " WHERE NOT regexp_full_match(nik, '[1-9][0-9]{15}')"
                        + " OR NOT regexp_full_match(no_kk, '[1-9][0-9]{15}') OR right(nik, 4) = '0000'"))
                .isEqualTo("0");
        // digits 7-12: day of birth (+40 for women), month, two-digit year
        assertThat(single("SELECT count(*) FROM " + population + " WHERE substr(nik, 7, 6) <> lpad(CAST("
                        + "day(birth_date) + CASE WHEN sex = 'P' THEN 40 ELSE 0 END AS VARCHAR), 2, '0')"
                        + " || strftime(birth_date, '%m%y')"))
                .isEqualTo("0");
        assertThat(single("SELECT count(*) - count(DISTINCT nik) FROM " + population))
                .isEqualTo("0");
        // the KK is issued in the kecamatan of the household (a split family's new KK too)
        assertThat(single("SELECT count(*) FROM " + population + " WHERE status = 'PRESENT'"
                        + " AND left(no_kk, 6) <> replace(left(kode_desa, 8), '.', '')"))
                .isEqualTo("0");
        assertThat(single("SELECT count(*) FROM " + population + " WHERE kode_desa NOT LIKE '51.08.%'"))
                .isEqualTo("0");
    }

    @Test
    void cleanRosterRowsCarryTheirPersonsTrueValues() throws Exception {
        String rows = "SELECT *, row_number() OVER () + 1 AS source_row FROM read_csv("
                + DuckDb.literal(file(NOVEMBER, "PBI_JK")) + ", all_varchar = true)";
        String join = " FROM (" + rows + ") roster JOIN " + truth(NOVEMBER, "roster_rows")
                + " t ON t.source_file = 'pbi_jk_5108_202611.csv' AND t.source_row = roster.source_row JOIN "
                + truth(NOVEMBER, "population") + " p ON p.person_id = t.person_id WHERE t.faults IS NULL";
        long clean = Long.parseLong(single("SELECT count(*)" + join));
        assertThat(clean).isGreaterThan(5_000);
        assertThat(single("SELECT count(*)" + join + " AND roster.NIK = p.nik AND roster.NO_KK = p.no_kk"
                        + " AND roster.NAMA = p.nama AND roster.TGL_LAHIR = CAST(p.birth_date AS VARCHAR)"
                        + " AND roster.JNS_KEL = CASE p.sex WHEN 'P' THEN '2' ELSE '1' END"
                        + " AND roster.KODE_DESA = replace(p.kode_desa, '.', '')"))
                .isEqualTo(Long.toString(clean));
    }

    @Test
    void everyRosterRowHasItsTruthAndTheRejectCountsAgree() throws Exception {
        for (GeneratedFile file : result.files()) {
            if (file.program().isEmpty()) {
                continue;
            }
            String truth = truth(file.period(), "roster_rows");
            assertThat(single("SELECT count(*) || ' ' || count(faults) || ' ' || count(reject_rule) FROM " + truth
                            + " WHERE source_file = '" + file.fileName() + "'"))
                    .as(file.fileName())
                    .isEqualTo(file.rows() + " " + file.faultyRows() + " " + file.rejectRows());
        }
        // a reject rule only where a fault ingest can see alone was put in
        assertThat(rows("SELECT DISTINCT reject_rule FROM " + truth(NOVEMBER, "roster_rows")
                        + " WHERE reject_rule IS NOT NULL ORDER BY 1"))
                .containsExactly(
                        "NIK_EQUALS_KK",
                        "NIK_LENGTH",
                        "NIK_MISSING",
                        "NIK_NOT_DIGITS",
                        "NIK_NUMERIC_CELL",
                        "NIK_PLACEHOLDER",
                        "NIK_SCIENTIFIC",
                        "NIK_SERIAL",
                        "WILAYAH_UNKNOWN");
    }

    @Test
    void eachRowFaultAppearsAtItsConfiguredRate() throws Exception {
        String truth = "read_parquet(" + DuckDb.literal(root.resolve("truth/*/roster_rows/*.parquet")) + ")";
        long rows = Long.parseLong(single("SELECT count(*) FROM " + truth));
        long withKk = Long.parseLong(
                single("SELECT count(*) FROM " + truth + " WHERE program_code NOT IN ('LISTRIK', 'BANSOS_DAERAH')"));
        long withVillageCode = Long.parseLong(single(
                "SELECT count(*) FROM " + truth + " WHERE program_code IN ('PKH', 'BLT_DD', 'PBI_JK', 'LISTRIK')"));
        // NAME_VARIANT and BIRTH_DATE_SWAPPED apply only where the name has a variant or the day is
        // at most 12; DESA_OUTDATED_NAME only in renamed desa; the life events only to those they befell
        for (FaultKind fault : List.of(
                FaultKind.NIK_SCIENTIFIC,
                FaultKind.NIK_ZEROED_16TH,
                FaultKind.NIK_LENGTH,
                FaultKind.NIK_NOT_DIGITS,
                FaultKind.NIK_PLACEHOLDER,
                FaultKind.NIK_MISSING,
                FaultKind.NIK_EQUALS_KK,
                FaultKind.NIK_TYPO,
                FaultKind.NIK_OF_OTHER_PERSON,
                FaultKind.NIK_SECOND_REGISTRATION,
                FaultKind.NAME_TYPO,
                FaultKind.NAME_TITLE,
                FaultKind.DESA_UNKNOWN_CODE,
                FaultKind.DUPLICATE_ROW)) {
            long base = fault == FaultKind.NIK_EQUALS_KK
                    ? withKk
                    : fault == FaultKind.DESA_UNKNOWN_CODE ? withVillageCode : rows;
            double expected = base * FaultRates.heavy().rate(fault);
            long observed = Long.parseLong(single("SELECT count(*) FROM " + truth
                    + " WHERE list_contains(string_split(faults, ','), '" + fault.name() + "')"));
            // four standard deviations of a binomial count, plus 5% for the rows a duplicate copies
            assertThat((double) observed)
                    .as(fault.name())
                    .isBetween(expected * 0.95 - 4 * Math.sqrt(expected), expected * 1.05 + 4 * Math.sqrt(expected));
        }
    }

    @Test
    void residentsWhoDiedOrMovedStayListedOnlyAsLifeEventFaults() throws Exception {
        String listed = "SELECT r.person_id, r.faults FROM " + truth(NOVEMBER, "roster_rows") + " r";
        String present = "SELECT person_id FROM " + truth(NOVEMBER, "population") + " WHERE status = 'PRESENT'";
        // every listed person who is not a present resident is a deceased or moved holdover
        assertThat(single("SELECT count(*) FROM (" + listed + ") WHERE person_id NOT IN (" + present + ")"
                        + " AND NOT (faults LIKE '%DECEASED_LISTED%' OR faults LIKE '%MOVED_LISTED%')"))
                .isEqualTo("0");
        assertThat(Long.parseLong(
                        single("SELECT count(*) FROM (" + listed + ") WHERE faults LIKE '%DECEASED_LISTED%'")))
                .isGreaterThan(10);
        assertThat(Long.parseLong(
                        single("SELECT count(*) FROM (" + listed + ") WHERE faults LIKE '%WELL_OFF_LISTED%'")))
                .isGreaterThan(10);
        assertThat(single("SELECT count(*) FROM (" + listed + ") l JOIN " + truth(NOVEMBER, "population")
                        + " p USING (person_id) WHERE l.faults LIKE '%WELL_OFF_LISTED%' AND p.desil < 5"))
                .isEqualTo("0");
    }

    @Test
    void dukcapilListsEveryDeathAndMoveOfTheMonthBefore() throws Exception {
        Path events = file(NOVEMBER, "DUKCAPIL_PERISTIWA");
        String population = truth(NOVEMBER, "population");
        assertThat(rows("SELECT JENIS_PERISTIWA || ' ' || count(*) FROM read_csv(" + DuckDb.literal(events)
                        + ", all_varchar = true) GROUP BY JENIS_PERISTIWA ORDER BY 1"))
                .containsExactlyElementsOf(rows("SELECT CASE status WHEN 'DECEASED' THEN 'KEMATIAN' ELSE"
                        + " 'PINDAH_KELUAR' END || ' ' || count(*) FROM " + population
                        + " WHERE status <> 'PRESENT' GROUP BY status ORDER BY 1"));
        assertThat(single("SELECT count(*) FROM read_csv(" + DuckDb.literal(events) + ", all_varchar = true)"
                        + " WHERE TGL_PERISTIWA NOT LIKE '2026-10-%'"))
                .isEqualTo("0");
    }

    /**
     * The DTSEN extract lists every present member of each registered family, as the registry has
     * them (no row faults even at the heavy level), with the family's desil of the month; families are
     * registered at the documented rates of their desil (docs/generator.md).
     */
    @Test
    void dtsenExtractListsTheMembersOfRegisteredFamiliesWithTheirDesil() throws Exception {
        Path dtsen = file(NOVEMBER, "DTSEN");
        assertThat(dtsen.getFileName().toString()).isEqualTo("dtsen_5108_202611.csv");
        assertThat(firstLine(dtsen, StandardCharsets.UTF_8))
                .isEqualTo("NIK,NO_KK,NAMA,JENIS_KELAMIN,TGL_LAHIR,KODE_DESA,RT,RW,ALAMAT,DESIL_NASIONAL,HUBUNGAN,"
                        + "TANGGAL_PEMUTAKHIRAN");
        String extract = "read_csv(" + DuckDb.literal(dtsen) + ", all_varchar = true)";
        String population = truth(NOVEMBER, "population");
        GeneratedFile generated = result.files(NOVEMBER).stream()
                .filter(file -> file.source().equals("DTSEN"))
                .findFirst()
                .orElseThrow();
        assertThat(generated.rows() + " " + generated.faultyRows() + " " + generated.rejectRows())
                .isEqualTo("18375 0 0");
        assertThat(single("SELECT count(*) FROM " + extract)).isEqualTo("18375");
        assertThat(single("SELECT count(*) FROM " + population + " WHERE dtsen = 'Y'"))
                .isEqualTo("18375");
        // every row is its person's true values: the truth's DTSEN persons, each once
        assertThat(single("SELECT count(DISTINCT p.person_id) FROM " + extract + " d JOIN " + population
                        + " p ON p.nik = d.NIK AND p.no_kk = d.NO_KK AND p.nama = d.NAMA"
                        + " AND d.JENIS_KELAMIN = CASE p.sex WHEN 'P' THEN 'PEREMPUAN' ELSE 'LAKI-LAKI' END"
                        + " AND d.TGL_LAHIR = CAST(p.birth_date AS VARCHAR)"
                        + " AND d.KODE_DESA = replace(p.kode_desa, '.', '') AND d.DESIL_NASIONAL = CAST(p.desil AS VARCHAR)"
                        + " WHERE p.dtsen = 'Y' AND p.status = 'PRESENT'"))
                .isEqualTo("18375");
        assertThat(rows("SELECT HUBUNGAN || ' ' || count(*) FROM " + extract + " GROUP BY HUBUNGAN ORDER BY 1"))
                .containsExactly("ANAK 7575", "ISTRI 4423", "KEPALA KELUARGA 5731", "ORANG TUA 506", "SUAMI 140");
        assertThat(rows("SELECT DISTINCT TANGGAL_PEMUTAKHIRAN FROM " + extract)).containsExactly("2026-10-31");
        // registered families per desil: the poorer mostly, the richer partly (DtsenExtract.REGISTERED_PER_MILLE)
        List<String> perDesil = rows("SELECT desil || ' ' || count(DISTINCT household_id) FILTER (WHERE dtsen = 'Y')"
                + " || '/' || count(DISTINCT household_id) FROM " + population
                + " WHERE status = 'PRESENT' GROUP BY desil ORDER BY desil");
        assertThat(perDesil)
                .containsExactly(
                        "1 799/841",
                        "2 817/859",
                        "3 832/939",
                        "4 869/985",
                        "5 725/1012",
                        "6 721/1065",
                        "7 351/932",
                        "8 383/972",
                        "9 116/882",
                        "10 118/892");
        for (String row : perDesil) {
            String[] parts = row.split("[ /]");
            int desil = Integer.parseInt(parts[0]);
            double families = Double.parseDouble(parts[2]);
            double rate = DtsenExtract.REGISTERED_PER_MILLE[desil - 1] / 1000.0;
            double expected = families * rate;
            double deviation = Math.sqrt(families * rate * (1 - rate));
            assertThat(Double.parseDouble(parts[1]))
                    .as(row)
                    .isBetween(expected - 4 * deviation, expected + 4 * deviation);
        }
        // a family keeps its registration while its desil holds
        assertThat(single("SELECT count(*) FROM " + truth(SEPTEMBER, "population") + " s JOIN " + population
                        + " n USING (person_id) WHERE s.household_id = n.household_id AND s.desil = n.desil"
                        + " AND s.status = 'PRESENT' AND n.status = 'PRESENT' AND s.dtsen <> n.dtsen"))
                .isEqualTo("0");
    }

    @Test
    void familiesGrowAndSplitFromMonthToMonth() throws Exception {
        String november = truth(NOVEMBER, "population");
        String september = truth(SEPTEMBER, "population");
        // newborns of October: children with an NIK of their own, born in the kabupaten
        long newborns = Long.parseLong(single("SELECT count(*) FROM " + november
                + " WHERE birth_date >= DATE '2026-10-01' AND birth_date < DATE '2026-11-01'"));
        assertThat(newborns).isGreaterThan(10);
        assertThat(single("SELECT count(*) FROM " + november + " WHERE birth_date >= DATE '2026-10-01'"
                        + " AND (role <> 'CHILD' OR left(nik, 4) <> '5108')"))
                .isEqualTo("0");
        // married children head a household with a new KK
        long newHouseholds = Long.parseLong(single("SELECT count(DISTINCT household_id) FROM " + november
                + " WHERE household_id NOT IN (SELECT household_id FROM " + september + ")"));
        assertThat(newHouseholds).isGreaterThan(10);
    }

    @Test
    void programCoverageFollowsTheTargetingModel() throws Exception {
        String enrollment = truth(NOVEMBER, "enrollment");
        String population = truth(NOVEMBER, "population");
        double households = Double.parseDouble(
                single("SELECT count(DISTINCT household_id) FROM " + population + " WHERE status = 'PRESENT'"));
        double persons = Double.parseDouble(single("SELECT count(*) FROM " + population + " WHERE status = 'PRESENT'"));
        Map<String, Double> coverage = new HashMap<>();
        for (String row :
                rows("SELECT program_code || ' ' || count(*) FROM " + enrollment + " GROUP BY program_code")) {
            String[] parts = row.split(" ");
            Program program = Program.fromCode(parts[0]).orElseThrow();
            double base = program.unit() == Program.BenefitUnit.PERSON ? persons : households;
            coverage.put(parts[0], Double.parseDouble(parts[1]) / base);
        }
        // DOMAIN.md §6: PKH ~10% of families, BPNT ~20%, PBI-JK ~35% of persons, BLT-DD a few percent
        assertThat(coverage.get("PKH")).isBetween(0.07, 0.13);
        assertThat(coverage.get("BPNT")).isBetween(0.16, 0.26);
        assertThat(coverage.get("PBI_JK")).isBetween(0.30, 0.40);
        assertThat(coverage.get("LISTRIK")).isBetween(0.18, 0.28);
        assertThat(coverage.get("BLT_DD")).isBetween(0.03, 0.07);
        assertThat(coverage.get("BANSOS_DAERAH")).isBetween(0.005, 0.03);
        // BLT Dana Desa only in desa, never beside PKH or BPNT in the same month (holdovers aside)
        assertThat(single("SELECT count(*) FROM " + enrollment + " b JOIN " + enrollment
                        + " o USING (household_id) WHERE b.program_code = 'BLT_DD' AND o.program_code IN ('PKH', 'BPNT')"
                        + " AND b.holdover_fault IS NULL AND o.holdover_fault IS NULL"))
                .isEqualTo("0");
        assertThat(single("SELECT count(*) FROM " + enrollment
                        + " WHERE program_code = 'BLT_DD' AND substr(kode_desa, 10, 1) <> '2'"))
                .isEqualTo("0");
    }

    @Test
    void pkhPaysTheComponentsOfTheFamilyPerTahap() throws Exception {
        List<String> pkh = rows("SELECT KOMPONEN || '=' || NOMINAL FROM read_csv("
                + DuckDb.literal(file(NOVEMBER, "PKH")) + ", all_varchar = true, delim = ';')"
                + " WHERE KOMPONEN IS NOT NULL LIMIT 500");
        Map<String, Long> yearly = Map.of(
                "BUMIL", 3_000_000L,
                "BALITA", 3_000_000L,
                "SMA", 2_000_000L,
                "DISABILITAS", 2_400_000L,
                "LANSIA", 2_400_000L,
                "SMP", 1_500_000L,
                "SD", 900_000L);
        for (String row : pkh) {
            String[] parts = row.split("=");
            long sum = 0;
            int components = 0;
            for (String component : parts[0].split(", ")) {
                String[] nameCount = component.split(" ");
                sum += yearly.get(nameCount[0]) * Integer.parseInt(nameCount[1]);
                components += Integer.parseInt(nameCount[1]);
            }
            assertThat(components).isBetween(1, 4);
            assertThat(Long.parseLong(parts[1])).as(row).isEqualTo(sum / 4);
        }
    }

    @Test
    void bltDanaDesaIsAWorkbookWithTitleRowsAndDamagedNiksAsNumbers() throws Exception {
        Path workbook = file(NOVEMBER, "BLT_DD");
        Map<Long, String> rules = new HashMap<>();
        for (String row : rows("SELECT source_row || '=' || coalesce(reject_rule, '') FROM "
                + truth(NOVEMBER, "roster_rows") + " WHERE source_file = 'blt_dd_5108_202611.xlsx'")) {
            String[] parts = row.split("=", -1);
            rules.put(Long.parseLong(parts[0]), parts[1]);
        }
        List<Row> sheet;
        try (InputStream in = Files.newInputStream(workbook);
                ReadableWorkbook book = new ReadableWorkbook(in)) {
            assertThat(book.getFirstSheet().getName()).isEqualTo("BLT DD");
            sheet = book.getFirstSheet().read();
        }
        assertThat(sheet.get(0).getCellText(0)).isEqualTo("DAFTAR KELUARGA PENERIMA MANFAAT BLT DANA DESA");
        assertThat(sheet.get(1).getCellText(0)).isEqualTo("KABUPATEN BULELENG");
        assertThat(sheet.get(2).getCellText(0)).isEqualTo("BULAN NOVEMBER 2026");
        Row header = sheet.get(3);
        assertThat(header.getRowNum()).isEqualTo(5);
        assertThat(header.getCellText(1)).isEqualTo("NIK");
        assertThat(header.getCellText(11)).isEqualTo("JUMLAH");
        List<Row> data = sheet.subList(4, sheet.size());
        assertThat((long) data.size())
                .isEqualTo(result.file(NOVEMBER, Program.BLT_DD).orElseThrow().rows());
        int numeric = 0;
        for (Row row : data) {
            Cell nik = row.getCell(1);
            boolean isNumber = nik != null && nik.getType() == CellType.NUMBER;
            assertThat(isNumber).as("row " + row.getRowNum()).isEqualTo("NIK_NUMERIC_CELL".equals(rules.get((long)
                            row.getRowNum())));
            numeric += isNumber ? 1 : 0;
            assertThat(row.getCell(11).getType()).isEqualTo(CellType.NUMBER);
        }
        assertThat(numeric).isPositive();
    }

    @Test
    void bpntCarriesBpsCodesThatTheBridgeMapsBack() throws Exception {
        List<String> codes = rows("SELECT DISTINCT KDPROP || KDKAB || lpad(KDKEC, 3, '0') || KDDESA FROM read_csv("
                + DuckDb.literal(file(NOVEMBER, "BPNT")) + ", all_varchar = true)");
        var bridge = id.satupintu.schemas.wilayah.BpsBridge.forKabupaten(
                id.satupintu.schemas.wilayah.WilayahTable.national(), "51.08");
        assertThat(codes)
                .hasSizeGreaterThan(100)
                .allSatisfy(
                        code -> assertThat(bridge.kemendagriCode(code)).as(code).isPresent());
    }

    @Test
    void electricityCustomersAreJsonLinesWithDamagedNiksAsNumbers() throws Exception {
        Path jsonl = file(NOVEMBER, "LISTRIK");
        String rules = "SELECT count(*) FROM " + truth(NOVEMBER, "roster_rows")
                + " WHERE source_file = 'listrik_5108_202611.jsonl' AND faults SIMILAR TO '.*NIK_(SCIENTIFIC|ZEROED_16TH).*'"
                + " AND reject_rule = 'NIK_SCIENTIFIC'";
        long numbers = Files.readAllLines(jsonl, StandardCharsets.UTF_8).stream()
                .filter(line -> line.matches(".*\"nik\":[0-9.]+E15,.*"))
                .count();
        assertThat(Long.toString(numbers)).isEqualTo(single(rules));
        assertThat(numbers).isPositive();
    }

    @Test
    void regionalSchemeNamesDesaInTheirCurrentOrOutdatedSpelling() throws Exception {
        List<String> villages = rows("SELECT DISTINCT \"Desa/Kelurahan\" || '|' || Kecamatan FROM read_csv("
                + DuckDb.literal(file(NOVEMBER, "BANSOS_DAERAH"))
                + ", all_varchar = true, delim = ';', encoding = 'latin-1')");
        assertThat(villages).isNotEmpty();
        var table = id.satupintu.schemas.wilayah.WilayahTable.national();
        Map<String, String> outdated = new HashMap<>();
        try (InputStream variants = SyntheticRosterGeneratorTest.class.getResourceAsStream(
                "/id/satupintu/schemas/reference/wilayah/name_variants_2022_vs_2025.csv")) {
            List<String> lines = List.of(new String(variants.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.strip().split(",");
                outdated.put(fields[0], fields[2]);
            }
        }
        List<String> known = new ArrayList<>();
        for (var village : table.villagesUnder("51.08")) {
            String kecamatan = table.require(village.parentCode().orElseThrow()).name();
            known.add(village.name() + "|" + kecamatan);
            if (outdated.containsKey(village.code())) {
                known.add(outdated.get(village.code()) + "|" + kecamatan);
            }
        }
        assertThat(villages).allSatisfy(village -> assertThat(known).contains(village));
    }

    private static Path file(YearMonth period, String source) {
        return result.files(period).stream()
                .filter(file -> file.source().equals(source))
                .findFirst()
                .orElseThrow()
                .path();
    }

    private static String truth(YearMonth period, String table) {
        return "read_parquet("
                + DuckDb.literal(root.resolve("truth")
                        .resolve(period.toString())
                        .resolve(table)
                        .resolve("*.parquet"))
                + ")";
    }

    private static String single(String sql) throws Exception {
        List<String> rows = rows(sql);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    private static String firstLine(Path file, Charset charset) throws IOException {
        try (var lines = Files.newBufferedReader(file, charset)) {
            return lines.readLine();
        }
    }

    private static List<Path> inboxFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("inbox"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
