package id.satupintu.pipeline.ingest;

import static java.util.Objects.requireNonNull;

import id.satupintu.schemas.wilayah.WilayahTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a list of people from outside the rosters (a desa's proposed BLT list, say) to be checked
 * against the warehouse: an XLSX or CSV file, through the ingest's format readers, whose header
 * names at least a NIK and a name column, and may name a birth date, the desa (a Kemendagri code or
 * a name, with or without the kecamatan) and the No. KK. Headers are matched whatever their case,
 * spaces, underscores, dots or slashes ({@code No. KK}, {@code no_kk}, {@code NOKK}), against the
 * header names of the source catalogue and a few more a list may use.
 *
 * <p>No row is refused: the ingest's rules judge each value and what they find (an invalid NIK
 * and its rule, an unreadable birth date, an unknown desa) is kept on the row with the values as
 * written. A file that cannot be read, or whose header names no NIK or no name, is refused.
 */
public final class ListReader {
    public static final String NIK = "nik";
    public static final String NAMA = "nama";
    public static final String BIRTH_DATE = "birth_date";
    public static final String KODE_DESA = "kode_desa";
    public static final String DESA_NAME = "desa_name";
    public static final String KECAMATAN_NAME = "kecamatan_name";
    public static final String NO_KK = "no_kk";

    /** The headers a list may give each column, most telling first; the catalogue's names follow. */
    private static final Map<String, List<String>> LIST_HEADERS = Map.of(
            NIK,
            List.of("NIK", "NO NIK", "NOMOR NIK", "NIK KTP", "NIK PENERIMA", "NOMOR INDUK KEPENDUDUKAN"),
            NAMA,
            List.of("NAMA", "NAMA LENGKAP", "NAMA PENERIMA", "NAMA CALON PENERIMA", "NAMA KPM", "NAMA WARGA"),
            BIRTH_DATE,
            List.of("TGL LAHIR", "TANGGAL LAHIR", "TGL LHR"),
            KODE_DESA,
            List.of("KODE DESA", "KODE WILAYAH", "KODE DESA KELURAHAN", "KODE KELURAHAN", "KD DESA"),
            DESA_NAME,
            List.of("DESA", "DESA KELURAHAN", "NAMA DESA", "KELURAHAN", "DESA KEL"),
            KECAMATAN_NAME,
            List.of("KECAMATAN", "NAMA KECAMATAN", "KEC"),
            NO_KK,
            List.of("NO KK", "NOMOR KK", "NO KARTU KELUARGA", "NOMOR KARTU KELUARGA", "KK"));

    /** Date patterns a list's birth dates are tried with (a date cell needs none). */
    private static final List<String> DATE_PATTERNS = List.of("d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-M-d");

    private final RegionResolver regions;
    private final WilayahTable wilayah;
    private final Map<String, List<String>> headers;
    private final List<RosterValues.DateFormat> dateFormats = RosterValues.dateFormatters(DATE_PATTERNS);

    public ListReader(WilayahTable wilayah) {
        this.wilayah = requireNonNull(wilayah, "wilayah is null");
        this.regions = new RegionResolver(wilayah);
        this.headers = headerNames(SourceCatalogue.defaults());
    }

    /** A list as read: its file name, header, the columns found (column → header as written), its rows. */
    public record ListFile(String fileName, List<String> header, Map<String, String> columns, List<ListRow> rows) {
        public ListFile {
            requireNonNull(fileName, "fileName is null");
            header = List.copyOf(header);
            columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
            rows = List.copyOf(rows);
        }
    }

    /**
     * One data row of a list: the record as read (values as written, spreadsheet row number, cell
     * kinds) and its values judged and normalized as ingest does.
     *
     * @param nik the NIK cleaned of spaces, dots and a leading quote when it is 16 digits (also when
     *     a rule finds it invalid: a mistyped NIK still resembles the right one); null otherwise, and
     *     for a placeholder or a No. KK in the NIK column
     * @param nikRule the first ingest rule the NIK breaks; null for a valid NIK
     * @param nama the name upper case with single spaces and titles removed; null when blank
     * @param kodeDesa the Kemendagri desa code the row names, by code or by name; null when none
     * @param noKk the No. KK when it is 16 digits written as text; null otherwise
     * @param findings what else the ingest rules found on the row (name missing, birth date
     *     unreadable, desa unknown, No. KK invalid), in the order of the columns
     */
    public record ListRow(
            RawRecord record,
            String nik,
            ValidationRule nikRule,
            String nama,
            LocalDate birthDate,
            String kodeDesa,
            String noKk,
            List<ValidationRule> findings) {
        public ListRow {
            requireNonNull(record, "record is null");
            findings = List.copyOf(findings);
        }

        /** The row number a spreadsheet shows (the header on row 1 puts the first data row on row 2). */
        public long sourceRow() {
            return record.sourceRow();
        }

        /** Whether the NIK passes every ingest rule, so that an equal NIK is the same person. */
        public boolean nikValid() {
            return nik != null && nikRule == null;
        }
    }

