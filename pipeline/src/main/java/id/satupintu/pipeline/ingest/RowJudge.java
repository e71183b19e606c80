package id.satupintu.pipeline.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import id.satupintu.pipeline.privacy.Pseudonymizer;
import id.satupintu.schemas.contract.LakeContracts;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Judges raw records of one source file into rows of {@link LakeContracts#INGESTED_ROW} (less the
 * period, program and file columns, the same on every row, which SQL adds): the first
 * reject rule a row breaks, or its normalized values with the flag rules it raised. The same judge
 * serves every format; what the reader knew of a cell (a number cell, a date cell) arrives as a
 * hint on the record.
 */
final class RowJudge {
    private static final Pattern PERIOD_TEXT = Pattern.compile("([0-9]{4})[-/]?([0-9]{1,2})");
    private static final ValidationRule[] RULES = ValidationRule.values();

    /** The longest value a roster field may hold, in characters; a longer one rejects its row. */
    static final int LONGEST_VALUE = 1_000;

    private final SourceDefinition source;
    private final YearMonth period;
    private final String periodText;
    private final String fileName;
    private final String kabupatenCode;
    private final WilayahTable wilayah;
    private final RegionResolver regions;
    private final Pseudonymizer pseudonymizer;
    private final List<RosterValues.DateFormat> dateFormatters;
    private final String rawSeparator;
    private final int headerSize;
    /** The header's fields up to its last named one (a trailing separator adds an empty name). */
    private final int significantHeaderSize;

    private final boolean checkFieldCount;
    private final LocalDate periodEnd;
    private final Map<String, Integer> positions = new HashMap<>();
    /** Header positions of the catalogue columns, looked up once (-1 where the file has none). */
    private final int alamatAt;

    private final int benefitRupiahAt;
    private final int birthDateAt;
    private final int desaNameAt;
    private final int desilAt;
    private final int detailAt;
    private final int eventDateAt;
    private final int eventTypeAt;
    private final int kecamatanNameAt;
    private final int kodeDesaAt;
    private final int kodeWilayahTujuanAt;
    private final int namaAt;
    private final int nikAt;
    private final int noKkAt;
    private final int periodAt;
    private final int rtAt;
    private final int rwAt;
    private final int sexAt;
    private final int sourceRecordIdAt;
    private final int[] bpsAt = new int[4];
    /** Region text as written to its Kemendagri code ("" when unknown); a file repeats a few hundred. */
    private final Map<String, String> kodeDesaByText = new java.util.concurrent.ConcurrentHashMap<>();

