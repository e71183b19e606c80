package id.satupintu.pipeline.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * XLSX packages written part by part, as a hostile or broken sender could: a BLT Dana Desa sheet
 * of inline strings, with whatever else a case needs beside it (macros, links to other
 * workbooks, parts that inflate to gigabytes). Parts are deflated as they are written, so a
 * bomb never sits in memory.
 */
final class HostileWorkbooks {
    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final List<String> BLT_HEADER = List.of(
            "NO",
            "NIK",
            "NOMOR KK",
            "NAMA",
            "L/P",
            "TGL LAHIR",
            "DUSUN",
            "DESA",
            "KECAMATAN",
            "KODE DESA",
            "BULAN",
            "JUMLAH");

    /** Writes the bytes of one part to the package's stream. */
    @FunctionalInterface
    interface PartWriter {
        void write(OutputStream out) throws IOException;
    }

    private final Map<String, PartWriter> parts = new LinkedHashMap<>();
    private final List<String> overrides = new ArrayList<>();
    private String workbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    private HostileWorkbooks() {}

    /** A workbook whose first sheet is the XML {@code sheet} writes, beside the usual parts. */
    static HostileWorkbooks withSheet(PartWriter sheet) {
        HostileWorkbooks workbook = new HostileWorkbooks();
        workbook.parts.put("xl/worksheets/sheet1.xml", sheet);
        workbook.overrides.add(override(
                "/xl/worksheets/sheet1.xml",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"));
        workbook.text(
                "xl/styles.xml",
                "<styleSheet xmlns=\"" + MAIN + "\"><numFmts count=\"0\"/><cellXfs count=\"2\"><xf numFmtId=\"0\"/>"
                        + "<xf numFmtId=\"0\"/></cellXfs></styleSheet>");
        workbook.overrides.add(
                override("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"));
        return workbook;
    }

    /** A workbook of the BLT header and rows, each row the texts of its cells. */
    static HostileWorkbooks withRows(List<List<String>> rows) {
        return withSheet(out -> out.write(sheetXml(rows).getBytes(UTF_8)));
    }

    /** The sheet XML of rows of inline strings; a text starting with {@code =} is a formula cell. */
    static String sheetXml(List<List<String>> rows) {
        StringBuilder xml = new StringBuilder("<worksheet xmlns=\"" + MAIN + "\"><sheetData>");
        for (int r = 0; r < rows.size(); r++) {
            xml.append(row(r + 1, rows.get(r)));
        }
        return xml.append("</sheetData></worksheet>").toString();
    }

    static String row(int number, List<String> cells) {
        StringBuilder xml = new StringBuilder("<row r=\"" + number + "\">");
        for (int c = 0; c < cells.size(); c++) {
            String reference = (char) ('A' + c) + Integer.toString(number);
            String value = cells.get(c);
            if (value == null) {
                continue;
            }
            xml.append("<c r=\"")
                    .append(reference)
                    .append("\" t=\"inlineStr\"><is><t>")
                    .append(value)
                    .append("</t></is></c>");
        }
        return xml.append("</row>").toString();
    }

    /** The header and one BLT Dana Desa row per NIK. */
    static List<List<String>> bltRows(String... niks) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(BLT_HEADER);
        for (int i = 0; i < niks.length; i++) {
            rows.add(bltRow(i + 1, niks[i]));
        }
        return rows;
    }

    static List<String> bltRow(int number, String nik) {
        return List.of(
                Integer.toString(number),
                nik,
                "5108011203100001",
                "NI LUH ASTITI",
                "P",
                "1985-03-05",
                "BANJAR KAJA",
                "Sumberklampok",
                "Gerokgak",
                "51.08.01.2001",
                "2026-10",
                "300000");
    }

    HostileWorkbooks text(String name, String content) {
        parts.put(name, out -> out.write(content.getBytes(UTF_8)));
        return this;
    }

    HostileWorkbooks part(String name, PartWriter writer) {
        parts.put(name, writer);
        return this;
    }

    HostileWorkbooks contentType(String partName, String contentType) {
        overrides.add(override(partName, contentType));
        return this;
    }

    HostileWorkbooks macroEnabled() {
        workbookContentType = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
        return this;
    }

    byte[] bytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTo(out);
        return out.toByteArray();
    }

    void writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            writeTo(out);
        }
    }

    private void writeTo(OutputStream target) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(target)) {
            put(
                    zip,
                    "[Content_Types].xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types"
                            + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default"
                            + " Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                            + override("/xl/workbook.xml", workbookContentType) + String.join("", overrides)
                            + "</Types>");
            put(
                    zip,
                    "_rels/.rels",
                    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
                            + " Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
                            + " Target=\"xl/workbook.xml\"/></Relationships>");
            put(
                    zip,
                    "xl/workbook.xml",
                    "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                            + "relationships\"><sheets><sheet name=\"BLT DD\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(
                    zip,
                    "xl/_rels/workbook.xml.rels",
                    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
                            + " Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
                            + " Target=\"worksheets/sheet1.xml\"/></Relationships>");
            for (Map.Entry<String, PartWriter> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                part.getValue().write(zip);
                zip.closeEntry();
            }
        }
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(UTF_8));
        zip.closeEntry();
    }

    private static String override(String partName, String contentType) {
        return "<Override PartName=\"" + partName + "\" ContentType=\"" + contentType + "\"/>";
    }

    /** Writes {@code total} bytes of {@code unit} repeated: the body of a part that inflates far. */
    static void repeat(OutputStream out, String unit, long total) throws IOException {
        byte[] block = unit.repeat(Math.max(1, (1 << 16) / unit.length())).getBytes(UTF_8);
        long written = 0;
        while (written < total) {
            int length = (int) Math.min(block.length, total - written);
            out.write(block, 0, length);
            written += length;
        }
    }
}
