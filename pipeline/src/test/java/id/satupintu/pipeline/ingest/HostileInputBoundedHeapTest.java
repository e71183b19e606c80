package id.satupintu.pipeline.ingest;

import static id.satupintu.pipeline.ingest.HostileInputTest.PBI_1;
import static id.satupintu.pipeline.ingest.HostileInputTest.PBI_2;
import static id.satupintu.pipeline.ingest.HostileInputTest.PBI_3;
import static id.satupintu.pipeline.ingest.HostileInputTest.PBI_HEADER;
import static id.satupintu.pipeline.ingest.HostileWorkbooks.bltRows;
import static id.satupintu.pipeline.ingest.HostileWorkbooks.repeat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.pipeline.lake.DataDirectory;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The big hostile cases again, all in one inbox, ingested by a separate JVM whose heap is 256 MB:
 * zip bombs and oversized fields must be refused by limits, not end in an OutOfMemoryError, and a
 * large good roster beside them must go through in that heap.
 */
class HostileInputBoundedHeapTest {
    private static final String HEAP = "-Xmx256m";

    @TempDir
    Path root;

    @Test
    void bombsAndHugeFieldsAreRefusedByLimitsInA256MegabyteHeap() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path inbox = Files.createDirectories(data.inbox(HostileInputTest.PERIOD));
        writeBigHostileFiles(inbox);

        Process ingest = new ProcessBuilder(command(data))
                .redirectErrorStream(false)
                .redirectError(root.resolve("stderr.txt").toFile())
                .start();
        List<String> lines = new ArrayList<>(new String(ingest.getInputStream().readAllBytes(), UTF_8)
                .lines()
                .toList());
        assertThat(ingest.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(ingest.exitValue())
                .as(Files.readString(root.resolve("stderr.txt"))
                        .lines()
                        .filter(line -> line.contains("Error") || line.contains("Exception"))
                        .limit(5)
                        .toList()
                        .toString())
                .isZero();
        assertThat(lines.remove(lines.size() - 1)).isEqualTo("max heap 256 MB");
        assertThat(lines)
                .containsExactly(
                        "blt_dd_5108_202610_alamat.xlsx|REFUSED|0|0|0|cell"
                                + " address ZZZZZZ3 is beyond Excel's limits (column XFD, row 1,048,576) in"
                                + " xl/worksheets/sheet1.xml",
                        "blt_dd_5108_202610_baris_kosong.xlsx|INGESTED|2|2|0|-",
                        "blt_dd_5108_202610_bom.xlsx|REFUSED|0|0|0|part xl/worksheets/sheet1.xml inflates to more than"
                                + " 200 times its size (a zip bomb?)",
                        "blt_dd_5108_202610_sel_besar.xlsx|REFUSED|0|0|0|a cell or value in xl/worksheets/sheet1.xml is"
                                + " longer than Excel allows (32,767 characters)",
                        "blt_dd_5108_202610_sst.xlsx|REFUSED|0|0|0|part xl/sharedStrings.xml inflates to more than 64 MB,"
                                + " more than memory can hold",
                        "listrik_5108_202610.jsonl|INGESTED|2|1|1|-",
                        "pbi_jk_5108_202610_besar.csv|INGESTED|100000|100000|0|-",
                        "pbi_jk_5108_202610_isian_50mb.csv|REFUSED|0|0|0|the file cannot be parsed after line 2: The"
                                + " maximum buffer size of 4194304 is insufficient to read the data of a single field."
                                + " This issue typically arises when a quotation begins but does not conclude within"
                                + " the confines of this buffer's maximum limit. (record starting at line 3)",
                        "pbi_jk_5108_202610_judul_100rb.csv|REFUSED|0|0|0|cannot read header: Record starting at line 1"
                                + " has surpassed the maximum limit of 16384 fields");
    }

