package id.satupintu.pipeline.ingest;

import id.satupintu.pipeline.generate.GeneratedFile;
import id.satupintu.pipeline.generate.GenerationResult;
import id.satupintu.pipeline.generate.GeneratorSettings;
import id.satupintu.pipeline.generate.SyntheticRosterGenerator;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * XLSX read speed on the generated BLT Dana Desa roster (the one XLSX the generator writes), warm,
 * best of N rounds, each path on the same file in the same JVM: (a) fastexcel-reader row iteration
 * without cell formats, (b) the same with cell formats (what {@link XlsxRecordReader} needs to tell
 * date cells from number cells), (c) {@link XlsxRecordReader} producing {@link RawRecord}s, (d) Apache
 * POI's streaming reader ({@code XSSFReader} + {@code XSSFSheetXMLHandler}, SAX, cells formatted by
 * {@code DataFormatter}), and for scale (e) the whole {@link RosterIngest#ingest} of the file (read,
 * judge, DuckDB, Parquet; into a temporary data directory). Not a unit test; run it with the command in docs/benchmarks.md ("Ingest
 * speed"). Arguments: an XLSX path or a kabupaten code to generate (default 32.09, month 2026-10),
 * measured rounds (default 5), warm-up rounds (default 2), the paths to run (default {@code abcde};
 * {@code c} alone is the one to profile).
 */
public final class XlsxReadBenchmark {
    private XlsxReadBenchmark() {}

    /** Keeps the JIT from dropping work whose result nothing reads. */
    private static long sink;

    public static void main(String[] args) throws Exception {
        String target = args.length > 0 ? args[0] : "32.09";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String paths = args.length > 3 ? args[3] : "abcde";
        Path file = target.endsWith(".xlsx") ? Path.of(target) : generate(target);
        SourceDefinition source = SourceCatalogue.defaults().sourceFor(file).orElseThrow();
        System.out.printf(
                Locale.ROOT,
                "%s, %.2f MB, source %s; %d warm-up + %d measured rounds%n",
                file.getFileName(),
                Files.size(file) / 1e6,
                source.id(),
                warmUp,
                rounds);
        String[] names = {
            "(a) fastexcel rows, no formats",
            "(b) fastexcel rows, with formats",
            "(c) XlsxRecordReader -> RawRecord",
            "(d) POI XSSF event (SAX) reader",
            "(e) RosterIngest.ingest, whole file"
        };
        double[] best = new double[names.length];
        java.util.Arrays.fill(best, Double.MAX_VALUE);
        YearMonth period = periodOf(file);
        RosterIngest ingest = new RosterIngest(
                new DataDirectory(Files.createTempDirectory("satupintu-xlsx-bench-lake")),
                SourceCatalogue.defaults(),
                WilayahTable.national(),
                LakeQueries.PSEUDONYMIZER);
        long[] rows = new long[names.length];
        for (int round = 1 - warmUp; round <= rounds; round++) {
            StringBuilder line = new StringBuilder(round <= 0 ? "warm-up" : "round " + round);
            for (int path = 0; path < names.length; path++) {
                if (paths.indexOf('a' + path) < 0) {
                    continue;
                }
                long started = System.nanoTime();
                rows[path] = switch (path) {
                    case 0 -> fastexcelRows(file, false);
                    case 1 -> fastexcelRows(file, true);
                    case 2 -> recordReader(file, source);
                    case 3 -> poiRows(file);
                    default -> ingested(ingest, period, file);
                };
                double seconds = (System.nanoTime() - started) / 1e9;
                line.append(String.format(Locale.ROOT, "  %c %.3f s", 'a' + path, seconds));
                if (round > 0) {
                    best[path] = Math.min(best[path], seconds);
                }
            }
            System.out.println(line);
        }
        System.out.println("best of " + rounds + ":");
        for (int path = 0; path < names.length; path++) {
            if (paths.indexOf('a' + path) < 0) {
                continue;
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-36s %,8d rows  %.3f s  %,10.0f rows/s%n",
                    names[path],
                    rows[path],
                    best[path],
                    rows[path] / best[path]);
        }
        System.out.println("(checksum " + sink + ")");
    }

    /** The month of an inbox file ({@code inbox/2026-10/…}); 2026-10 elsewhere. */
    private static YearMonth periodOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            return YearMonth.parse(parent.getFileName().toString());
        } catch (java.time.format.DateTimeParseException e) {
            return YearMonth.of(2026, 10);
        }
    }

    private static long ingested(RosterIngest ingest, YearMonth period, Path file) {
        FileManifest manifest = ingest.ingest(period, file);
        if (manifest.status() != FileManifest.Status.INGESTED) {
            throw new IllegalStateException("Benchmark ingest of " + file.getFileName() + " went wrong: " + manifest);
        }
        return manifest.rowsRead();
    }

    private static Path generate(String kabupaten) throws Exception {
        YearMonth period = YearMonth.of(2026, 10);
        Path root = Files.createTempDirectory("satupintu-xlsx-bench");
        GenerationResult generated =
                new SyntheticRosterGenerator(GeneratorSettings.defaults(kabupaten, period)).generate(root);
        for (GeneratedFile file : generated.files(period)) {
            if (file.fileName().endsWith(".xlsx")) {
                return file.path();
            }
        }
        throw new IllegalStateException("The generator wrote no XLSX for " + kabupaten);
    }

    /** Every sheet row (title rows and header included), every cell's raw text touched. */
    private static long fastexcelRows(Path file, boolean withFormats) throws Exception {
        long count = 0;
        long touched = 0;
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(withFormats, false));
                Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            for (Row row : (Iterable<Row>) rows::iterator) {
                count++;
                for (int i = 0; i < row.getCellCount(); i++) {
                    Cell cell = row.getCell(i);
                    if (cell != null && cell.getRawValue() != null) {
                        touched += cell.getRawValue().length();
                    }
                    if (withFormats && cell != null && cell.getDataFormatString() != null) {
                        touched++;
                    }
                }
            }
        }
        sink += touched;
        return count;
    }

    /** Data records, as ingest reads them. */
    private static long recordReader(Path file, SourceDefinition source) throws Exception {
        long count = 0;
        long touched = 0;
        try (XlsxRecordReader reader = XlsxRecordReader.open(file, source)) {
            RawRecord record;
            while ((record = reader.next()) != null) {
                count++;
                touched += record.values().size() + record.cellKinds().size();
            }
        }
        sink += touched;
        return count;
    }

    /** Every sheet row through POI's SAX sheet handler, cells formatted as Excel shows them. */
    private static long poiRows(Path file) throws Exception {
        long[] counts = new long[2];
        XSSFSheetXMLHandler.SheetContentsHandler handler = new XSSFSheetXMLHandler.SheetContentsHandler() {
            @Override
            public void startRow(int rowNum) {
                counts[0]++;
            }

            @Override
            public void endRow(int rowNum) {}

            @Override
            public void cell(String reference, String formattedValue, XSSFComment comment) {
                counts[1] += formattedValue == null ? 0 : formattedValue.length();
            }
        };
        try (org.apache.poi.openxml4j.opc.OPCPackage opc =
                org.apache.poi.openxml4j.opc.OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(opc);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(opc);
            StylesTable styles = reader.getStylesTable();
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(
                    new XSSFSheetXMLHandler(styles, null, strings, handler, new DataFormatter(Locale.ROOT), false));
            try (InputStream sheet = reader.getSheetsData().next()) {
                parser.parse(new InputSource(sheet));
            }
        }
        sink += counts[1];
        return counts[0];
    }
}
