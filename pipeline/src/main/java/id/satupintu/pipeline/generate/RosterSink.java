package id.satupintu.pipeline.generate;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Where the rows of one roster file go, in its file format. Cells are typed: text, whole numbers,
 * decimal numbers (a NIK damaged into a floating-point number), dates; each format writes them as
 * that format does (a CSV has only text, an XLSX has number and date cells, JSON has numbers).
 * Memory stays bounded: every sink streams.
 */
interface RosterSink extends AutoCloseable {
    /** Writes one data row; returns its source row number (how ingest will number it). */
    long row(Object[] cells) throws IOException;

    @Override
    void close() throws IOException;

    /** CSV through FastCSV: any charset, separator and line ending, an optional byte-order mark. */
    static RosterSink csv(Path file, Charset charset, char separator, boolean bom, boolean crlf, String[] header)
            throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        if (bom) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        CsvWriter csv = CsvWriter.builder()
                .fieldSeparator(separator)
                .lineDelimiter(crlf ? LineDelimiter.CRLF : LineDelimiter.LF)
                .build(new OutputStreamWriter(out, charset));
        csv.writeRecord(header);
        String[] text = new String[header.length];
        return new RosterSink() {
            private long line = 1;

            @Override
            public long row(Object[] cells) {
                for (int i = 0; i < cells.length; i++) {
                    text[i] = cells[i] == null ? "" : cells[i].toString();
                }
                csv.writeRecord(text);
                return ++line;
            }

            @Override
            public void close() throws IOException {
                csv.close();
            }
        };
    }

    /**
     * One XLSX sheet with title rows above the header, as offices lay out a list to print: the
     * titles, an empty row, the header, then data. Strings are inline (no shared-string table to
     * grow); rows are flushed as they go.
     */
    static RosterSink xlsx(Path file, String sheetName, List<String> titles, String[] header, LocalDate created)
            throws IOException {
        Path unstamped = file.resolveSibling(file.getFileName() + ".unstamped");
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(unstamped), 1 << 16);
        Workbook workbook = new Workbook(out, "SatuPintu", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName);
        int row = 0;
        for (String title : titles) {
            sheet.inlineString(row, 0, title);
            sheet.style(row, 0).bold().set();
            row++;
        }
        row++;
        for (int column = 0; column < header.length; column++) {
            sheet.inlineString(row, column, header[column]);
            sheet.style(row, column).bold().set();
        }
        int headerRow = row;
        return new RosterSink() {
            private int next = headerRow + 1;

            @Override
            public long row(Object[] cells) throws IOException {
                for (int column = 0; column < cells.length; column++) {
                    Object cell = cells[column];
                    if (cell instanceof String text) {
                        sheet.inlineString(next, column, text);
                    } else if (cell instanceof LocalDate date) {
                        sheet.value(next, column, date);
                        sheet.style(next, column).format("dd/mm/yyyy").set();
                    } else if (cell instanceof Double number) {
                        sheet.value(next, column, number);
                    } else if (cell instanceof Long number) {
                        sheet.value(next, column, number);
                        sheet.style(next, column).format("#,##0").set();
                    } else if (cell instanceof Integer number) {
                        sheet.value(next, column, number);
                    } else if (cell != null) {
                        throw new IllegalArgumentException("No XLSX cell for " + cell.getClass());
                    }
                }
                next++;
                if (next % 1024 == 0) {
                    sheet.flush();
                }
                // spreadsheet rows are numbered from 1
                return next;
            }

            @Override
            public void close() throws IOException {
                sheet.finish();
                workbook.finish();
                out.close();
                stampCreated(unstamped, file, created);
                Files.delete(unstamped);
            }
        };
    }

    /**
     * Copies an XLSX with its creation time set to {@code created}: fastexcel stamps the clock time
     * into {@code docProps/core.xml}, and the same generator settings must give byte-identical files.
     */
    private static void stampCreated(Path source, Path target, LocalDate created) throws IOException {
        String stamp = created + "T00:00:00Z";
        try (ZipFile in = new ZipFile(source.toFile());
                ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(target)))) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                byte[] content;
                try (var entryStream = in.getInputStream(entry)) {
                    content = entryStream.readAllBytes();
                }
                if (entry.getName().equals("docProps/core.xml")) {
                    content = new String(content, StandardCharsets.UTF_8)
                            .replaceFirst("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", "$1" + stamp + "$2")
                            .getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(LocalDateTime.of(1980, 1, 1, 0, 0));
                zip.putNextEntry(copy);
                zip.write(content);
                zip.closeEntry();
            }
        }
    }

    /** JSON lines through Jackson: one object per line, a null cell is a missing key. */
    static RosterSink jsonLines(Path file, String[] fields) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        JsonFactory factory = JsonFactory.builder().rootValueSeparator("\n").build();
        JsonGenerator json;
        try {
            json = factory.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8);
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
        return new RosterSink() {
            private long line;

            @Override
            public long row(Object[] cells) {
                json.writeStartObject();
                for (int i = 0; i < cells.length; i++) {
                    Object cell = cells[i];
                    if (cell == null) {
                        continue;
                    }
                    json.writeName(fields[i]);
                    if (cell instanceof String text) {
                        json.writeString(text);
                    } else if (cell instanceof Long number) {
                        json.writeNumber(number);
                    } else if (cell instanceof Integer number) {
                        json.writeNumber(number);
                    } else if (cell instanceof Double number) {
                        json.writeNumber(number);
                    } else {
                        throw new IllegalArgumentException("No JSON value for " + cell.getClass());
                    }
                }
                json.writeEndObject();
                return ++line;
            }

            @Override
            public void close() throws IOException {
                try {
                    json.writeRaw('\n');
                    json.close();
                } catch (RuntimeException e) {
                    throw new UncheckedIOException(new IOException(e));
                } finally {
                    out.close();
                }
            }
        };
    }
}
