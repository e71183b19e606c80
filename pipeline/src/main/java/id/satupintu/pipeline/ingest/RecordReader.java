package id.satupintu.pipeline.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Reads one source into raw records, knowing the format but nothing of the rules: the judge
 * ({@link RowJudge}) decides what each record means. A problem with the whole source (cannot be
 * opened, corrupt, no header) is a {@link RosterFileRefusedException}; a problem with one row is
 * the judge's to record.
 */
interface RecordReader extends Closeable {
    /** The header fields, in source order. */
    List<String> header();

    /** The next data record, or null at the end. */
    RawRecord next() throws IOException;

    /** The separator used to show a row's values joined as one text in the rejected lake. */
    String rawSeparator();

    static RecordReader open(Path file, SourceDefinition source) throws RosterFileRefusedException {
        String fileName = file.getFileName().toString();
        return switch (source.format()) {
            case SourceDefinition.XLSX -> XlsxRecordReader.open(file, source);
            case SourceDefinition.JSON_LINES -> JsonLinesRecordReader.open(file, source);
            case SourceDefinition.CSV -> CsvRecordReader.open(file, source);
            default ->
                throw new RosterFileRefusedException(
                        fileName,
                        "format " + source.format() + " tidak dibaca dari berkas",
                        "format " + source.format() + " is not read from files");
        };
    }

    /**
     * The position of the header among the first rows of a source: the first row that names every
     * required column. Title rows above it (a report title, the kabupaten, the month) are skipped.
     *
     * @throws RosterFileRefusedException naming the required columns the best candidate lacks
     */
    static int headerPosition(String fileName, List<List<String>> firstRows, SourceDefinition source)
            throws RosterFileRefusedException {
        if (firstRows.isEmpty()) {
            throw new RosterFileRefusedException(
                    fileName, "berkas kosong, tidak ada baris judul", "empty file, no header row");
        }
        int best = 0;
        List<String> bestMissing = null;
        for (int i = 0; i < firstRows.size(); i++) {
            List<String> missing = missingColumns(firstRows.get(i), source);
            if (missing.isEmpty()) {
                return i;
            }
            if (bestMissing == null || missing.size() < bestMissing.size()) {
                best = i;
                bestMissing = missing;
            }
        }
        throw new RosterFileRefusedException(
                fileName,
                "kolom wajib tidak ditemukan di baris judul: " + bestMissing,
                "required columns not found in the header row: " + bestMissing);
    }

    private static List<String> missingColumns(List<String> row, SourceDefinition source) {
        Set<String> keys = new java.util.HashSet<>();
        for (String cell : row) {
            keys.add(SourceDefinition.headerKey(cell));
        }
        List<String> missing = new ArrayList<>();
        source.requiredColumns().stream().sorted().forEach(column -> {
            Collection<String> synonyms = source.columns().getOrDefault(column, List.of());
            if (synonyms.stream().map(SourceDefinition::headerKey).noneMatch(keys::contains)) {
                missing.add(column + " " + synonyms);
            }
        });
        return missing;
    }

    /** Refuses a header whose field count differs from the one the catalogue states. */
    static void checkColumnCount(String fileName, List<String> header, SourceDefinition source)
            throws RosterFileRefusedException {
        int count = (int)
                header.stream().filter(cell -> cell != null && !cell.isBlank()).count();
        if (source.columnCount() != null && count != source.columnCount()) {
            throw new RosterFileRefusedException(
                    fileName,
                    "jumlah kolom baris judul " + count + ", seharusnya " + source.columnCount(),
                    "the header has " + count + " columns, the layout has " + source.columnCount());
        }
    }

    /**
     * Refuses a header naming a column the catalogue reads more than once ({@code NIK} twice):
     * which of the two holds the NIK cannot be known. Unmapped columns may repeat.
     */
    static void checkColumnsNamedOnce(String fileName, List<String> header, SourceDefinition source)
            throws RosterFileRefusedException {
        Set<String> mapped = new java.util.HashSet<>();
        source.columns()
                .values()
                .forEach(synonyms ->
                        synonyms.stream().map(SourceDefinition::headerKey).forEach(mapped::add));
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        for (String cell : header) {
            String key = SourceDefinition.headerKey(cell);
            if (mapped.contains(key)) {
                counts.merge(key, 1, Integer::sum);
            }
        }
        for (java.util.Map.Entry<String, Integer> count : counts.entrySet()) {
            if (count.getValue() > 1) {
                throw new RosterFileRefusedException(
                        fileName,
                        "kolom " + count.getKey() + " muncul " + count.getValue()
                                + " kali di baris judul; tidak jelas mana yang dipakai",
                        "the column " + count.getKey() + " appears " + count.getValue()
                                + " times in the header; which one holds the data cannot be told");
            }
        }
    }
}
