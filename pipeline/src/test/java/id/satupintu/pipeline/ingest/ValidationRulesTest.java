package id.satupintu.pipeline.ingest;

import static id.satupintu.pipeline.ingest.LakeQueries.parquet;
import static id.satupintu.pipeline.ingest.LakeQueries.rows;
import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.pipeline.lake.DataDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every row rule with a bad value and, in the same file, good values that must pass: one ingest
 * of a PKH-shaped file whose row N breaks rule N, checked row by row in the lake.
 */
class ValidationRulesTest {
    private static final YearMonth PERIOD = YearMonth.of(2026, 10);
    private static final String CATALOGUE = """
            {"sources": [{
              "id": "rules", "program": "PKH", "filePattern": "pkh_*.csv", "delimiter": ";",
              "dateFormats": ["dd/MM/yyyy"],
              "columns": {
                "nik": ["NIK"], "no_kk": ["NO KK"], "nama": ["NAMA"], "sex": ["JENIS KELAMIN"],
                "birth_date": ["TANGGAL LAHIR"], "alamat": ["ALAMAT"], "rt": ["RT"], "rw": ["RW"],
                "kode_desa": ["KODE WILAYAH"], "period": ["BULAN"], "benefit_rupiah": ["NOMINAL"]
              }
            }]}
            """;
    private static final String HEADER =
            "NO;NIK;NO KK;NAMA;JENIS KELAMIN;TANGGAL LAHIR;ALAMAT;RT;RW;KODE WILAYAH;BULAN;NOMINAL";
    private static final String DESA = "51.08.01.2001";

    @TempDir
    static Path root;

    private static DataDirectory data;

    /** One row: NIK, KK, name, sex, birth date, address, RT, RW, desa, month, amount. */
    private static String row(int no, String... values) {
        return no + ";" + String.join(";", values);
    }

    private static String good(int no, String nik) {
        return row(
                no,
                nik,
                "5108011203100001",
                "NI LUH ASTITI",
                "P",
                "05/03/1985",
                "BANJAR",
                "001",
                "002",
                DESA,
                "2026-10",
                "300000");
    }

    @BeforeAll
    static void ingestOneFileBreakingEachRule() throws Exception {
        data = new DataDirectory(root);
        String[] lines = {
            HEADER,
            good(1, "5108014503850002"), // line 2: passes every rule
            good(2, "5.10801E+15"),
            good(3, "510801450385000"),
            good(4, "51080145038500A2"),
            good(5, "1111111111111111"),
            good(6, "0008014503850002"),
            good(7, "5108013213850002"),
            good(8, "5108014503850000"),
            good(9, "5108011203100001"), // the KK written as NIK
            row(
                    10,
                    "5108014503850011",
                    "5108011203100001",
                    " ",
                    "P",
                    "05/03/1985",
                    "BANJAR",
                    "001",
                    "002",
                    DESA,
                    "2026-10",
                    "300000"),
            row(
                    11,
                    "5108014503850012",
                    "5108011203100001",
                    "NI LUH ASTITI",
                    "P",
                    "05/03/1985",
                    "BANJAR",
                    "001",
                    "002",
                    "99.99.99.9999",
                    "2026-10",
                    "300000"),
            row(
                    12,
                    "5108014503850013",
                    "5108011203100001",
                    "NI LUH ASTITI",
                    "P",
                    "05/03/1985",
                    "BANJAR",
                    "001",
                    "002",
                    DESA,
                    "2026-09",
                    "300000"),
            good(13, ""),
            "14;5108014503850015;5108011203100001;NI LUH ASTITI", // line 15: too few fields
            row(
                    15,
                    "5108014503850016",
                    "5108011203100001",
                    "NI LUH ASTITI",
                    "L",
                    "05/03/1985",
                    "BANJAR",
                    "001",
                    "002",
                    DESA,
                    "2026-10",
                    "300000"),
            row(
                    16,
                    "5108014503850017",
                    "5108011203100001",
                    "NI LUH ASTITI",
                    "P",
                    "06/03/1985",
                    "BANJAR",
                    "001",
                    "002",
                    DESA,
                    "2026-10",
                    "300000"),
            row(
                    17,
                    "5108014503850018",
                    "51080112031",
                    "NI LUH ASTITI",
                    "P",
                    "05/03/1985",
                    "BANJAR",
                    "001",
                    "002",
                    DESA,
                    "2026-10",
                    "300000"),
            row(
                    18,
                    "5108014503850019",
                    "5108011203100001",
                    "NI LUH ASTITI",
                    "P",
                    "31/02/1985",
                    "BANJAR",
                    "001",
                    "002",
                    DESA,
                    "2026-10",
                    "300000"),
            row(
                    19,
                    "5108014503850020",
                    "5108011203100001",
                    "NI LUH ASTITI",
                    "P",
                    "kemarin",
                    "BANJAR",
                    "001",
                    "002",
                    DESA,
                    "2026-10",
                    "300000"),
            row(
                    20,
                    "5108014503850021",
                    "5108011203100001",
                    "NI LUH ASTITI",
                    "P",
                    "31111",
                    "BANJAR",
                    "001",
                    "002",
                    DESA,
                    "2026-10",
                    "300000"),
            row(
                    21,
                    "5108014503850022",
                    "5108011203100001",
                    "NI LUH ASTITI",
                    "P",
                    "05/03/2027",
                    "BANJAR",
                    "001",
                    "002",
                    DESA,
                    "2026-10",
                    "300000"),
            row(
                    22,
                    "5108014503100023",
                    "5108011203100001",
                    "NI LUH ASTITI",
                    "P",
                    "05/03/1910",
                    "BANJAR",
                    "001",
                    "002",
                    DESA,
                    "2026-10",
                    "300000"),
            row(
                    23,
                    "5108014503850024",
                    "5108011203100001",
                    "NI LUH ASTITI",
                    "P",
                    "05/03/1985",
                    "BANJAR",
                    "001",
                    "002",
                    DESA,
                    "2026-10",
                    "seratus ribu"),
            row(
                    24,
                    "5108014503850025",
                    "5108011203100001",
                    "NI LUH ASTITI",
                    "P",
                    "05/03/1985",
                    "BANJAR",
                    "A1",
                    "002",
                    DESA,
                    "2026-10",
                    "300000"),
            row(
                    25,
                    "5108014503850026",
                    "5108011203100001",
                    "NI LUH ASTITI",
                    "X",
                    "05/03/1985",
                    "BANJAR",
                    "001",
                    "002",
                    DESA,
                    "2026-10",
                    "300000"),
            row(
                    26,
                    "5199014503850027",
                    "5108011203100001",
                    "NI LUH ASTITI",
                    "P",
                    "05/03/1985",
                    "BANJAR",
                    "001",
                    "002",
                    DESA,
                    "2026-10",
                    "300000"),
            row(
                    27,
                    "5108014503850030",
                    "5108011203100001",
                    "NI LUH ASTITI",
                    "P",
                    "05/03/1985",
                    "BANJAR",
                    "001",
                    "002",
                    DESA,
                    "2026-10",
                    "300000"),
            row(
                    28,
                    "5108014503850030",
                    "5108011203100001",
                    "NI MADE SARI",
                    "P",
                    "05/03/1985",
                    "BANJAR",
                    "001",
                    "002",
                    DESA,
                    "2026-10",
                    "300000"),
            row(
                    29,
                    "5108014503850031",
                    "5108011203100001",
                    "H. AHMAD  FAUZI, S.Pd",
                    "P",
                    "05/03/1985",
                    "BANJAR RT 003 RW 004",
                    "",
                    "",
                    "5108012001",
                    "2026-10",
                    "Rp 150.000"),
        };
        FileManifest manifest = LakeQueries.ingest(data, LakeQueries.catalogue(root, CATALOGUE))
                .ingest(
                        PERIOD,
                        LakeQueries.write(
                                data.inbox(PERIOD).resolve("pkh_5108_202610.csv"), StandardCharsets.UTF_8, lines));
        assertThat(manifest.status()).isEqualTo(FileManifest.Status.INGESTED);
        assertThat(Arrays.asList(manifest.rowsRead(), manifest.rowsStaged(), manifest.rowsRejected()))
                .containsExactly(29L, 16L, 13L);
    }

