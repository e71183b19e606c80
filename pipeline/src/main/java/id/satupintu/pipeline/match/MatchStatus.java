package id.satupintu.pipeline.match;

import java.util.Locale;

/** What the warehouse knows of one row of a list, with its label in the output in both languages. */
public enum MatchStatus {
    /** An equal valid NIK, or a match by name, birth date, desa and NIK in the match band. */
    FOUND(
            "DITEMUKAN",
            "FOUND",
            "orang ini ada di roster periode itu (NIK sama, atau nama, tanggal lahir, desa dan NIK cocok)",
            "this person is on a roster of the month (the same NIK, or name, birth date, desa and NIK agree)"),
    /** The best candidate is in the review band: a person should look. */
    POSSIBLE(
            "MUNGKIN",
            "POSSIBLE",
            "mungkin orang ini; periksa dahulu sebelum memakai hasilnya",
            "possibly this person; check before using the result"),
    /** No roster row of the month is this person. */
    NOT_FOUND(
            "TIDAK DITEMUKAN",
            "NOT FOUND",
            "tidak ada di roster program mana pun pada periode itu",
            "on no program roster of the month");

    private final String labelIndonesian;
    private final String labelEnglish;
    private final String meaningIndonesian;
    private final String meaningEnglish;

    MatchStatus(String labelIndonesian, String labelEnglish, String meaningIndonesian, String meaningEnglish) {
        this.labelIndonesian = labelIndonesian;
        this.labelEnglish = labelEnglish;
        this.meaningIndonesian = meaningIndonesian;
        this.meaningEnglish = meaningEnglish;
    }

    public String label(Locale locale) {
        return english(locale) ? labelEnglish : labelIndonesian;
    }

    public String meaning(Locale locale) {
        return english(locale) ? meaningEnglish : meaningIndonesian;
    }

    static boolean english(Locale locale) {
        return locale.getLanguage().equals("en");
    }
}
