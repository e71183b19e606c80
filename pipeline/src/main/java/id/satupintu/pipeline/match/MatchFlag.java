package id.satupintu.pipeline.match;

import java.util.Locale;

/**
 * Something a Dinas Sosial officer should know about one row of a list, with its label in the
 * output in both languages. A row carries its flags in this order.
 */
public enum MatchFlag {
    /** Dukcapil reported the person's death. */
    DECEASED(
            "MENINGGAL",
            "DECEASED",
            "Dukcapil melaporkan orang ini meninggal",
            "Dukcapil reported this person's death"),
    /** Dukcapil reported the person moved out of the kabupaten. */
    MOVED_OUT(
            "PINDAH",
            "MOVED_OUT",
            "Dukcapil melaporkan orang ini pindah keluar kabupaten/kota",
            "Dukcapil reported this person moved out of the kabupaten/kota"),
    /** Another row of the list is the same person. */
    DUPLICATE_IN_LIST(
            "GANDA_DALAM_DAFTAR",
            "DUPLICATE_IN_LIST",
            "baris lain dalam daftar ini adalah orang yang sama",
            "another row of this list is the same person"),
    /** The NIK breaks an ingest rule (the rule is in the notes). */
    INVALID_NIK(
            "NIK_TIDAK_VALID",
            "INVALID_NIK",
            "NIK melanggar aturan NIK (aturannya di keterangan); tidak dipakai sebagai bukti pasti",
            "the NIK breaks a NIK rule (the rule is in the notes); it is not taken as proof"),
    /** The NIK equals the person's on 15 digits and ends in 0: Excel dropped the 16th digit. */
    EXCEL_DAMAGED_NIK(
            "NIK_RUSAK_EXCEL",
            "EXCEL_DAMAGED_NIK",
            "NIK sama dengan NIK orang ini di roster pada 15 digit pertama dan berakhiran 0: digit ke-16 hilang"
                    + " oleh Excel",
            "the NIK equals this person's NIK on the rosters in its first 15 digits and ends in 0: Excel dropped"
                    + " the 16th digit"),
    /** The person was found by name, birth date and desa, under another NIK. */
    NIK_DIFFERS(
            "NIK_BERBEDA",
            "NIK_DIFFERS",
            "orang ini ditemukan dengan nama, tanggal lahir dan desa, tetapi NIK-nya di roster berbeda",
            "this person was found by name, birth date and desa, but their NIK on the rosters differs"),
    /** The NIK is on roster rows of someone whose name, birth date and desa all differ. */
    NIK_GANDA(
            "NIK_GANDA",
            "NIK_GANDA",
            "NIK ini tercatat di roster untuk orang lain (nama, tanggal lahir dan desa berbeda)",
            "this NIK is on roster rows of someone else (name, birth date and desa differ)"),
    /** Not on any roster of the month. */
    NOT_FOUND(
            "TIDAK_DITEMUKAN",
            "NOT_FOUND",
            "tidak ditemukan di roster periode itu",
            "not found on the rosters of the month");

    private final String labelIndonesian;
    private final String labelEnglish;
    private final String meaningIndonesian;
    private final String meaningEnglish;

    MatchFlag(String labelIndonesian, String labelEnglish, String meaningIndonesian, String meaningEnglish) {
        this.labelIndonesian = labelIndonesian;
        this.labelEnglish = labelEnglish;
        this.meaningIndonesian = meaningIndonesian;
        this.meaningEnglish = meaningEnglish;
    }

    public String label(Locale locale) {
        return MatchStatus.english(locale) ? labelEnglish : labelIndonesian;
    }

    public String meaning(Locale locale) {
        return MatchStatus.english(locale) ? meaningEnglish : meaningIndonesian;
    }
}
