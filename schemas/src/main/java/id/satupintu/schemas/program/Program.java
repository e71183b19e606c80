package id.satupintu.schemas.program;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Optional;

/**
 * The social-assistance programs SatuPintu knows. The code is what appears in the lake path
 * ({@code program=PKH}) and in every warehouse table.
 */
public enum Program {
    PKH("PKH", "Program Keluarga Harapan", "Family Hope Program", BenefitUnit.FAMILY, FundingSource.APBN),
    BPNT(
            "BPNT",
            "Bantuan Pangan Non Tunai / Program Sembako",
            "Non-cash food assistance",
            BenefitUnit.FAMILY,
            FundingSource.APBN),
    BLT_DD("BLT_DD", "BLT Dana Desa", "Village-fund cash transfer", BenefitUnit.FAMILY, FundingSource.DANA_DESA),
    PBI_JK(
            "PBI_JK",
            "KIS / PBI Jaminan Kesehatan",
            "Health-insurance premium subsidy",
            BenefitUnit.PERSON,
            FundingSource.APBN),
    LISTRIK("LISTRIK", "Subsidi Listrik", "Electricity subsidy", BenefitUnit.CUSTOMER, FundingSource.APBN),
    /** The kabupaten's own scheme: a monthly allowance for elderly residents of poor households. */
    BANSOS_DAERAH(
            "BANSOS_DAERAH",
            "Bantuan Sosial Daerah (santunan lansia)",
            "Regional social assistance (elderly allowance)",
            BenefitUnit.PERSON,
            FundingSource.APBD);

    private final String code;
    private final String nameIndonesian;
    private final String nameEnglish;
    private final BenefitUnit unit;
    private final FundingSource fundingSource;

    Program(String code, String nameIndonesian, String nameEnglish, BenefitUnit unit, FundingSource fundingSource) {
        this.code = requireNonNull(code, "code is null");
        this.nameIndonesian = requireNonNull(nameIndonesian, "nameIndonesian is null");
        this.nameEnglish = requireNonNull(nameEnglish, "nameEnglish is null");
        this.unit = requireNonNull(unit, "unit is null");
        this.fundingSource = requireNonNull(fundingSource, "fundingSource is null");
    }

    public String code() {
        return code;
    }

    public String nameIndonesian() {
        return nameIndonesian;
    }

    public String nameEnglish() {
        return nameEnglish;
    }

    public BenefitUnit unit() {
        return unit;
    }

    public FundingSource fundingSource() {
        return fundingSource;
    }

    public static Optional<Program> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }

    /** Who one roster row stands for. */
    public enum BenefitUnit {
        /** One row per family (KPM), listed under its pengurus. */
        FAMILY,
        /** One row per person. */
        PERSON,
        /** One row per utility customer (a household's meter). */
        CUSTOMER
    }

    public enum FundingSource {
        APBN,
        APBD,
        DANA_DESA
    }
}
