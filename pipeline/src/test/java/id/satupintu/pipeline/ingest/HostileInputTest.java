package id.satupintu.pipeline.ingest;

import static id.satupintu.pipeline.ingest.HostileWorkbooks.bltRows;
import static id.satupintu.pipeline.ingest.HostileWorkbooks.repeat;
import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.lake.LakeFiles;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input suite: files as dozens of offices and desa operators really send them, and as
 * an attacker could, each dropped into a period's inbox beside a good PKH roster and ingested as
 * the refresh does (every entry of the inbox, through the real readers, judge and lake). Each case
 * says what must happen to its files: refused with a reason naming the problem, or ingested with
 * the rows it stages and the rows it rejects by rule. For every case the good roster is ingested
 * whole, every manifest's rows read = staged + rejected and equal the rows in the lake, and a
 * refused file leaves no rows. The big cases run again in a JVM of 256 MB heap
 * ({@link HostileInputBoundedHeapTest}).
 */
class HostileInputTest {
    static final YearMonth PERIOD = YearMonth.of(2026, 10);

    static final String PBI_HEADER = "NOKA_JKN,NIK,NO_KK,NAMA,JNS_KEL,TGL_LAHIR,KODE_DESA,RT,RW,DESIL";
    static final String PBI_1 =
            "0001234567890,5108014503850002,5108011203100001,NI LUH ASTITI,2,1985-03-05,5108012001,001,002,3";
    static final String PBI_2 =
            "0001234567891,5108014604850003,5108011203100002,NI MADE SARI,2,1985-04-06,5108012001,001,002,3";
    static final String PBI_3 =
            "0001234567892,5108010101800001,5108011203100003,I WAYAN SUDIARTA,1,1980-01-01,5108012001,001,002,4";
    static final String PBI = "pbi_jk_5108_202610.csv";

    /** The good roster beside every case: it must be ingested whole, whatever the case's files do. */
    static final String COMPANION = "pkh_5108_202610.csv";

    static final String COMPANION_CSV = "NO;NIK;NO KK;NAMA KPM;JENIS KELAMIN;TANGGAL LAHIR;ALAMAT;RT;RW;KODE WILAYAH;"
            + "TAHAP;KOMPONEN;NOMINAL\n"
            + "1;5108014503850002;5108011203100001;NI LUH ASTITI;P;05/03/1985;BANJAR DINAS KAJA;001;002;"
            + "51.08.01.2001;2026-T4;BALITA 1;1350000\n"
            + "2;5108010101800001;5108011203100003;I WAYAN SUDIARTA;L;01/01/1980;BANJAR DINAS KAJA;001;002;"
            + "51.08.01.2001;2026-T4;LANSIA 1;600000\n";

    @TempDir
    Path root;

    /** What must become of one delivery. */
    sealed interface Outcome permits Refused, Ingested, SetAside {}

    /** Refused: no rows, a reason in both languages holding these fragments. */
    record Refused(String indonesian, String english) implements Outcome {}

    /** Ingested: rows read, staged, and the rejected rows as {@code source_row|RULE}. */
    record Ingested(long read, long staged, List<String> rejects) implements Outcome {}

    /** Put aside for another delivery of the folder (duplicate, superseded). */
    record SetAside(FileManifest.Status status, String otherFile) implements Outcome {}

    /** Writes a case's deliveries into the period's inbox. */
    @FunctionalInterface
    interface Deliveries {
        void writeInto(Path inbox) throws Exception;
    }

