package id.satupintu.pipeline.ingest;

import static java.util.Objects.requireNonNull;

/**
 * The row-level rules of ingest. Each has a stable id (stored with every rejected row), a
 * severity, and its message in Bahasa Indonesia and English.
 */
public enum ValidationRule {
    ROW_FIELD_COUNT(
            Severity.REJECT,
            "Jumlah kolom baris tidak sama dengan baris judul",
            "The row has a different number of fields than the header"),
    NIK_MISSING(Severity.REJECT, "NIK kosong", "NIK is empty"),
    NIK_SCIENTIFIC(
            Severity.REJECT,
            "NIK tertulis dalam notasi ilmiah (rusak oleh Excel), tidak dapat dipulihkan",
            "NIK is in scientific notation (damaged by Excel) and cannot be recovered"),
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
    NAMA_MISSING(Severity.REJECT, "Nama kosong", "Name is empty"),
    WILAYAH_UNKNOWN(
            Severity.REJECT,
            "Kode desa/kelurahan tidak dikenal dalam kode wilayah Kemendagri",
            "The desa/kelurahan code is not a known Kemendagri region code");

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
        /** The row is staged and the finding is recorded. */
        FLAG
    }
}
