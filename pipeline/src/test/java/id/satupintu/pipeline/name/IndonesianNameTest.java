package id.satupintu.pipeline.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndonesianNameTest {
    @Test
    void splitsFrontAndBackTitlesIntoTheirOwnFields() {
        IndonesianName name = IndonesianName.parse("Drs. H. Muhammad Soeharto, S.Pd., M.M.");

        assertThat(name.frontTitles()).containsExactly("DRS", "H");
        assertThat(name.personalName()).isEqualTo("MUHAMMAD SOEHARTO");
        assertThat(name.backTitles()).containsExactly("SPD", "MM");
        assertThat(name.matchKey()).isEqualTo("MUHAMAD SUHARTO");
    }

    @Test
    void stripsADottedDegreeWithoutACommaButKeepsATwoLetterWordWithoutDots() {
        assertThat(IndonesianName.parse("AHMAD FAUZI S.E.").backTitles()).containsExactly("SE");
        assertThat(IndonesianName.parse("AHMAD FAUZI S.E.").personalName()).isEqualTo("AHMAD FAUZI");
        assertThat(IndonesianName.parse("LIE SE").personalName()).isEqualTo("LIE SE");
        assertThat(IndonesianName.parse("LIE SE").backTitles()).isEmpty();
    }

    @Test
    void neverStripsTheOnlyWordOfAName() {
        IndonesianName name = IndonesianName.parse("HAJI");

        assertThat(name.frontTitles()).isEmpty();
        assertThat(name.personalName()).isEqualTo("HAJI");
    }

    @Test
    void foldsTheMuhammadFamilyIntoOneToken() {
        for (String written : List.of("MUHAMMAD", "Mohamad", "MOCH.", "Moh", "M.", "MHD", "MOCHAMMAD", "MUH")) {
            assertThat(IndonesianName.parse(written + " YUSUF").matchKey())
                    .as(written)
                    .isEqualTo("MUHAMAD YUSUP");
        }
    }

    @Test
    void splitsAnAbbreviationGluedToTheNextWordByADot() {
        IndonesianName name = IndonesianName.parse("H.M.YUSUF");

        assertThat(name.frontTitles()).containsExactly("H");
        assertThat(name.personalName()).isEqualTo("M YUSUF");
        assertThat(name.matchKey()).isEqualTo("MUHAMAD YUSUP");
    }

    @Test
    void writesOldSpellingsAsTheirEydForm() {
        assertThat(IndonesianName.key("SOEHARTO")).isEqualTo(IndonesianName.key("SUHARTO"));
        assertThat(IndonesianName.key("DJOKO"))
                .isEqualTo(IndonesianName.key("JOKO"))
                .isEqualTo("YOKO");
        assertThat(IndonesianName.key("TJAHJO"))
                .isEqualTo(IndonesianName.key("CAHYO"))
                .isEqualTo("CAHYO");
        assertThat(IndonesianName.key("SJAMSUL"))
                .isEqualTo(IndonesianName.key("SYAMSUL"))
                .isEqualTo(IndonesianName.key("SAMSUL"))
                .isEqualTo("SAMSUL");
        assertThat(IndonesianName.key("ACHMAD"))
                .isEqualTo(IndonesianName.key("AKHMAD"))
                .isEqualTo(IndonesianName.key("AHMAD"))
                .isEqualTo("AHMAD");
        assertThat(IndonesianName.key("NJOMAN")).isEqualTo("NYOMAN");
    }

    @Test
    void foldsLetterVariantsAndDoubledLetters() {
        assertThat(IndonesianName.key("YUSUF"))
                .isEqualTo(IndonesianName.key("JUSUF"))
                .isEqualTo("YUSUP");
        assertThat(IndonesianName.key("SAEFUL"))
                .isEqualTo(IndonesianName.key("SAIFUL"))
                .isEqualTo(IndonesianName.key("SYAIFUL"))
                .isEqualTo("SAIPUL");
        assertThat(IndonesianName.key("TAUFIQ"))
                .isEqualTo(IndonesianName.key("TOPIK"))
                .isEqualTo("TAUPIK");
        assertThat(IndonesianName.key("SITTI")).isEqualTo("SITI");
        assertThat(IndonesianName.key("ABDOEL"))
                .isEqualTo(IndonesianName.key("ABD"))
                .isEqualTo("ABDUL");
        assertThat(IndonesianName.key("RAMADHAN")).isEqualTo(IndonesianName.key("ROMADHON"));
        assertThat(IndonesianName.key("ALLAH")).isEqualTo("ALAH");
    }

    @Test
    void weighsBalineseBirthOrderGenderAndCasteWordsLittle() {
        IndonesianName name = IndonesianName.parse("I Gusti Ngurah Made Sudirta");

        assertThat(name.tokens()).extracting(NameToken::weight).containsExactly(0.1, 0.1, 0.1, 0.1, 1.0);
        assertThat(name.distinctiveKey()).isEqualTo("SUDIRTA");
        assertThat(IndonesianName.parse("NI LUH PUTU SUDIRTA").distinctiveKey()).isEqualTo("SUDIRTA");
    }

    @Test
    void keepsTheWholeKeyWhenEveryWordIsAMarker() {
        IndonesianName name = IndonesianName.parse("NI LUH PUTU AYU");

        assertThat(name.distinctiveKey()).isEqualTo("NI LUH PUTU AYU");
    }

    @Test
    void leavesConnectorsOutOfTheKeyAndCommonWordsOutOfTheDistinctiveKey() {
        IndonesianName name = IndonesianName.parse("SITI NURHAYATI BINTI ABDOEL GHANI");

        assertThat(name.personalName()).isEqualTo("SITI NURHAYATI BINTI ABDOEL GHANI");
        assertThat(name.matchKey()).isEqualTo("SITI NURHAYATI ABDUL GHANI");
        assertThat(name.distinctiveKey()).isEqualTo("NURHAYATI GHANI");
        assertThat(name.tokens()).extracting(NameToken::weight).containsExactly(0.3, 1.0, 0.0, 0.3, 1.0);
    }

    @Test
    void keepsNameWordsWrittenAfterACommaThatAreNoDegree() {
        IndonesianName name = IndonesianName.parse("AMINAH, SITI");

        assertThat(name.personalName()).isEqualTo("AMINAH SITI");
        assertThat(name.backTitles()).isEmpty();
    }

    @Test
    void dropsApostrophesAccentsAndHyphens() {
        assertThat(IndonesianName.parse("Ma'ruf Amin-Sé").personalName()).isEqualTo("MARUF AMIN SE");
    }

    @Test
    void parsesNothingIntoTheEmptyName() {
        assertThat(IndonesianName.parse(null)).isEqualTo(new IndonesianName(List.of(), "", List.of(), List.of()));
        assertThat(IndonesianName.parse("  ").matchKey()).isEmpty();
    }
}