    RowJudge(
            SourceDefinition source,
            YearMonth period,
            String fileName,
            String kabupatenCode,
            List<String> header,
            String rawSeparator,
            WilayahTable wilayah,
            RegionResolver regions,
            Pseudonymizer pseudonymizer) {
        this.source = requireNonNull(source, "source is null");
        this.period = requireNonNull(period, "period is null");
        this.periodText = period.toString();
        this.fileName = requireNonNull(fileName, "fileName is null");
        this.kabupatenCode = kabupatenCode;
        this.wilayah = requireNonNull(wilayah, "wilayah is null");
        this.regions = requireNonNull(regions, "regions is null");
        this.pseudonymizer = requireNonNull(pseudonymizer, "pseudonymizer is null");
        this.dateFormatters = RosterValues.dateFormatters(source.dateFormats());
        this.rawSeparator = requireNonNull(rawSeparator, "rawSeparator is null");
        this.headerSize = header.size();
        int named = header.size();
        while (named > 0
                && (header.get(named - 1) == null || header.get(named - 1).isBlank())) {
            named--;
        }
        this.significantHeaderSize = named;
        this.checkFieldCount = source.format().equals(SourceDefinition.CSV);
        this.periodEnd = period.atEndOfMonth();
        Map<String, Integer> headerPositions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            headerPositions.putIfAbsent(SourceDefinition.headerKey(header.get(i)), i);
        }
        for (Map.Entry<String, List<String>> mapping : source.columns().entrySet()) {
            mapping.getValue().stream()
                    .map(SourceDefinition::headerKey)
                    .filter(headerPositions::containsKey)
                    .findFirst()
                    .ifPresent(key -> positions.put(mapping.getKey(), headerPositions.get(key)));
        }
        alamatAt = position("alamat");
        benefitRupiahAt = position("benefit_rupiah");
        birthDateAt = position("birth_date");
        desaNameAt = position("desa_name");
        desilAt = position("desil");
        detailAt = position("detail");
        eventDateAt = position("event_date");
        eventTypeAt = position("event_type");
        kecamatanNameAt = position("kecamatan_name");
        kodeDesaAt = position("kode_desa");
        kodeWilayahTujuanAt = position("kode_wilayah_tujuan");
        namaAt = position("nama");
        nikAt = position("nik");
        noKkAt = position("no_kk");
        periodAt = position("period");
        rtAt = position("rt");
        rwAt = position("rw");
        sexAt = position("sex");
        sourceRecordIdAt = position("source_record_id");
        for (int i = 0; i < 4; i++) {
            bpsAt[i] = position(SourceDefinition.BPS_COLUMNS.get(i));
        }
    }

    private int position(String column) {
        return positions.getOrDefault(column, -1);
    }

    /**
     * Judges one record: true when it is staged into {@code row}, false when it was rejected (and
     * kept in the batch's {@link Vectors#rejected}). Safe to call from several threads at once, each
     * with its own batch. The flags that need earlier rows of the file are added by
     * {@link #finishFlags}, in source order, before the batch leaves.
     */
    boolean judge(RawRecord record, Vectors vectors, int row) {
        vectors.sourceRow.setSafe(row, record.sourceRow());
        if (record.overlong()) {
            reject(record, vectors, row, ValidationRule.ROW_VALUE_TOO_LONG);
            return false;
        }
        if (record.isMalformed()) {
            reject(record, vectors, row, ValidationRule.ROW_MALFORMED);
            return false;
        }
        if (checkFieldCount && !fieldCountFits(record.values())) {
            reject(record, vectors, row, ValidationRule.ROW_FIELD_COUNT);
            return false;
        }
        Optional<ValidationRule> textProblem = textProblem(record.values());
        if (textProblem.isPresent()) {
            reject(record, vectors, row, textProblem.get());
            return false;
        }
        String rawNik = record.value(nikAt);
        Optional<ValidationRule> nikProblem = Nik.check(rawNik, record.kind(nikAt), wilayah);
        if (nikProblem.isPresent()) {
            reject(record, vectors, row, nikProblem.get());
            return false;
        }
        String nik = Nik.clean(rawNik);
        int kkAt = noKkAt;
        String rawKk = RosterValues.blankToNull(record.value(kkAt));
        String kk = rawKk == null ? null : Nik.clean(rawKk);
        if (nik.equals(kk)) {
            reject(record, vectors, row, ValidationRule.NIK_EQUALS_KK);
            return false;
        }
        String nama = RosterValues.blankToNull(record.value(namaAt));
        if (nama == null && !source.isReference()) {
            reject(record, vectors, row, ValidationRule.NAMA_MISSING);
            return false;
        }
        long flags = 0;
        String kodeDesa = null;
        String wilayahAsWritten = null;
        switch (source.isReference() ? "" : source.codeSystem()) {
            case SourceDefinition.BPS -> {
                String[] parts = bpsParts(record);
                wilayahAsWritten = String.join(
                        ".",
                        java.util.Arrays.stream(parts)
                                .map(part -> part == null ? "" : part)
                                .toList());
                kodeDesa = regions.bps(parts[0], parts[1], parts[2], parts[3]).orElse(null);
                if (kodeDesa == null) {
                    reject(record, vectors, row, ValidationRule.WILAYAH_BPS_UNKNOWN);
                    return false;
                }
            }
            case SourceDefinition.NAMES -> {
                String desa = RosterValues.blankToNull(record.value(desaNameAt));
                String kecamatan = RosterValues.blankToNull(record.value(kecamatanNameAt));
                wilayahAsWritten = desa + ", " + kecamatan;
                Optional<RegionResolver.NameMatch> match = regions.byNames(desa, kecamatan, kabupatenCode);
                if (match.isEmpty()) {
                    reject(record, vectors, row, ValidationRule.WILAYAH_NAME_UNKNOWN);
                    return false;
                }
                kodeDesa = match.get().code();
                if (match.get().outdated()) {
                    flags |= bit(ValidationRule.WILAYAH_NAME_OUTDATED);
                }
            }
            case SourceDefinition.KEMENDAGRI -> {
                kodeDesa = kodeDesa(record.value(kodeDesaAt));
                if (kodeDesa == null) {
                    reject(record, vectors, row, ValidationRule.WILAYAH_UNKNOWN);
                    return false;
                }
            }
            default -> kodeDesa = kodeDesa(record.value(kodeDesaAt));
        }
        String rowPeriod = RosterValues.blankToNull(record.value(periodAt));
        if (rowPeriod != null && !samePeriod(rowPeriod)) {
            reject(record, vectors, row, ValidationRule.PERIOD_MISMATCH);
            return false;
        }
        long desil = 0;
        if (desilAt >= 0) {
            desil = RosterValues.desil(record.value(desilAt));
            if (desil == 0) {
                reject(record, vectors, row, ValidationRule.DESIL_INVALID);
                return false;
            }
        }

        if (!regions.isKnownKabupaten(nik)) {
            flags |= bit(ValidationRule.NIK_KABUPATEN_UNKNOWN);
        }
        vectors.nikValues[row] = Long.parseLong(nik);
        vectors.nameKeys[row] = 0;
        vectors.setString(vectors.nik, row, nik);
        vectors.setString(vectors.personKey, row, pseudonymizer.personKey(nik));
        if (kk != null) {
            if (record.kind(kkAt) == RawRecord.CellKind.NUMBER) {
                flags |= bit(ValidationRule.KK_NUMERIC_CELL);
                kk = null;
            } else if (kk.length() != 16 || !Nik.isDigits(kk)) {
                flags |= bit(ValidationRule.KK_INVALID);
                kk = null;
            }
        }
        vectors.setString(vectors.noKk, row, kk);
        if (nama != null) {
            PersonName name = PersonName.of(nama);
            vectors.nameKeys[row] = NikSet.nameKey(name.normalized());
            vectors.setString(vectors.nama, row, nama);
            vectors.setString(vectors.namaNormalized, row, name.normalized());
            vectors.setString(vectors.gelar, row, name.titles());
        }
        String rawSex = RosterValues.blankToNull(record.value(sexAt));
        String sex = RosterValues.sex(rawSex);
        if (rawSex != null && sex == null) {
            flags |= bit(ValidationRule.SEX_UNREADABLE);
        } else if (sex != null && !sex.equals(Nik.sex(nik))) {
            flags |= bit(ValidationRule.SEX_NIK_MISMATCH);
        }
        vectors.setString(vectors.sex, row, sex);

        int birthAt = birthDateAt;
        String rawBirth = RosterValues.blankToNull(record.value(birthAt));
        LocalDate birthDate = null;
        if (rawBirth != null) {
            birthDate = writtenDate(record, birthAt, rawBirth);
            if (birthDate == null) {
                birthDate = RosterValues.excelSerial(rawBirth);
                if (birthDate != null) {
                    flags |= bit(ValidationRule.BIRTH_DATE_EXCEL_SERIAL);
                } else if (RosterValues.looksLikeDate(rawBirth)) {
                    flags |= bit(ValidationRule.BIRTH_DATE_IMPOSSIBLE);
                } else {
                    flags |= bit(ValidationRule.BIRTH_DATE_UNREADABLE);
                }
            }
            if (birthDate != null && birthDate.isAfter(periodEnd)) {
                flags |= bit(ValidationRule.BIRTH_DATE_FUTURE);
                birthDate = null;
            }
            if (birthDate != null) {
                if (birthDate.plusYears(110).isBefore(periodEnd)) {
                    flags |= bit(ValidationRule.BIRTH_DATE_IMPLAUSIBLE);
                }
                if (!nikEncodes(nik, birthDate)) {
                    flags |= bit(ValidationRule.NIK_BIRTH_DATE_MISMATCH);
                }
            }
        }
        setDate(vectors.birthDate, row, birthDate);
        vectors.setString(vectors.kodeDesa, row, kodeDesa);
        vectors.setString(vectors.wilayahAsWritten, row, wilayahAsWritten);

        String alamat = RosterValues.blankToNull(record.value(alamatAt));
        RtRw rtRw = rtRw(record, alamat);
        if (rtRw.unreadable()) {
            flags |= bit(ValidationRule.RT_RW_INVALID);
        }
        vectors.setString(vectors.rt, row, rtRw.rt());
        vectors.setString(vectors.rw, row, rtRw.rw());
        vectors.setString(vectors.alamat, row, alamat);

        String rawAmount = RosterValues.blankToNull(record.value(benefitRupiahAt));
        Long benefit = RosterValues.rupiah(rawAmount);
        if (rawAmount != null && benefit == null) {
            flags |= bit(ValidationRule.AMOUNT_UNREADABLE);
        }
        if (benefit == null) {
            vectors.benefitRupiah.setNull(row);
        } else {
            vectors.benefitRupiah.setSafe(row, benefit);
        }
        vectors.setString(vectors.sourceRecordId, row, RosterValues.blankToNull(record.value(sourceRecordIdAt)));

        if (source.isReference()) {
            String eventType = RosterValues.blankToNull(record.value(eventTypeAt));
            vectors.setString(vectors.eventType, row, eventType == null ? null : eventType.toUpperCase(Locale.ROOT));
            int eventAt = eventDateAt;
            String rawEvent = RosterValues.blankToNull(record.value(eventAt));
            LocalDate eventDate = null;
            if (rawEvent != null) {
                eventDate = writtenDate(record, eventAt, rawEvent);
                if (eventDate == null) {
                    flags |= bit(ValidationRule.EVENT_DATE_UNREADABLE);
                }
            }
            setDate(vectors.eventDate, row, eventDate);
            vectors.setString(
                    vectors.kodeWilayahTujuan, row, RosterValues.kodeKabupaten(record.value(kodeWilayahTujuanAt)));
            vectors.setString(vectors.detail, row, RosterValues.blankToNull(record.value(detailAt)));
            if (desil == 0) {
                vectors.desil.setNull(row);
            } else {
                vectors.desil.setSafe(row, desil);
            }
            vectors.setString(vectors.familyKey, row, kk == null ? null : pseudonymizer.familyKey(kk));
        }
        vectors.flagBits[row] = flags;
        return true;
    }

    /**
     * Adds the flags that need the rows before (a NIK already staged from an earlier row of the
     * file; among those, a NIK ending in 0 first staged under another name, the one trace of Excel's
     * lost 16th digit a single file shows) and writes the flags column of a judged batch. Called for
     * the batches in source order; {@code staged} holds the file's NIKs so far.
     */
    static void finishFlags(Vectors vectors, int rows, NikSet staged) {
        for (int row = 0; row < rows; row++) {
            long nik = vectors.nikValues[row];
            long nameKey = vectors.nameKeys[row];
            long flags = vectors.flagBits[row];
            long first = staged.putIfAbsent(nik, nameKey);
            if (first != NikSet.ABSENT) {
                flags |= bit(ValidationRule.NIK_DUPLICATE_IN_FILE);
                if (nik % 10 == 0 && first != nameKey) {
                    flags |= bit(ValidationRule.NIK_LAST_DIGIT_ZERO);
                }
            }
            vectors.setString(vectors.flags, row, flagText(flags));
        }
    }

    private String kodeDesa(String text) {
        if (text == null) {
            return null;
        }
        String code = kodeDesaByText.computeIfAbsent(
                text, key -> regions.kemendagri(key).orElse(""));
        return code.isEmpty() ? null : code;
    }

    private boolean samePeriod(String text) {
        if (text.length() == 7 && text.charAt(4) == '-') {
            return text.equals(periodText);
        }
        Matcher matcher = PERIOD_TEXT.matcher(text);
        if (!matcher.matches()) {
            return true; // a month written another way is not judged
        }
        return Integer.parseInt(matcher.group(1)) == period.getYear()
                && Integer.parseInt(matcher.group(2)) == period.getMonthValue();
    }

    /** Whether the NIK's date part (day +40 for women, two-digit year) is this date. */
    private static boolean nikEncodes(String nik, LocalDate date) {
        int day = Integer.parseInt(nik, 6, 8, 10);
        int month = Integer.parseInt(nik, 8, 10, 10);
        int year = Integer.parseInt(nik, 10, 12, 10);
        return (day > 40 ? day - 40 : day) == date.getDayOfMonth()
                && month == date.getMonthValue()
                && year == date.getYear() % 100;
    }

    /**
     * Whether a row has the header's fields: the same count, or more or fewer only by empty fields
     * at the end (a trailing separator on the header or on the rows).
     */
    private boolean fieldCountFits(List<String> values) {
        if (values.size() == headerSize) {
            return true;
        }
        if (values.size() < significantHeaderSize) {
            return false;
        }
        for (int i = significantHeaderSize; i < values.size(); i++) {
            if (values.get(i) != null && !values.get(i).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** A value too long for any roster field, or one holding characters no text has (U+FFFD, NUL). */
    private static Optional<ValidationRule> textProblem(List<String> values) {
        ValidationRule problem = null;
        for (String value : values) {
            if (value == null) {
                continue;
            }
            if (value.length() > LONGEST_VALUE) {
                return Optional.of(ValidationRule.ROW_VALUE_TOO_LONG);
            }
            if (problem == null && (value.indexOf('\uFFFD') >= 0 || value.indexOf('\0') >= 0)) {
                problem = ValidationRule.ROW_UNREADABLE_TEXT;
            }
        }
        return Optional.ofNullable(problem);
    }

    /** The raw record of a rejected row is cut to this many characters (a 16 MB field stays out of the lake). */
    static final int LONGEST_RAW_RECORD = 2_000;

    private void reject(RawRecord record, Vectors vectors, int row, ValidationRule rule) {
        String raw = record.rawText() != null
                ? record.rawText()
                : String.join(
                        rawSeparator,
                        record.values().stream()
                                .map(value -> value == null ? "" : value)
                                .toList());
        if (raw.length() > LONGEST_RAW_RECORD) {
            raw = raw.substring(0, LONGEST_RAW_RECORD) + "…[+" + (raw.length() - LONGEST_RAW_RECORD) + "]";
        }
        Identity identity = rule.id().startsWith("NIK_") && !source.isReference() ? identityOf(record) : null;
        vectors.rejected.add(new RejectedRow(record.sourceRow(), rule, raw, identity));
    }

    /**
     * What a row rejected for its NIK still says of who it is, read as leniently as the staged
     * columns (no flag, no further rule): the link step uses it to name the person the row probably
     * is. Null without a name or a known desa, which every match needs.
     */
    private Identity identityOf(RawRecord record) {
        String nama = RosterValues.blankToNull(record.value(namaAt));
        String kodeDesa = switch (source.codeSystem()) {
            case SourceDefinition.BPS -> {
                String[] parts = bpsParts(record);
                yield regions.bps(parts[0], parts[1], parts[2], parts[3]).orElse(null);
            }
            case SourceDefinition.NAMES ->
                regions.byNames(
                                RosterValues.blankToNull(record.value(desaNameAt)),
                                RosterValues.blankToNull(record.value(kecamatanNameAt)),
                                kabupatenCode)
                        .map(RegionResolver.NameMatch::code)
                        .orElse(null);
            default -> kodeDesa(record.value(kodeDesaAt));
        };
        if (nama == null || kodeDesa == null) {
            return null;
        }
        String rawKk = RosterValues.blankToNull(record.value(noKkAt));
        String kk = rawKk == null || record.kind(noKkAt) == RawRecord.CellKind.NUMBER ? null : Nik.clean(rawKk);
        if (kk != null && (kk.length() != 16 || !Nik.isDigits(kk))) {
            kk = null;
        }
        String rawBirth = RosterValues.blankToNull(record.value(birthDateAt));
        LocalDate birthDate = null;
        if (rawBirth != null) {
            birthDate = writtenDate(record, birthDateAt, rawBirth);
            if (birthDate == null) {
                birthDate = RosterValues.excelSerial(rawBirth);
            }
            if (birthDate != null && birthDate.isAfter(periodEnd)) {
                birthDate = null;
            }
        }
        String alamat = RosterValues.blankToNull(record.value(alamatAt));
        RtRw rtRw = rtRw(record, alamat);
        return new Identity(
                PersonName.of(nama).normalized(),
                RosterValues.sex(RosterValues.blankToNull(record.value(sexAt))),
                birthDate,
                kodeDesa,
                kk,
                rtRw.rt(),
                rtRw.rw(),
                alamat,
                RosterValues.blankToNull(record.value(sourceRecordIdAt)));
    }

    /** The BPS province, kabupaten, kecamatan and desa codes as the row writes them (null when blank). */
    private String[] bpsParts(RawRecord record) {
        String[] parts = new String[4];
        for (int i = 0; i < 4; i++) {
            parts[i] = RosterValues.blankToNull(record.value(bpsAt[i]));
        }
        return parts;
    }

    /** A date as the reader gave it (a date cell, ISO) or written in one of the source's formats; else null. */
    private LocalDate writtenDate(RawRecord record, int at, String raw) {
        return record.kind(at) == RawRecord.CellKind.DATE
                ? LocalDate.parse(raw)
                : RosterValues.date(raw, dateFormatters);
    }

    /**
     * The row's RT and RW, 3 digits each: from their columns, or from the address text when the row
     * gives neither; {@code unreadable} when a value given cannot be read.
     */
    private RtRw rtRw(RawRecord record, String alamat) {
        String rawRt = RosterValues.blankToNull(record.value(rtAt));
        String rawRw = RosterValues.blankToNull(record.value(rwAt));
        if (rawRt == null && rawRw == null) {
            String[] fromAddress = RosterValues.rtRwFromAddress(alamat);
            return fromAddress == null ? new RtRw(null, null, false) : new RtRw(fromAddress[0], fromAddress[1], false);
        }
        String rt = RosterValues.rtRw(rawRt);
        String rw = RosterValues.rtRw(rawRw);
        return new RtRw(rt, rw, (rawRt != null && rt == null) || (rawRw != null && rw == null));
    }

    private record RtRw(String rt, String rw, boolean unreadable) {}

    /** A rejected row's identity hints (see {@link #identityOf}); any part may be null. */
    record Identity(
            String namaNormalized,
            String sex,
            LocalDate birthDate,
            String kodeDesa,
            String noKk,
            String rt,
            String rw,
            String alamat,
            String sourceRecordId) {}

    /**
     * A rejected row: few per file, so they wait in memory for their own small Arrow stream. Rows
     * rejected for their NIK carry what else they say of the person ({@code identity}, else null).
     */
    record RejectedRow(long sourceRow, ValidationRule rule, String rawRecord, Identity identity) {
        RejectedRow {
            requireNonNull(rule, "rule is null");
            requireNonNull(rawRecord, "rawRecord is null");
        }
    }

    private static long bit(ValidationRule rule) {
        return 1L << rule.ordinal();
    }

    private static String flagText(long flags) {
        if (flags == 0) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (ValidationRule rule : RULES) {
            if ((flags & bit(rule)) != 0) {
                if (text.length() > 0) {
                    text.append(',');
                }
                text.append(rule.id());
            }
        }
        return text.toString();
    }

    private static void setDate(DateDayVector vector, int row, LocalDate date) {
        if (date == null) {
            vector.setNull(row);
        } else {
            vector.setSafe(row, (int) date.toEpochDay());
        }
    }

    /**
     * One batch being judged: its vectors, looked up once (unset cells stay null), what the judge
     * learned of each staged row for {@link #finishFlags}, and the batch's rejected rows.
     */
    static final class Vectors {
        final long[] flagBits;
        final long[] nikValues;
        final long[] nameKeys;
        final List<RejectedRow> rejected = new java.util.ArrayList<>();

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
        final VarCharVector gelar;
        final VarCharVector flags;
        final VarCharVector sourceRecordId;
        final VarCharVector wilayahAsWritten;
        final VarCharVector eventType;
        final DateDayVector eventDate;
        final VarCharVector kodeWilayahTujuan;
        final VarCharVector detail;
        final BigIntVector desil;
        final VarCharVector familyKey;

        Vectors(VectorSchemaRoot root, int batchRows) {
            flagBits = new long[batchRows];
            nikValues = new long[batchRows];
            nameKeys = new long[batchRows];
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
            gelar = (VarCharVector) root.getVector("gelar");
            flags = (VarCharVector) root.getVector("flags");
            sourceRecordId = (VarCharVector) root.getVector("source_record_id");
            wilayahAsWritten = (VarCharVector) root.getVector("wilayah_as_written");
            eventType = (VarCharVector) root.getVector("event_type");
            eventDate = (DateDayVector) root.getVector("event_date");
            kodeWilayahTujuan = (VarCharVector) root.getVector("kode_wilayah_tujuan");
            detail = (VarCharVector) root.getVector("detail");
            desil = (BigIntVector) root.getVector("desil");
            familyKey = (VarCharVector) root.getVector("family_key");
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