    /** One case: its deliveries, and the outcome of each by the name its manifest carries. */
    record Case(String name, Deliveries deliveries, Map<String, Outcome> outcomes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case file(String name, String fileName, byte[] bytes, Outcome outcome) {
        return new Case(name, inbox -> Files.write(inbox.resolve(fileName), bytes), Map.of(fileName, outcome));
    }

    static Case entries(String name, Deliveries deliveries, Object... namesAndOutcomes) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndOutcomes.length; i += 2) {
            outcomes.put((String) namesAndOutcomes[i], (Outcome) namesAndOutcomes[i + 1]);
        }
        return new Case(name, deliveries, outcomes);
    }

    static Refused refused(String indonesian, String english) {
        return new Refused(indonesian, english);
    }

    static Ingested ingested(long read, long staged, String... rejects) {
        return new Ingested(read, staged, List.of(rejects));
    }

    static byte[] lines(Charset charset, String separator, String... lines) {
        return (String.join(separator, lines) + separator).getBytes(charset);
    }

    static byte[] csv(String... lines) {
        return lines(UTF_8, "\n", lines);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    static byte[] zip(String entry, byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(bytes);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static byte[] workbook(List<List<String>> rows) throws IOException {
        return HostileWorkbooks.withRows(rows).bytes();
    }

    static final String BLT = "blt_dd_5108_202610.xlsx";
    static final String NIK_1 = "5108014503850002";
    static final String NIK_2 = "5108014604850003";

    static Stream<Arguments> cases() throws Exception {
        List<Case> cases = new ArrayList<>();
        cases.addAll(wholeFileCases());
        cases.addAll(workbookCases());
        cases.addAll(encodingCases());
        cases.addAll(csvShapeCases());
        cases.addAll(nameCases());
        cases.addAll(inboxEntryCases());
        cases.addAll(jsonCases());
        return cases.stream().map(Arguments::of);
    }

    static List<Case> wholeFileCases() throws Exception {
        return List.of(
                file(
                        "an empty file",
                        PBI,
                        new byte[0],
                        refused("berkas kosong, tidak ada baris judul", "empty file, no header row")),
                file(
                        "a header without rows",
                        PBI,
                        csv(PBI_HEADER),
                        refused(
                                "berkas tidak berisi baris data di bawah baris judul",
                                "the file has no data rows below the header")),
                file(
                        "a file of random bytes named .csv",
                        PBI,
                        random(64 * 1024, 7),
                        refused("berkas bukan teks", "the file is not text")),
                file(
                        "a gzip'd CSV named .csv",
                        PBI,
                        gzip(csv(PBI_HEADER, PBI_1)),
                        refused("berkas terkompresi gzip", "the file is gzip-compressed")),
                file(
                        "a zip archive named .csv",
                        PBI,
                        zip("pbi.csv", csv(PBI_HEADER, PBI_1)),
                        refused("arsip ZIP atau XLSX", "a ZIP archive or an XLSX workbook")),
                file(
                        "a PDF named .csv",
                        PBI,
                        "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(UTF_8),
                        refused("berkas PDF", "a PDF document")),
                file(
                        "a file for another period",
                        "pbi_jk_5108_202609.csv",
                        csv(PBI_HEADER, PBI_1),
                        refused(
                                "periode berkas 2026-09 bukan periode yang diproses 2026-10",
                                "the file is for 2026-09, not for the period being ingested 2026-10")),
                file(
                        "a file named for month 13",
                        "pbi_jk_5108_202613.csv",
                        csv(PBI_HEADER, PBI_1),
                        refused(
                                "periode berkas 2026-13 bukan periode yang diproses 2026-10",
                                "the file is for 2026-13, not for the period being ingested 2026-10")),
                entries(
                        "the same bytes under two names",
                        inbox -> {
                            Files.write(inbox.resolve(PBI), csv(PBI_HEADER, PBI_1, PBI_2));
                            Files.write(
                                    inbox.resolve("pbi_jk_5108_202610_kirim_ulang.csv"), csv(PBI_HEADER, PBI_1, PBI_2));
                        },
                        PBI,
                        ingested(2, 2),
                        "pbi_jk_5108_202610_kirim_ulang.csv",
                        new SetAside(FileManifest.Status.DUPLICATE, PBI)),
                entries(
                        "a file of another month with the same bytes as this month's",
                        inbox -> {
                            Files.write(inbox.resolve("pbi_jk_5108_202609.csv"), csv(PBI_HEADER, PBI_1));
                            Files.write(inbox.resolve(PBI), csv(PBI_HEADER, PBI_1));
                        },
                        "pbi_jk_5108_202609.csv",
                        refused("periode berkas 2026-09", "the file is for 2026-09"),
                        PBI,
                        ingested(1, 1)));
    }

    static List<Case> workbookCases() throws Exception {
        byte[] good = workbook(bltRows(NIK_1, NIK_2));
        List<List<String>> formulas = new ArrayList<>(bltRows(NIK_1));
        return List.of(
                file("a good workbook", BLT, good, ingested(2, 2)),
                file(
                        "a workbook cut in half",
                        BLT,
                        Arrays.copyOf(good, good.length / 2),
                        refused("berkas XLSX rusak", "the XLSX file is corrupt")),
                file(
                        "a workbook whose sheet XML is broken",
                        BLT,
                        HostileWorkbooks.withSheet(out -> out.write(("<worksheet xmlns=\"" + HostileWorkbooks.MAIN
                                                + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>NO</t>"
                                                + "</is></c></row><row <<<")
                                        .getBytes(UTF_8)))
                                .bytes(),
                        refused("berkas XLSX rusak", "the XLSX file is corrupt")),
                file(
                        "a text file named .xlsx",
                        BLT,
                        csv(PBI_HEADER, PBI_1),
                        refused("bukan arsip ZIP", "not a ZIP archive")),
                file(
                        "an Excel 97-2003 or password-protected workbook named .xlsx",
                        BLT,
                        concat(
                                new byte[] {
                                    (byte) 0xD0,
                                    (byte) 0xCF,
                                    0x11,
                                    (byte) 0xE0,
                                    (byte) 0xA1,
                                    (byte) 0xB1,
                                    0x1A,
                                    (byte) 0xE1
                                },
                                random(4096, 3)),
                        refused(
                                "Excel 97-2003 (.xls) atau XLSX berkata sandi",
                                "an Excel 97-2003 (.xls) workbook or a password-protected XLSX")),
                file(
                        "a zip bomb: a sheet that inflates a thousandfold",
                        BLT,
                        HostileWorkbooks.withSheet(out -> {
                                    out.write(("<worksheet xmlns=\"" + HostileWorkbooks.MAIN + "\"><sheetData>")
                                            .getBytes(UTF_8));
                                    repeat(out, "<row/>", 100L << 20);
                                    out.write("</sheetData></worksheet>".getBytes(UTF_8));
                                })
                                .bytes(),
                        refused(
                                "bagian xl/worksheets/sheet1.xml mengembang",
                                "part xl/worksheets/sheet1.xml inflates")),
                file(
                        "a shared-strings bomb: 100 MB of strings that inflate a thousandfold",
                        BLT,
                        HostileWorkbooks.withRows(bltRows(NIK_1))
                                .part("xl/sharedStrings.xml", out -> {
                                    out.write(("<sst xmlns=\"" + HostileWorkbooks.MAIN + "\">").getBytes(UTF_8));
                                    repeat(out, "<si><t>A</t></si>", 100L << 20);
                                    out.write("</sst>".getBytes(UTF_8));
                                })
                                .contentType(
                                        "/xl/sharedStrings.xml",
                                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml")
                                .bytes(),
                        refused("bagian xl/sharedStrings.xml mengembang", "part xl/sharedStrings.xml inflates")),
                file(
                        "a sheet of 200,000 empty styled rows below the data (a million in the 256 MB run)",
                        BLT,
                        HostileWorkbooks.withSheet(out -> {
                                    String rows = HostileWorkbooks.sheetXml(bltRows(NIK_1, NIK_2));
                                    out.write(rows.substring(0, rows.indexOf("</sheetData>"))
                                            .getBytes(UTF_8));
                                    for (int r = 4; r < 200_004; r++) {
                                        out.write(
                                                ("<row r=\"" + r + "\" s=\"1\" customFormat=\"1\"/>").getBytes(UTF_8));
                                    }
                                    out.write("</sheetData></worksheet>".getBytes(UTF_8));
                                })
                                .bytes(),
                        ingested(2, 2)),
                file(
                        "a cell address far beyond Excel's last column",
                        BLT,
                        HostileWorkbooks.withSheet(out -> out.write(HostileWorkbooks.sheetXml(bltRows(NIK_1))
                                        .replace(
                                                "</sheetData>",
                                                "<row r=\"3\"><c r=\"FXSHRXW3\" t=\"inlineStr\"><is><t>x"
                                                        + "</t></is></c></row></sheetData>")
                                        .getBytes(UTF_8)))
                                .bytes(),
                        refused("alamat sel FXSHRXW3 di luar batas Excel", "cell address FXSHRXW3 is beyond Excel's")),
                file(
                        "a workbook cell of 20,000 characters",
                        BLT,
                        workbook(List.of(
                                HostileWorkbooks.BLT_HEADER,
                                HostileWorkbooks.bltRow(1, NIK_1),
                                HostileWorkbooks.bltRow(2, NIK_2).stream()
                                        .map(value -> value.equals("BANJAR KAJA") ? "B".repeat(20_000) : value)
                                        .toList())),
                        ingested(2, 1, "3|ROW_VALUE_TOO_LONG")),
                file(
                        "a workbook cell longer than Excel allows (300 KB)",
                        BLT,
                        workbook(List.of(
                                HostileWorkbooks.BLT_HEADER,
                                HostileWorkbooks.bltRow(1, NIK_1).stream()
                                        .map(value -> value.equals("BANJAR KAJA") ? "B".repeat(300_000) : value)
                                        .toList())),
                        refused(
                                "sebuah sel atau nilai di xl/worksheets/sheet1.xml lebih panjang dari yang diizinkan Excel",
                                "a cell or value in xl/worksheets/sheet1.xml is longer than Excel allows")),
                file(
                        "a renamed .xlsm: macros (vbaProject.bin) in a .xlsx",
                        BLT,
                        HostileWorkbooks.withRows(bltRows(NIK_1))
                                .macroEnabled()
                                .part("xl/vbaProject.bin", out -> out.write(random(2048, 5)))
                                .bytes(),
                        refused("berkas memuat makro", "the workbook holds macros")),
                file(
                        "a workbook with links to other workbooks",
                        BLT,
                        HostileWorkbooks.withRows(bltRows(NIK_1))
                                .text(
                                        "xl/externalLinks/externalLink1.xml",
                                        "<externalLink xmlns=\"" + HostileWorkbooks.MAIN
                                                + "\"><externalBook/></externalLink>")
                                .bytes(),
                        refused("tautan ke buku kerja lain", "links to other workbooks")),
                file(
                        "a workbook with a DTD declaring entities (billion laughs)",
                        BLT,
                        HostileWorkbooks.withSheet(
                                        out -> out.write(("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol"
                                                        + " \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                                                        + HostileWorkbooks.sheetXml(bltRows(NIK_1))
                                                                .replace("NI LUH ASTITI", "&lol2;"))
                                                .getBytes(UTF_8)))
                                .bytes(),
                        refused("berkas XLSX rusak", "the XLSX file is corrupt")),
                file(
                        "formulas in cells: a NIK computed as a number, a name as text",
                        BLT,
                        HostileWorkbooks.withSheet(out -> out.write(HostileWorkbooks.sheetXml(bltRows(NIK_1))
                                        .replace(
                                                "<c r=\"B2\" t=\"inlineStr\"><is><t>" + NIK_1 + "</t></is></c>",
                                                "<c r=\"B2\"><f>5108014503850000+2</f><v>5108014503850000</v></c>")
                                        .replace(
                                                "</sheetData>",
                                                HostileWorkbooks.row(3, HostileWorkbooks.bltRow(2, NIK_2))
                                                                .replace(
                                                                        "<c r=\"D3\" t=\"inlineStr\"><is><t>NI LUH ASTITI</t></is></c>",
                                                                        "<c r=\"D3\" t=\"str\"><f>UPPER(\"ni made sari\")</f><v>NI MADE"
                                                                                + " SARI</v></c>")
                                                        + "</sheetData>")
                                        .getBytes(UTF_8)))
                                .bytes(),
                        ingested(2, 1, "2|NIK_NUMERIC_CELL")),
                file(
                        "a formula never calculated: no cached value",
                        BLT,
                        HostileWorkbooks.withSheet(out -> out.write(HostileWorkbooks.sheetXml(bltRows(NIK_1, NIK_2))
                                        .replace(
                                                "<c r=\"D3\" t=\"inlineStr\"><is><t>NI LUH ASTITI</t></is></c>",
                                                "<c r=\"D3\" t=\"str\"><f>UPPER(C3)</f></c>")
                                        .getBytes(UTF_8)))
                                .bytes(),
                        ingested(2, 1, "3|NAMA_MISSING")));
    }

    static List<Case> encodingCases() {
        return List.of(
                file(
                        "a UTF-8 byte order mark",
                        PBI,
                        concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, csv(PBI_HEADER, PBI_1)),
                        ingested(1, 1)),
                file(
                        "UTF-16 little endian with its byte order mark (Excel's Unicode text)",
                        PBI,
                        concat(
                                new byte[] {(byte) 0xFF, (byte) 0xFE},
                                lines(UTF_16LE, "\r\n", PBI_HEADER, PBI_1, PBI_2)),
                        ingested(2, 2)),
                file(
                        "UTF-16 big endian with its byte order mark",
                        PBI,
                        concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, lines(UTF_16BE, "\n", PBI_HEADER, PBI_1)),
                        ingested(1, 1)),
                file(
                        "Windows-1252 bytes in a UTF-8 roster: the row with them is quarantined",
                        PBI,
                        concat(
                                csv(PBI_HEADER, PBI_1),
                                lines(
                                        Charset.forName("windows-1252"),
                                        "\n",
                                        PBI_2.replace("NI MADE SARI", "NI MADÉ SARI")),
                                csv(PBI_3)),
                        ingested(3, 2, "3|ROW_UNREADABLE_TEXT")),
                file(
                        "Latin-1 bytes deep in a file that starts as UTF-8",
                        PBI,
                        concat(
                                csv(PBI_HEADER, PBI_1),
                                csv(repeatLines(PBI_3, 1_000)),
                                lines(
                                        Charset.forName("ISO-8859-1"),
                                        "\n",
                                        PBI_2.replace("NI MADE SARI", "NI MADE SÄRI"))),
                        ingested(1_002, 1_001, "1003|ROW_UNREADABLE_TEXT")),
                file(
                        "NUL bytes inside a field",
                        PBI,
                        csv(PBI_HEADER, PBI_1, PBI_2.replace("NI MADE SARI", "NI MADE\0\0SARI"), PBI_3),
                        ingested(3, 2, "3|ROW_UNREADABLE_TEXT")),
                file(
                        "mixed line endings: CRLF, LF and a lone CR",
                        PBI,
                        (PBI_HEADER + "\r\n" + PBI_1 + "\n" + PBI_2 + "\r" + PBI_3 + "\r\n").getBytes(UTF_8),
                        ingested(3, 3)));
    }

    static String[] repeatLines(String line, int count) {
        String[] lines = new String[count];
        Arrays.fill(lines, line);
        return lines;
    }

    static List<Case> csvShapeCases() {
        String hundredThousandColumns = PBI_HEADER + ",X".repeat(100_000);
        return List.of(
                file(
                        "the wrong delimiter: semicolons in a comma layout",
                        PBI,
                        csv(PBI_HEADER.replace(',', ';'), PBI_1.replace(',', ';')),
                        refused("dipisah dengan ';'", "separated by ';'")),
                file(
                        "a header of 100,000 columns",
                        PBI,
                        csv(hundredThousandColumns, PBI_1),
                        refused("baris judul tidak dapat dibaca", "cannot read header")),
                file(
                        "a single field of 50 MB",
                        PBI,
                        concat(
                                csv(PBI_HEADER, PBI_1),
                                ("0001234567899,5108014604850003,5108011203100002," + "A".repeat(50 << 20)
                                                + ",2,1985-04-06,5108012001,001,002,3\n")
                                        .getBytes(UTF_8),
                                csv(PBI_2)),
                        refused("berkas tidak dapat diurai sesudah baris 2", "the file cannot be parsed after line 2")),
                file(
                        "a field of 20,000 characters",
                        PBI,
                        csv(PBI_HEADER, PBI_1, PBI_2.replace("NI MADE SARI", "X".repeat(20_000)), PBI_3),
                        ingested(3, 2, "3|ROW_VALUE_TOO_LONG")),
                file(
                        "an unclosed quote that swallows the rows below it",
                        PBI,
                        csv(PBI_HEADER, PBI_1, PBI_2.replace("NI MADE SARI", "\"NI MADE SARI"), PBI_3, PBI_1, PBI_2),
                        refused("tanda kutip di baris 3 tidak ditutup", "the quote opened on line 3 is never closed")),
                file(
                        "an unclosed quote on the last row",
                        PBI,
                        csv(PBI_HEADER, PBI_1, PBI_2.replace("NI MADE SARI", "\"NI MADE SARI")),
                        ingested(2, 1, "3|ROW_FIELD_COUNT")),
                file(
                        "text after a closing quote",
                        PBI,
                        csv(PBI_HEADER, PBI_1, PBI_2.replace("NI MADE SARI", "\"NI MADE\" SARI"), PBI_3),
                        ingested(3, 3)),
                file(
                        "formulas in cells of a CSV are kept as text, never run",
                        PBI,
                        csv(
                                PBI_HEADER,
                                PBI_1.replace("NI LUH ASTITI", "=HYPERLINK(\"\"http://x\"\";\"\"klik\"\")"),
                                PBI_2.replace("NI MADE SARI", "@SUM(1+1)*cmd|' /C calc'!A0")),
                        ingested(2, 2)),
                file(
                        "a line break inside a quoted field",
                        PBI,
                        csv(PBI_HEADER, PBI_1.replace("NI LUH ASTITI", "\"NI LUH\r\nASTITI\""), PBI_2),
                        ingested(2, 2)),
                file(
                        "a column named twice",
                        PBI,
                        csv(PBI_HEADER + ",NIK", PBI_1 + ",5108014604850003"),
                        refused("kolom NIK muncul 2 kali", "the column NIK appears 2 times")),
                file(
                        "a title row above the header",
                        PBI,
                        csv("DAFTAR PESERTA PBI-JK KABUPATEN BULELENG OKTOBER 2026", PBI_HEADER, PBI_1, PBI_2),
                        ingested(2, 2)),
                file(
                        "the header below the rows searched",
                        PBI,
                        csv(concatLines(repeatLines("CATATAN", 12), PBI_HEADER, PBI_1)),
                        refused("kolom wajib tidak ditemukan di baris judul", "required columns not found")),
                file(
                        "a trailing delimiter on every line",
                        PBI,
                        csv(PBI_HEADER + ",", PBI_1 + ",", PBI_2 + ","),
                        ingested(2, 2)),
                file(
                        "a trailing delimiter on the header only",
                        PBI,
                        csv(PBI_HEADER + ",", PBI_1, PBI_2),
                        ingested(2, 2)));
    }

    static String[] concatLines(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    static List<Case> nameCases() {
        String longName = "pbi_jk_5108_202610_" + "sangat_panjang_".repeat(8) + ".csv";
        return List.of(
                file(
                        "backslashes and dots in the name (path traversal from a Windows zip)",
                        "pbi_jk_5108_202610_..\\..\\..\\etc\\passwd.csv",
                        csv(PBI_HEADER, PBI_1),
                        ingested(1, 1)),
                entries(
                        "a hidden file (a dot first, like a lock file of LibreOffice) is no delivery",
                        inbox -> Files.write(inbox.resolve("..\\pbi_jk_5108_202610.csv"), csv(PBI_HEADER, PBI_1))),
                file(
                        "spaces, accents and CJK in the name",
                        "pbi_jk_5108_202610 Désa Ünïcode 東.csv",
                        csv(PBI_HEADER, PBI_1),
                        ingested(1, 1)),
                file("a quote in the name", "pbi_jk_5108_202610_o'neil.csv", csv(PBI_HEADER, PBI_1), ingested(1, 1)),
                file(
                        "a leading dash",
                        "-pbi_jk_5108_202610.csv",
                        csv(PBI_HEADER, PBI_1),
                        refused("nama berkas tidak cocok", "the file name matches no source")),
                entries(
                        "a line break in the name",
                        inbox ->
                                Files.write(inbox.resolve("pbi_jk_5108_202610\nRefused x.csv"), csv(PBI_HEADER, PBI_1)),
                        Inbox.shownName("pbi_jk_5108_202610\nRefused x.csv"),
                        refused("nama berkas memuat karakter kendali", "the file name holds control characters")),
                entries(
                        "a name of " + longName.length() + " characters",
                        inbox -> Files.write(inbox.resolve(longName), csv(PBI_HEADER, PBI_1)),
                        Inbox.shownName(longName),
                        refused(
                                "nama berkas terlalu panjang (" + longName.length() + " karakter",
                                "the file name is too long (" + longName.length() + " characters")));
    }

    static List<Case> inboxEntryCases() {
        return List.of(
                entries(
                        "a symbolic link to a file outside the inbox",
                        inbox -> {
                            Path outside = Files.write(
                                    inbox.getParent().getParent().resolve("secret.csv"), csv(PBI_HEADER, PBI_1));
                            Files.createSymbolicLink(inbox.resolve(PBI), outside);
                        },
                        PBI,
                        refused("tautan simbolik", "symbolic link")),
                entries(
                        "a dangling symbolic link",
                        inbox -> Files.createSymbolicLink(inbox.resolve(PBI), inbox.resolve("gone.csv")),
                        PBI,
                        refused("tautan simbolik", "symbolic link")),
                entries(
                        "a loop of symbolic links",
                        inbox -> {
                            Files.createSymbolicLink(inbox.resolve(PBI), inbox.resolve("pbi_jk_5108_202610_b.csv"));
                            Files.createSymbolicLink(inbox.resolve("pbi_jk_5108_202610_b.csv"), inbox.resolve(PBI));
                        },
                        PBI,
                        refused("tautan simbolik", "symbolic link"),
                        "pbi_jk_5108_202610_b.csv",
                        refused("tautan simbolik", "symbolic link")),
                entries(
                        "a symbolic link named as a later revision of a good file",
                        inbox -> {
                            Files.write(inbox.resolve(PBI), csv(PBI_HEADER, PBI_1, PBI_2));
                            Files.createSymbolicLink(inbox.resolve("pbi_jk_5108_202610_rev2.csv"), inbox.resolve(PBI));
                        },
                        PBI,
                        ingested(2, 2),
                        "pbi_jk_5108_202610_rev2.csv",
                        refused("tautan simbolik", "symbolic link")),
                entries(
                        "a folder named like a roster",
                        inbox -> Files.createDirectories(inbox.resolve(PBI)),
                        PBI,
                        refused("berkas berupa folder", "the entry is a folder")),
                entries(
                        "a named pipe named like a roster",
                        inbox -> {
                            Process mkfifo = new ProcessBuilder(
                                            "mkfifo", inbox.resolve(PBI).toString())
                                    .start();
                            assertThat(mkfifo.waitFor()).isZero();
                        },
                        PBI,
                        refused("bukan berkas biasa", "not a regular file")));
    }

    static List<Case> jsonCases() {
        String electricity = "listrik_5108_202610.jsonl";
        String good =
                "{\"idpel\":\"511234567890\",\"nik\":\"5108010101800001\",\"nama_pelanggan\":\"I WAYAN SUDIARTA\","
                        + "\"kd_wilayah\":\"51.08.01.2001\",\"alamat\":\"BANJAR\"}";
        return List.of(
                file(
                        "a JSON line nested 10,000 deep",
                        electricity,
                        csv(good, good.replace("\"BANJAR\"", "[".repeat(10_000) + "]".repeat(10_000)), good),
                        ingested(3, 2, "2|ROW_MALFORMED")),
                file(
                        "a JSON line of 2 MB",
                        electricity,
                        csv(good, good.replace("BANJAR", "B".repeat(2 << 20)), good),
                        ingested(3, 2, "2|ROW_VALUE_TOO_LONG")),
                file(
                        "a JSON lines file of random bytes",
                        electricity,
                        random(8192, 11),
                        refused("berkas bukan teks", "the file is not text")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachHostileDeliveryIsRefusedOrQuarantinedAndTheOtherFilesProceed(Case hostile) throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path inbox = Files.createDirectories(data.inbox(PERIOD));
        Files.writeString(inbox.resolve(COMPANION), COMPANION_CSV, UTF_8);
        hostile.deliveries().writeInto(inbox);

        Map<String, FileManifest> manifests = ingestInbox(data);

        Map<String, Object> expected = new TreeMap<>();
        hostile.outcomes().forEach((name, outcome) -> expected.put(name, outcome));
        expected.put(COMPANION, ingested(2, 2));
        assertThat(manifests.keySet()).as("every delivery is recorded").containsExactlyElementsOf(expected.keySet());
        try (Connection duckdb = DuckDb.inMemory(1)) {
            for (Map.Entry<String, Object> entry : expected.entrySet()) {
                FileManifest manifest = manifests.get(entry.getKey());
                assertOutcome(duckdb, data, manifest, (Outcome) entry.getValue());
                assertLakeHoldsTheManifestRows(duckdb, data, manifest);
            }
        }
    }

    @Test
    void aFileThatChangesWhileItIsReadIsRefusedAndLeavesNoRows() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path file = Files.createDirectories(data.inbox(PERIOD)).resolve(PBI);
        try (BufferedWriter out = Files.newBufferedWriter(file, UTF_8)) {
            out.write(PBI_HEADER + "\n");
            for (int i = 0; i < 100_000; i++) {
                out.write((i % 2 == 0 ? PBI_1 : PBI_2) + "\n");
            }
        }
        // the office's copy is still running: more bytes arrive once ingest has begun writing its rows
        Path writing = LakeFiles.temporaryOf(
                data.stagedPartition(PERIOD, "PBI_JK").resolve(RosterIngest.lakeFileName(PBI)), "");
        Thread copier = new Thread(() -> {
            try {
                while (!Files.exists(writing)) {
                    Thread.onSpinWait();
                }
                Files.write(file, (PBI_3 + "\n").getBytes(UTF_8), StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        copier.setDaemon(true);
        copier.start();

        FileManifest manifest =
                LakeQueries.ingest(data, SourceCatalogue.defaults()).ingest(PERIOD, file);
        copier.join(10_000);

        assertThat(List.of(
                        manifest.status().name(),
                        manifest.refusalReasonEnglish().orElseThrow()))
                .containsExactly(
                        "REFUSED",
                        "the file changed while it was read (still being copied, or replaced?); run again once it is"
                                + " complete");
        assertThat(manifest.refusalReasonIndonesian().orElseThrow()).startsWith("berkas berubah selama dibaca");
        assertThat(Files.exists(data.stagedPartition(PERIOD, "PBI_JK").resolve(RosterIngest.lakeFileName(PBI))))
                .isFalse();
    }

    @Test
    void aSourceCatalogueNestedTenThousandDeepIsRefusedNamingTheFile() throws Exception {
        Path catalogue = root.resolve("sources.json");
        Files.writeString(
                catalogue,
                "{\"sources\": [{\"id\": \"x\", \"note\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}]}",
                UTF_8);

        assertThatThrownBy(() -> SourceCatalogue.read(catalogue))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Source catalogue " + catalogue + " is not valid JSON: ")
                .hasMessageContaining("nesting depth");
    }

    @Test
    void aFileTheServiceMayNotReadIsRefused() throws Exception {
        // root reads every file whatever its permissions: the refusal can only be seen by another account
        assumeFalse("root".equals(System.getProperty("user.name")), "runs as root");
        DataDirectory data = new DataDirectory(root);
        Path file = Files.write(Files.createDirectories(data.inbox(PERIOD)).resolve(PBI), csv(PBI_HEADER, PBI_1));
        Files.setPosixFilePermissions(file, Set.of());

        FileManifest manifest =
                LakeQueries.ingest(data, SourceCatalogue.defaults()).ingest(PERIOD, file);

        assertThat(manifest.refusalReasonEnglish())
                .contains("the file may not be read by the SatuPintu account (file permissions)");
    }

    static Map<String, FileManifest> ingestInbox(DataDirectory data) {
        RosterIngest ingest = LakeQueries.ingest(data, SourceCatalogue.defaults());
        Map<String, FileManifest> manifests = new TreeMap<>();
        for (Path entry : Inbox.entries(data, PERIOD)) {
            FileManifest manifest = ingest.ingest(PERIOD, entry);
            manifests.put(manifest.sourceFile(), manifest);
        }
        return manifests;
    }

    private static void assertOutcome(Connection duckdb, DataDirectory data, FileManifest manifest, Outcome outcome)
            throws Exception {
        String file = manifest.sourceFile();
        if (outcome instanceof Refused refused) {
            assertThat(manifest.status()).as(file).isEqualTo(FileManifest.Status.REFUSED);
            assertThat(manifest.refusalReasonIndonesian().orElseThrow())
                    .as(file)
                    .contains(refused.indonesian());
            assertThat(manifest.refusalReasonEnglish().orElseThrow()).as(file).contains(refused.english());
            assertThat(List.of(manifest.rowsRead(), manifest.rowsStaged(), manifest.rowsRejected()))
                    .as(file)
                    .containsExactly(0L, 0L, 0L);
        } else if (outcome instanceof Ingested ingested) {
            assertThat(manifest.status())
                    .as(file + ": " + manifest.refusalReasonEnglish().orElse(""))
                    .isEqualTo(FileManifest.Status.INGESTED);
            assertThat(List.of(manifest.rowsRead(), manifest.rowsStaged()))
                    .as(file)
                    .containsExactly(ingested.read(), ingested.staged());
            assertThat(LakeQueries.rows(
                            duckdb,
                            "SELECT source_row, rule_id FROM read_parquet("
                                    + DuckDb.literal(lakeFile(data.rejected(), file)) + ") ORDER BY source_row"))
                    .as(file)
                    .containsExactlyElementsOf(ingested.rejects());
        } else if (outcome instanceof SetAside setAside) {
            assertThat(manifest.status()).as(file).isEqualTo(setAside.status());
            assertThat(manifest.refusalReasonEnglish().orElseThrow()).as(file).contains(setAside.otherFile());
        }
    }

    /** Rows read = staged + rejected, and the lake holds exactly those rows for the file (none if refused). */
    private static void assertLakeHoldsTheManifestRows(Connection duckdb, DataDirectory data, FileManifest manifest)
            throws Exception {
        String file = manifest.sourceFile();
        assertThat(manifest.rowsRead()).as(file).isEqualTo(manifest.rowsStaged() + manifest.rowsRejected());
        assertThat(LakeQueries.rows(
                        duckdb,
                        "SELECT status, rows_read, rows_staged, rows_rejected FROM read_parquet("
                                + DuckDb.literal(
                                        data.manifestPartition(PERIOD).resolve(RosterIngest.lakeFileName(file)))
                                + ")"))
                .as(file)
                .containsExactly(manifest.status() + "|" + manifest.rowsRead() + "|" + manifest.rowsStaged() + "|"
                        + manifest.rowsRejected());
        long stagedInLake =
                countRows(duckdb, lakeFile(data.staged(), file)) + countRows(duckdb, lakeFile(data.reference(), file));
        assertThat(List.of(stagedInLake, countRows(duckdb, lakeFile(data.rejected(), file))))
                .as(file)
                .containsExactly(manifest.rowsStaged(), manifest.rowsRejected());
    }

    private static Path lakeFile(Path layer, String sourceFile) throws IOException {
        if (!Files.isDirectory(layer)) {
            return null;
        }
        try (Stream<Path> files = Files.walk(layer)) {
            return files.filter(path -> path.getFileName().toString().equals(RosterIngest.lakeFileName(sourceFile)))
                    .findFirst()
                    .orElse(null);
        }
    }

    private static long countRows(Connection duckdb, Path parquet) throws Exception {
        if (parquet == null) {
            return 0;
        }
        return Long.parseLong(
                LakeQueries.rows(duckdb, "SELECT count(*) FROM read_parquet(" + DuckDb.literal(parquet) + ")")
                        .get(0));
    }
}
