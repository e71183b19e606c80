package id.satupintu.pipeline.ingest;

import static java.util.Objects.requireNonNull;

/**
 * The row-level rules of ingest. Each has a stable id (stored with every rejected row, and in the
 * {@code flags} of a staged row), a severity, and its message in Bahasa Indonesia and English. A
 * row is rejected with the first reject rule it breaks; flag rules never stop a row.
 */
public enum ValidationRule {
    ROW_FIELD_COUNT(
            Severity.REJECT,
            "Jumlah kolom baris tidak sama dengan baris judul",
            "The row has a different number of fields than the header"),
    ROW_MALFORMED(
            Severity.REJECT,
            "Baris tidak dapat diurai menjadi kolom (misalnya bukan objek JSON)",
            "The row cannot be split into fields (for example not a JSON object)"),
    ROW_VALUE_TOO_LONG(
            Severity.REJECT,
            "Baris memuat isian lebih dari 1.000 karakter (atau baris JSON lebih dari 1 juta karakter)",
            "The row holds a value longer than 1,000 characters (or a JSON line longer than a million characters)"),
    ROW_UNREADABLE_TEXT(
            Severity.REJECT,
            "Baris memuat karakter yang tidak terbaca: byte yang bukan teks dalam pengodean berkas (misalnya"
                    + " Windows-1252 di berkas UTF-8) atau karakter NUL",
            "The row holds unreadable characters: bytes that are not text in the file's encoding (Windows-1252 in"
                    + " a UTF-8 file, for example) or NUL characters"),
    NIK_MISSING(Severity.REJECT, "NIK kosong", "NIK is empty"),
    NIK_SCIENTIFIC(
            Severity.REJECT,
            "NIK tertulis dalam notasi ilmiah (rusak oleh Excel), tidak dapat dipulihkan",
            "NIK is in scientific notation (damaged by Excel) and cannot be recovered"),
    NIK_NUMERIC_CELL(
            Severity.REJECT,
            "NIK disimpan sebagai angka, bukan teks: Excel hanya menyimpan 15 digit, digit ke-16 hilang",
            "NIK is stored as a number, not text: Excel keeps 15 digits, the 16th is lost"),
    NIK_NOT_DIGITS(
            Severity.REJECT, "NIK mengandung karakter selain angka", "NIK contains characters other than digits"),
    NIK_LENGTH(Severity.REJECT, "NIK tidak 16 digit", "NIK is not 16 digits long"),
    NIK_PLACEHOLDER(
            Severity.REJECT,
            "NIK berupa angka pengisi (misalnya semua digit sama)",
            "NIK is a placeholder (for example all digits equal)"),
    NIK_PROVINCE(
            Severity.REJECT,
            "Dua digit pertama NIK bukan kode provinsi yang dikenal",
            "The first two digits of the NIK are not a known province code"),
    NIK_BIRTH_DATE(
            Severity.REJECT,
            "Bagian tanggal lahir NIK (digit 7-12) bukan tanggal yang sah",
            "The birth-date part of the NIK (digits 7-12) is not a valid date"),
    NIK_SERIAL(Severity.REJECT, "Nomor urut NIK (digit 13-16) 0000", "The NIK serial (digits 13-16) is 0000"),
    NIK_EQUALS_KK(
            Severity.REJECT,
            "NIK sama dengan No. KK (No. KK tertulis di kolom NIK)",
            "NIK equals the No. KK (the family card number was entered as NIK)"),
    NAMA_MISSING(Severity.REJECT, "Nama kosong", "Name is empty"),
    WILAYAH_UNKNOWN(
            Severity.REJECT,
            "Kode desa/kelurahan tidak dikenal dalam kode wilayah Kemendagri",
            "The desa/kelurahan code is not a known Kemendagri region code"),
    WILAYAH_BPS_UNKNOWN(
            Severity.REJECT,
            "Kode wilayah BPS tidak dikenal atau tidak ada padanannya di kode Kemendagri",
            "The BPS region code is unknown or has no Kemendagri counterpart"),
    WILAYAH_NAME_UNKNOWN(
            Severity.REJECT,
            "Nama desa/kelurahan tidak ditemukan di kecamatan yang disebut",
            "The desa/kelurahan name is not found in the kecamatan named"),
    PERIOD_MISMATCH(
            Severity.REJECT,
            "Bulan pada baris tidak sama dengan periode roster",
            "The month on the row is not the roster period"),
    DESIL_INVALID(
            Severity.REJECT,
            "Desil kosong atau bukan angka bulat 1 sampai 10",
            "The desil is empty or not a whole number from 1 to 10"),

