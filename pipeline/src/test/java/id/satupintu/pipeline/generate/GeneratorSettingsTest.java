package id.satupintu.pipeline.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class GeneratorSettingsTest {
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @Test
    void defaultsSimulateBulelengAtFullScale() {
        assertThat(GeneratorSettings.defaults("51.08", OCTOBER))
                .isEqualTo(new GeneratorSettings("51.08", OCTOBER, 1, 828_156, 20261123L, 0.005));
    }

    @Test
    void defaultsUseOneHundredThousandPersonsWithoutPopulationData() {
        assertThat(GeneratorSettings.defaults("11.01", OCTOBER).persons()).isEqualTo(100_000);
    }

    @Test
    void rejectsAProvinceOrAKecamatanCode() {
        assertThatThrownBy(() -> new GeneratorSettings("51", OCTOBER, 1, 10, 1L, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("51");
        assertThatThrownBy(() -> new GeneratorSettings("51.08.01", OCTOBER, 1, 10, 1L, 0.0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAnUnknownKabupaten() {
        assertThatThrownBy(() -> new GeneratorSettings("51.99", OCTOBER, 1, 10, 1L, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown kabupaten/kota code: 51.99");
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> new GeneratorSettings("51.08", OCTOBER, 0, 10, 1L, 0.0))
                .hasMessageContaining("months");
        assertThatThrownBy(() -> new GeneratorSettings("51.08", OCTOBER, 1, 0, 1L, 0.0))
                .hasMessageContaining("persons");
        assertThatThrownBy(() -> new GeneratorSettings("51.08", OCTOBER, 1, 10, 1L, 1.5))
                .hasMessageContaining("faultRate");
        assertThatThrownBy(() -> new GeneratorSettings("51.08", OCTOBER, 1, 10, 1L, Double.NaN))
                .hasMessageContaining("faultRate");
    }
}