    private static Path staged() {
        return data.stagedPartition(PERIOD, "PKH").resolve("pkh_5108_202610.csv.parquet");
    }

    @Test
    void rejectsEachRowWithTheFirstRuleItBreaks() throws Exception {
        assertThat(rows("SELECT source_row, rule_id FROM "
                        + parquet(data.rejectedPartition(PERIOD, "PKH").resolve("pkh_5108_202610.csv.parquet"))
                        + " ORDER BY source_row"))
                .containsExactly(
                        "3|NIK_SCIENTIFIC",
                        "4|NIK_LENGTH",
                        "5|NIK_NOT_DIGITS",
                        "6|NIK_PLACEHOLDER",
                        "7|NIK_PROVINCE",
                        "8|NIK_BIRTH_DATE",
                        "9|NIK_SERIAL",
                        "10|NIK_EQUALS_KK",
                        "11|NAMA_MISSING",
                        "12|WILAYAH_UNKNOWN",
                        "13|PERIOD_MISMATCH",
                        "14|NIK_MISSING",
                        "15|ROW_FIELD_COUNT");
    }

    @Test
    void flagsStagedRowsWithEveryFlagRuleTheyRaiseAndNoneOnGoodRows() throws Exception {
        assertThat(rows("SELECT source_row, coalesce(flags, '-') FROM " + parquet(staged()) + " ORDER BY source_row"))
                .containsExactly(
                        "2|-",
                        "16|SEX_NIK_MISMATCH",
                        "17|NIK_BIRTH_DATE_MISMATCH",
                        "18|KK_INVALID",
                        "19|BIRTH_DATE_IMPOSSIBLE",
                        "20|BIRTH_DATE_UNREADABLE",
                        "21|BIRTH_DATE_EXCEL_SERIAL",
                        "22|BIRTH_DATE_FUTURE",
                        "23|BIRTH_DATE_IMPLAUSIBLE",
                        "24|AMOUNT_UNREADABLE",
                        "25|RT_RW_INVALID",
                        "26|SEX_UNREADABLE",
                        "27|NIK_KABUPATEN_UNKNOWN",
                        "28|-",
                        "29|NIK_DUPLICATE_IN_FILE,NIK_LAST_DIGIT_ZERO",
                        "30|-");
    }

    @Test
    void normalizesValuesAndKeepsTheNameAsWritten() throws Exception {
        assertThat(rows("SELECT nama, nama_normalized, gelar, rt, rw, kode_desa, benefit_rupiah FROM "
                        + parquet(staged()) + " WHERE source_row = 30"))
                .containsExactly("H. AHMAD  FAUZI, S.Pd|AHMAD FAUZI|H. S.PD|003|004|51.08.01.2001|150000");
        assertThat(rows("SELECT CAST(birth_date AS VARCHAR), no_kk FROM " + parquet(staged())
                        + " WHERE source_row IN (18, 19, 20, 21, 22) ORDER BY source_row"))
                .containsExactly(
                        "1985-03-05|null",
                        "null|5108011203100001",
                        "null|5108011203100001",
                        "1985-03-05|5108011203100001",
                        "null|5108011203100001");
    }
}