    NIK_KABUPATEN_UNKNOWN(
            Severity.FLAG,
            "Digit 3-4 NIK bukan kode kabupaten/kota yang dikenal (mungkin kode lama sebelum pemekaran)",
            "Digits 3-4 of the NIK are not a known kabupaten/kota code (perhaps a code from before a split)"),
    NIK_BIRTH_DATE_MISMATCH(
            Severity.FLAG,
            "Tanggal lahir di NIK berbeda dengan tanggal lahir di roster (NIK yang sah bisa memuat tanggal salah)",
            "The birth date in the NIK differs from the roster's (a valid NIK may encode a wrong date)"),
    SEX_NIK_MISMATCH(
            Severity.FLAG,
            "Jenis kelamin di roster berbeda dengan yang tersirat di NIK (tanggal +40 untuk perempuan)",
            "The roster's sex differs from the one the NIK implies (day +40 for women)"),
    SEX_UNREADABLE(Severity.FLAG, "Jenis kelamin tidak terbaca", "Sex cannot be read"),
    NIK_DUPLICATE_IN_FILE(
            Severity.FLAG,
            "NIK ini sudah muncul di baris sebelumnya dalam berkas ini",
            "This NIK already appears on an earlier row of this file"),
    NIK_LAST_DIGIT_ZERO(
            Severity.FLAG,
            "NIK berakhiran 0 ini sudah muncul di baris sebelumnya dengan nama lain: kemungkinan digit ke-16 hilang"
                    + " oleh Excel",
            "This NIK ending in 0 already appears on an earlier row under another name: the 16th digit may have"
                    + " been lost in Excel"),
    KK_INVALID(
            Severity.FLAG,
            "No. KK bukan 16 digit angka; tidak disimpan",
            "The No. KK is not 16 digits; it is not kept"),
    KK_NUMERIC_CELL(
            Severity.FLAG,
            "No. KK disimpan sebagai angka (digit ke-16 hilang oleh Excel); tidak disimpan",
            "The No. KK is stored as a number (16th digit lost in Excel); it is not kept"),
    BIRTH_DATE_UNREADABLE(
            Severity.FLAG,
            "Tanggal lahir tidak dalam format yang dikenal; tidak disimpan",
            "The birth date is in no known format; it is not kept"),
    BIRTH_DATE_IMPOSSIBLE(
            Severity.FLAG,
            "Tanggal lahir tidak ada di kalender (misalnya 31/02); tidak disimpan",
            "The birth date does not exist (for example 31/02); it is not kept"),
    BIRTH_DATE_EXCEL_SERIAL(
            Severity.FLAG,
            "Tanggal lahir tertulis sebagai nomor seri Excel; dibaca sebagai tanggal",
            "The birth date is written as an Excel serial number; read as a date"),
    BIRTH_DATE_FUTURE(
            Severity.FLAG,
            "Tanggal lahir setelah akhir periode roster; tidak disimpan",
            "The birth date is after the end of the roster period; it is not kept"),
    BIRTH_DATE_IMPLAUSIBLE(Severity.FLAG, "Umur lebih dari 110 tahun", "Age is more than 110 years"),
    WILAYAH_NAME_OUTDATED(
            Severity.FLAG,
            "Nama desa/kelurahan memakai ejaan lama (Kepmendagri 2022)",
            "The desa/kelurahan name uses an outdated spelling (2022 decree)"),
    AMOUNT_UNREADABLE(
            Severity.FLAG,
            "Nominal bantuan tidak terbaca sebagai rupiah; tidak disimpan",
            "The benefit amount cannot be read as rupiah; it is not kept"),
    RT_RW_INVALID(
            Severity.FLAG,
            "RT/RW bukan angka 1-3 digit; tidak disimpan",
            "RT/RW is not a 1-3 digit number; it is not kept"),
    EVENT_DATE_UNREADABLE(
            Severity.FLAG,
            "Tanggal peristiwa tidak terbaca; tidak disimpan",
            "The event date cannot be read; it is not kept");

    private final Severity severity;
    private final String messageIndonesian;
    private final String messageEnglish;

    ValidationRule(Severity severity, String messageIndonesian, String messageEnglish) {
        this.severity = requireNonNull(severity, "severity is null");
        this.messageIndonesian = requireNonNull(messageIndonesian, "messageIndonesian is null");
        this.messageEnglish = requireNonNull(messageEnglish, "messageEnglish is null");
    }

    public String id() {
        return name();
    }

    public Severity severity() {
        return severity;
    }

    public String messageIndonesian() {
        return messageIndonesian;
    }

    public String messageEnglish() {
        return messageEnglish;
    }

    public enum Severity {
        /** The row is not staged; it goes to the rejected lake with this rule. */
        REJECT,
        /** The row is staged and the finding is recorded in its flags. */
        FLAG
    }
}
