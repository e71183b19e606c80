package id.satupintu.pipeline.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NikFaultTest {
    private static final long NIK = 5108011234560001L;

    @Test
    void scientificNotationKeepsSixSignificantDigitsLikeExcel() {
        assertThat(NikFault.scientific(NIK)).isEqualTo("5.10801E+15");
        assertThat(NikFault.scientific(5108000000000001L)).isEqualTo("5.108E+15");
        assertThat(NikFault.scientific(3209015508990003L)).isEqualTo("3.20902E+15");
        assertThat(NikFault.scientific(5000000000000000L)).isEqualTo("5E+15");
    }

    @Test
    void lengthFaultDropsTheLastDigit() {
        assertThat(NikFault.NIK_LENGTH.damage(NIK, new SplittableRandom(1))).isEqualTo("510801123456000");
    }

    @Test
    void placeholderIsSixteenZeros() {
        assertThat(NikFault.NIK_PLACEHOLDER.damage(NIK, new SplittableRandom(1)))
                .isEqualTo("0000000000000000");
    }

    @Test
    void notDigitsReplacesOneDigitWithALetter() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 100; i++) {
            String damaged = NikFault.NIK_NOT_DIGITS.damage(NIK, random);
            assertThat(damaged).hasSize(16).matches("\\d*[A-Z]\\d*");
        }
    }
}
