package id.satupintu.pipeline.ujipublik;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameMaskTest {
    @Test
    void showsTheFirstLetterOfEachWordAndThreeAsterisks() {
        assertThat(NameMask.mask("SITI NURHAYATI")).isEqualTo("S*** N***");
        assertThat(NameMask.mask("I WAYAN SUDARMA")).isEqualTo("I W*** S***");
        assertThat(NameMask.mask("  ni  luh   putu ")).isEqualTo("N*** L*** P***");
        assertThat(NameMask.mask("AN")).isEqualTo("A***");
    }

    @Test
    void hidesWhateverWasTypedIntoTheNameField() {
        assertThat(NameMask.mask("5108014501900003")).isEqualTo("5***");
        assertThat(NameMask.mask("=HYPERLINK(\"x\")")).isEqualTo("=***");
        assertThat(NameMask.mask(null)).isEqualTo("-");
        assertThat(NameMask.mask(" ")).isEqualTo("-");
    }
}