    private static List<String> command(DataDirectory data) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(HEAP);
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("--add-opens") || argument.startsWith("--add-exports"))
                .forEach(command::add);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BoundedHeapIngest.class.getName());
        command.add(data.root().toString());
        command.add(HostileInputTest.PERIOD.toString());
        return command;
    }

    private static void writeBigHostileFiles(Path inbox) throws Exception {
        // a good roster of 100,000 rows (10 MB): the heap must not grow with the file
        try (BufferedWriter out = Files.newBufferedWriter(inbox.resolve("pbi_jk_5108_202610_besar.csv"), UTF_8)) {
            out.write(PBI_HEADER + "\n");
            String[] rows = {PBI_1, PBI_2, PBI_3};
            for (int i = 0; i < 100_000; i++) {
                out.write(rows[i % 3]);
                out.write('\n');
            }
        }
        try (OutputStream out = Files.newOutputStream(inbox.resolve("pbi_jk_5108_202610_isian_50mb.csv"))) {
            out.write(
                    (PBI_HEADER + "\n" + PBI_1 + "\n0001234567899,5108014604850003,5108011203100002,").getBytes(UTF_8));
            repeat(out, "A", 50L << 20);
            out.write((",2,1985-04-06,5108012001,001,002,3\n" + PBI_2 + "\n").getBytes(UTF_8));
        }
        Files.writeString(
                inbox.resolve("pbi_jk_5108_202610_judul_100rb.csv"),
                PBI_HEADER + ",X".repeat(100_000) + "\n" + PBI_1 + "\n",
                UTF_8);
        HostileWorkbooks.withSheet(out -> {
                    out.write(("<worksheet xmlns=\"" + HostileWorkbooks.MAIN + "\"><sheetData>").getBytes(UTF_8));
                    repeat(out, "<row/>", 128L << 20);
                    out.write("</sheetData></worksheet>".getBytes(UTF_8));
                })
                .writeTo(inbox.resolve("blt_dd_5108_202610_bom.xlsx"));
        HostileWorkbooks.withRows(bltRows(HostileInputTest.NIK_1))
                .part("xl/sharedStrings.xml", out -> {
                    out.write(("<sst xmlns=\"" + HostileWorkbooks.MAIN + "\">").getBytes(UTF_8));
                    // a million distinct strings: little to gain by compression, all held in memory by the reader
                    for (int i = 0; i < 1_500_000; i++) {
                        out.write(("<si><t>NAMA PENERIMA " + Integer.toHexString(i * 0x9E3779B1)
                                        + " BANJAR DINAS KAJA KELOD</t></si>")
                                .getBytes(UTF_8));
                    }
                    out.write("</sst>".getBytes(UTF_8));
                })
                .contentType(
                        "/xl/sharedStrings.xml",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml")
                .writeTo(inbox.resolve("blt_dd_5108_202610_sst.xlsx"));
        HostileWorkbooks.withSheet(out -> {
                    String rows = HostileWorkbooks.sheetXml(bltRows(HostileInputTest.NIK_1, HostileInputTest.NIK_2));
                    out.write(rows.substring(0, rows.indexOf("</sheetData>")).getBytes(UTF_8));
                    for (int r = 4; r < 1_000_004; r++) {
                        out.write(("<row r=\"" + r + "\" s=\"1\" customFormat=\"1\"/>").getBytes(UTF_8));
                    }
                    out.write("</sheetData></worksheet>".getBytes(UTF_8));
                })
                .writeTo(inbox.resolve("blt_dd_5108_202610_baris_kosong.xlsx"));
        HostileWorkbooks.withSheet(out -> out.write(HostileWorkbooks.sheetXml(bltRows(HostileInputTest.NIK_1))
                        .replace(
                                "</sheetData>",
                                "<row r=\"3\"><c r=\"ZZZZZZ3\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>")
                        .getBytes(UTF_8)))
                .writeTo(inbox.resolve("blt_dd_5108_202610_alamat.xlsx"));
        // a 40 MB cell of random letters: it compresses little, so only the value limit stops it
        java.util.Random random = new java.util.Random(13);
        HostileWorkbooks.withSheet(out -> {
                    String sheet = HostileWorkbooks.sheetXml(bltRows(HostileInputTest.NIK_1, HostileInputTest.NIK_2));
                    int name = sheet.lastIndexOf("NI LUH ASTITI");
                    out.write(sheet.substring(0, name).getBytes(UTF_8));
                    byte[] letters = new byte[1 << 16];
                    for (int i = 0; i < 40 * 16; i++) {
                        for (int j = 0; j < letters.length; j++) {
                            letters[j] = (byte) ('A' + random.nextInt(26));
                        }
                        out.write(letters);
                    }
                    out.write(sheet.substring(name + "NI LUH ASTITI".length()).getBytes(UTF_8));
                })
                .writeTo(inbox.resolve("blt_dd_5108_202610_sel_besar.xlsx"));
        String line =
                "{\"idpel\":\"511234567890\",\"nik\":\"5108010101800001\",\"nama_pelanggan\":\"I WAYAN SUDIARTA\","
                        + "\"kd_wilayah\":\"51.08.01.2001\",\"alamat\":\"BANJAR\"}";
        try (OutputStream out = Files.newOutputStream(inbox.resolve("listrik_5108_202610.jsonl"))) {
            out.write((line + "\n" + line.replace("\"BANJAR\"", "\"")).getBytes(UTF_8));
            repeat(out, "B", 60L << 20);
            out.write("\"}\n".getBytes(UTF_8));
        }
    }
}
