package id.satupintu.pipeline.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import id.satupintu.pipeline.privacy.Pseudonymizer;
import id.satupintu.schemas.contract.LakeContracts;
import id.satupintu.schemas.wilayah.Wilayah;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads one CSV roster into Arrow record batches shaped as {@link LakeContracts#INGESTED_ROW}:
 * every data row of the file becomes one Arrow row, either staged (rule_id null) or judged
 * rejected with the first rule it broke. Nothing is dropped, so rows read = staged + rejected.
 */
public final class RosterBatchReader extends ArrowReader {
    public static final int DEFAULT_BATCH_ROWS = 32_768;

    private final String fileName;
    private final String period;
    private final SourceDefinition source;
    private final WilayahTable wilayah;
    private final Pseudonymizer pseudonymizer;
    private final int batchRows;
    private final CsvReader<CsvRecord> csv;
    private final Iterator<CsvRecord> records;
    private final int headerFieldCount;
    private final Map<String, Integer> columnIndex;
    private final List<DateTimeFormatter> dateFormatters;
    private final String separator;
    private long rowsRead;

    public RosterBatchReader(
            BufferAllocator allocator,
            Path file,
            YearMonth period,
            SourceDefinition source,
            WilayahTable wilayah,
            Pseudonymizer pseudonymizer,
            int batchRows)
            throws RosterFileRefusedException {
        super(allocator);
        this.fileName = file.getFileName().toString();
        this.period = period.toString();
        this.source = requireNonNull(source, "source is null");
        this.wilayah = requireNonNull(wilayah, "wilayah is null");
        this.pseudonymizer = requireNonNull(pseudonymizer, "pseudonymizer is null");
        this.batchRows = batchRows;
        this.dateFormatters = RosterValues.dateFormatters(source.dateFormats());
        this.separator = source.delimiter();
        try {
            this.csv = CsvReader.builder()
                    .fieldSeparator(source.separator())
                    .detectBomHeader(true)
                    .allowExtraFields(true)
                    .allowMissingFields(true)
                    .ofCsvRecord(file, source.charset());
        } catch (IOException e) {
            throw new RosterFileRefusedException(
                    fileName, "berkas tidak dapat dibuka: " + e.getMessage(), "cannot open file: " + e.getMessage());
        }
        this.records = csv.iterator();
        List<String> header;
        try {
            if (!records.hasNext()) {
                closeQuietly();
                throw new RosterFileRefusedException(
                        fileName, "berkas kosong, tidak ada baris judul", "empty file, no header row");
            }
            header = records.next().getFields();
        } catch (CsvParseException | UncheckedIOException e) {
            closeQuietly();
            throw new RosterFileRefusedException(
                    fileName,
                    "baris judul tidak dapat dibaca: " + e.getMessage(),
                    "cannot read header: " + e.getMessage());
        }
        this.headerFieldCount = header.size();
        this.columnIndex = mapColumns(header);
    }

    private Map<String, Integer> mapColumns(List<String> header) throws RosterFileRefusedException {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            positions.putIfAbsent(headerKey(header.get(i)), i);
        }
        Map<String, Integer> index = new HashMap<>();
        for (Map.Entry<String, List<String>> mapping : source.columns().entrySet()) {
            mapping.getValue().stream()
                    .map(RosterBatchReader::headerKey)
                    .filter(positions::containsKey)
                    .findFirst()
                    .ifPresent(key -> index.put(mapping.getKey(), positions.get(key)));
        }
        List<String> missing = SourceDefinition.REQUIRED_COLUMNS.stream()
                .filter(column -> !index.containsKey(column))
                .sorted()
                .map(column -> column + " " + source.columns().get(column))
                .toList();
        if (!missing.isEmpty()) {
            closeQuietly();
            throw new RosterFileRefusedException(
                    fileName,
                    "kolom wajib tidak ditemukan di baris judul: " + missing,
                    "required columns not found in the header row: " + missing);
        }
        return index;
    }

    private static String headerKey(String header) {
        return header.replace("\uFEFF", "").strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    public long rowsRead() {
        return rowsRead;
    }

    @Override
    protected Schema readSchema() {
        return LakeContracts.INGESTED_ROW.arrowSchema();
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        prepareLoadNextBatch();
        VectorSchemaRoot root = getVectorSchemaRoot();
        root.clear();
        root.allocateNew();
        Vectors vectors = new Vectors(root);
        int row = 0;
        try {
            while (row < batchRows && records.hasNext()) {
                CsvRecord record = records.next();
                judge(record, vectors, row);
                row++;
            }
        } catch (CsvParseException e) {
            throw new IOException(
                    "File " + fileName + " cannot be parsed after row " + (rowsRead + row + 1) + ": " + e.getMessage(),
                    e);
        }
        rowsRead += row;
        root.setRowCount(row);
        return row > 0;
    }

    private void judge(CsvRecord record, Vectors vectors, int row) {
        List<String> fields = record.getFields();
        vectors.setString(vectors.period, row, period);
        vectors.setString(vectors.programCode, row, source.program());
        vectors.setString(vectors.sourceFile, row, fileName);
        vectors.sourceRow.setSafe(row, record.getStartingLineNumber());
        vectors.setString(vectors.rawRecord, row, String.join(separator, fields));

        if (fields.size() != headerFieldCount) {
            reject(vectors, row, ValidationRule.ROW_FIELD_COUNT);
            return;
        }
        String rawNik = field(fields, "nik");
        Optional<ValidationRule> nikProblem = Nik.check(rawNik, wilayah);
        if (nikProblem.isPresent()) {
            reject(vectors, row, nikProblem.get());
            return;
        }
        String nama = RosterValues.blankToNull(field(fields, "nama"));
        if (nama == null) {
            reject(vectors, row, ValidationRule.NAMA_MISSING);
            return;
        }
        String kodeDesa = RosterValues.kodeDesa(field(fields, "kode_desa"));
        if (kodeDesa == null
                || wilayah.find(kodeDesa)
                        .map(Wilayah::level)
                        .filter(level -> level.isVillage())
                        .isEmpty()) {
            reject(vectors, row, ValidationRule.WILAYAH_UNKNOWN);
            return;
        }
        String nik = Nik.clean(rawNik);
        vectors.setString(vectors.nik, row, nik);
        vectors.setString(vectors.personKey, row, pseudonymizer.personKey(nik));
        String noKk = RosterValues.blankToNull(field(fields, "no_kk"));
        vectors.setString(vectors.noKk, row, noKk == null ? null : Nik.clean(noKk));
        vectors.setString(vectors.nama, row, nama);
        vectors.setString(vectors.namaNormalized, row, RosterValues.normalizedName(nama));
        vectors.setString(vectors.sex, row, RosterValues.sex(field(fields, "sex")));
        LocalDate birthDate = RosterValues.date(field(fields, "birth_date"), dateFormatters);
        if (birthDate == null) {
            vectors.birthDate.setNull(row);
        } else {
            vectors.birthDate.setSafe(row, (int) birthDate.toEpochDay());
        }
        vectors.setString(vectors.kodeDesa, row, kodeDesa);
        vectors.setString(vectors.rt, row, RosterValues.rtRw(field(fields, "rt")));
        vectors.setString(vectors.rw, row, RosterValues.rtRw(field(fields, "rw")));
        vectors.setString(vectors.alamat, row, RosterValues.blankToNull(field(fields, "alamat")));
        Long benefit = RosterValues.rupiah(field(fields, "benefit_rupiah"));
        if (benefit == null) {
            vectors.benefitRupiah.setNull(row);
        } else {
            vectors.benefitRupiah.setSafe(row, benefit);
        }
    }

    private void reject(Vectors vectors, int row, ValidationRule rule) {
        vectors.setString(vectors.ruleId, row, rule.id());
        vectors.setString(vectors.messageId, row, rule.messageIndonesian());
        vectors.setString(vectors.messageEn, row, rule.messageEnglish());
    }

    private String field(List<String> fields, String column) {
        Integer position = columnIndex.get(column);
        return position == null || position >= fields.size() ? null : fields.get(position);
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    protected void closeReadSource() throws IOException {
        csv.close();
    }

    private void closeQuietly() {
        try {
            csv.close();
        } catch (IOException e) {
            // the file is refused anyway
        }
    }

    /** The batch's vectors, looked up once per batch. Unset cells stay null. */
    private static final class Vectors {
        final VarCharVector period;
        final VarCharVector programCode;
        final VarCharVector sourceFile;
        final BigIntVector sourceRow;
        final VarCharVector nik;
        final VarCharVector personKey;
        final VarCharVector noKk;
        final VarCharVector nama;
        final VarCharVector namaNormalized;
        final VarCharVector sex;
        final DateDayVector birthDate;
        final VarCharVector kodeDesa;
        final VarCharVector rt;
        final VarCharVector rw;
        final VarCharVector alamat;
        final BigIntVector benefitRupiah;
        final VarCharVector ruleId;
        final VarCharVector messageId;
        final VarCharVector messageEn;
        final VarCharVector rawRecord;

        Vectors(VectorSchemaRoot root) {
            period = (VarCharVector) root.getVector("period");
            programCode = (VarCharVector) root.getVector("program_code");
            sourceFile = (VarCharVector) root.getVector("source_file");
            sourceRow = (BigIntVector) root.getVector("source_row");
            nik = (VarCharVector) root.getVector("nik");
            personKey = (VarCharVector) root.getVector("person_key");
            noKk = (VarCharVector) root.getVector("no_kk");
            nama = (VarCharVector) root.getVector("nama");
            namaNormalized = (VarCharVector) root.getVector("nama_normalized");
            sex = (VarCharVector) root.getVector("sex");
            birthDate = (DateDayVector) root.getVector("birth_date");
            kodeDesa = (VarCharVector) root.getVector("kode_desa");
            rt = (VarCharVector) root.getVector("rt");
            rw = (VarCharVector) root.getVector("rw");
            alamat = (VarCharVector) root.getVector("alamat");
            benefitRupiah = (BigIntVector) root.getVector("benefit_rupiah");
            ruleId = (VarCharVector) root.getVector("rule_id");
            messageId = (VarCharVector) root.getVector("message_id");
            messageEn = (VarCharVector) root.getVector("message_en");
            rawRecord = (VarCharVector) root.getVector("raw_record");
        }

        void setString(VarCharVector vector, int row, String value) {
            if (value == null) {
                vector.setNull(row);
            } else {
                vector.setSafe(row, value.getBytes(UTF_8));
            }
        }
    }
}