    /**
     * Reads a list. {@code kabupatenCode} is the kabupaten/kota whose desa names a desa column may
     * hold (a desa named without its kecamatan must be unique in it); null to resolve codes only.
     */
    public ListFile read(Path file, String kabupatenCode) throws RosterFileRefusedException {
        String fileName = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new RosterFileRefusedException(fileName, "berkas tidak ada", "the file does not exist");
        }
        SourceDefinition source = source(fileName);
        RecordReader opened;
        try {
            opened = RecordReader.open(file, source);
        } catch (RosterFileRefusedException e) {
            if (e.reasonEnglish().startsWith("required columns not found")) {
                throw new RosterFileRefusedException(
                        fileName,
                        "kolom NIK tidak ditemukan di " + source.headerSearchRows()
                                + " baris pertama; nama kolom yang dikenal: " + LIST_HEADERS.get(NIK),
                        "no NIK column in the first " + source.headerSearchRows() + " rows; known column names: "
                                + LIST_HEADERS.get(NIK));
            }
            throw e;
        }
        try (RecordReader reader = opened) {
            List<String> header = reader.header();
            Map<String, Integer> positions = positions(header);
            if (!positions.containsKey(NAMA)) {
                throw new RosterFileRefusedException(
                        fileName,
                        "kolom nama tidak ditemukan di baris judul; nama kolom yang dikenal: " + headers.get(NAMA),
                        "no name column in the header row; known column names: " + headers.get(NAMA));
            }
            Map<String, String> columns = new LinkedHashMap<>();
            positions.forEach((column, position) -> columns.put(column, header.get(position)));
            List<ListRow> rows = new ArrayList<>();
            for (RawRecord record = reader.next(); record != null; record = reader.next()) {
                rows.add(judge(record, positions, kabupatenCode));
            }
            if (rows.isEmpty()) {
                throw new RosterFileRefusedException(
                        fileName, "tidak ada baris data di bawah baris judul", "no data rows below the header row");
            }
            return new ListFile(fileName, header, columns, rows);
        } catch (IOException e) {
            throw new RosterFileRefusedException(
                    fileName,
                    "berkas tidak dapat dibaca: " + e.getMessage(),
                    "the file cannot be read: " + e.getMessage());
        }
    }

    private static SourceDefinition source(String fileName) throws RosterFileRefusedException {
        String lower = fileName.toLowerCase(Locale.ROOT);
        String format;
        if (lower.endsWith(".xlsx")) {
            format = SourceDefinition.XLSX;
        } else if (lower.endsWith(".csv")) {
            format = SourceDefinition.CSV;
        } else if (lower.endsWith(".xls")) {
            throw new RosterFileRefusedException(
                    fileName,
                    "berkas Excel 97-2003 (.xls) tidak dibaca; simpan sebagai .xlsx",
                    "Excel 97-2003 files (.xls) are not read; save it as .xlsx");
        } else {
            throw new RosterFileRefusedException(
                    fileName, "hanya berkas .xlsx dan .csv yang dibaca", "only .xlsx and .csv files are read");
        }
        // a reference-kind definition requires only the NIK to find the header row, under the names a
        // list gives it written with spaces, underscores, dots or nothing between the words; the name
        // column is checked once the header is known
        List<String> nikHeaders = new ArrayList<>();
        for (String name : LIST_HEADERS.get(NIK)) {
            for (String joiner : List.of(" ", "_", ".", ". ", "")) {
                nikHeaders.add(name.replace(" ", joiner));
            }
        }
        return new SourceDefinition(
                "daftar",
                SourceDefinition.REFERENCE,
                null,
                "DAFTAR",
                "*",
                format,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                Map.of(NIK, List.copyOf(new LinkedHashSet<>(nikHeaders))),
                null,
                null);
    }

    /** Each column's header names: the list's own first, then the catalogue's, without repeats. */
    private static Map<String, List<String>> headerNames(SourceCatalogue catalogue) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (String column : List.of(NIK, NAMA, BIRTH_DATE, KODE_DESA, DESA_NAME, KECAMATAN_NAME, NO_KK)) {
            Map<String, String> byKey = new LinkedHashMap<>();
            for (String name : LIST_HEADERS.get(column)) {
                byKey.putIfAbsent(columnKey(name), name);
            }
            for (SourceDefinition source : catalogue.sources()) {
                for (String name : source.columns().getOrDefault(column, List.of())) {
                    byKey.putIfAbsent(columnKey(name), name.toUpperCase(Locale.ROOT));
                }
            }
            names.put(column, List.copyOf(byKey.values()));
        }
        return names;
    }

    /** Header position of each column the header names; a column takes its most telling header name. */
    private Map<String, Integer> positions(List<String> header) {
        Map<String, Integer> byKey = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byKey.putIfAbsent(columnKey(header.get(i)), i);
        }
        Map<String, Integer> positions = new LinkedHashMap<>();
        Set<Integer> taken = new java.util.HashSet<>();
        headers.forEach((column, names) -> names.stream()
                .map(name -> byKey.get(columnKey(name)))
                .filter(position -> position != null && !taken.contains(position))
                .findFirst()
                .ifPresent(position -> {
                    positions.put(column, position);
                    taken.add(position);
                }));
        return positions;
    }

    /** A header as compared: its letters and digits, upper case ({@code No. KK}, {@code no_kk}: {@code NOKK}). */
    static String columnKey(String header) {
        if (header == null) {
            return "";
        }
        StringBuilder key = new StringBuilder(header.length());
        header.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString().toUpperCase(Locale.ROOT);
    }

    private ListRow judge(RawRecord record, Map<String, Integer> positions, String kabupatenCode) {
        List<ValidationRule> findings = new ArrayList<>();
        int nikAt = positions.getOrDefault(NIK, -1);
        String rawNik = record.value(nikAt);
        String rawKk = RosterValues.blankToNull(record.value(positions.getOrDefault(NO_KK, -1)));
        String kk = rawKk == null ? null : Nik.clean(rawKk);
        ValidationRule nikRule = Nik.check(rawNik, record.kind(nikAt), wilayah).orElse(null);
        String nik = Nik.clean(rawNik);
        if (nikRule == null && nik.equals(kk)) {
            nikRule = ValidationRule.NIK_EQUALS_KK;
        }
        if (nik.length() != 16
                || !Nik.isDigits(nik)
                || nikRule == ValidationRule.NIK_PLACEHOLDER
                || nikRule == ValidationRule.NIK_EQUALS_KK) {
            nik = null;
        }

        String rawName = RosterValues.blankToNull(record.value(positions.getOrDefault(NAMA, -1)));
        String nama = rawName == null ? null : PersonName.of(rawName).normalized();
        if (nama == null) {
            findings.add(ValidationRule.NAMA_MISSING);
        }

        LocalDate birthDate = birthDate(record, positions.getOrDefault(BIRTH_DATE, -1), findings);
        String kodeDesa = kodeDesa(record, positions, kabupatenCode, findings);

        if (kk != null) {
            if (record.kind(positions.get(NO_KK)) == RawRecord.CellKind.NUMBER) {
                findings.add(ValidationRule.KK_NUMERIC_CELL);
                kk = null;
            } else if (kk.length() != 16 || !Nik.isDigits(kk)) {
                findings.add(ValidationRule.KK_INVALID);
                kk = null;
            }
        }
        return new ListRow(record, nik, nikRule, nama, birthDate, kodeDesa, kk, findings);
    }

    private LocalDate birthDate(RawRecord record, int position, List<ValidationRule> findings) {
        String raw = RosterValues.blankToNull(record.value(position));
        if (raw == null) {
            return null;
        }
        if (record.kind(position) == RawRecord.CellKind.DATE) {
            return LocalDate.parse(raw);
        }
        LocalDate date = RosterValues.date(raw, dateFormats);
        if (date != null) {
            return date;
        }
        date = RosterValues.excelSerial(raw);
        if (date != null) {
            findings.add(ValidationRule.BIRTH_DATE_EXCEL_SERIAL);
            return date;
        }
        findings.add(
                RosterValues.looksLikeDate(raw)
                        ? ValidationRule.BIRTH_DATE_IMPOSSIBLE
                        : ValidationRule.BIRTH_DATE_UNREADABLE);
        return null;
    }

    /** The desa by its code, else by its name (within the kecamatan when the list names it). */
    private String kodeDesa(
            RawRecord record, Map<String, Integer> positions, String kabupatenCode, List<ValidationRule> findings) {
        String code = RosterValues.blankToNull(record.value(positions.getOrDefault(KODE_DESA, -1)));
        if (code != null) {
            Optional<String> known = regions.kemendagri(code);
            if (known.isEmpty()) {
                findings.add(ValidationRule.WILAYAH_UNKNOWN);
            }
            return known.orElse(null);
        }
        String desa = RosterValues.blankToNull(record.value(positions.getOrDefault(DESA_NAME, -1)));
        if (desa == null) {
            return null;
        }
        Optional<String> written = regions.kemendagri(desa);
        if (written.isPresent()) {
            return written.get();
        }
        String kecamatan = RosterValues.blankToNull(record.value(positions.getOrDefault(KECAMATAN_NAME, -1)));
        Optional<RegionResolver.NameMatch> match = kecamatan == null
                ? regions.byDesaName(desa, kabupatenCode)
                : regions.byNames(desa, kecamatan, kabupatenCode);
        if (match.isEmpty()) {
            findings.add(ValidationRule.WILAYAH_NAME_UNKNOWN);
            return null;
        }
        if (match.get().outdated()) {
            findings.add(ValidationRule.WILAYAH_NAME_OUTDATED);
        }
        return match.get().code();
    }
}
