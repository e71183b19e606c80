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
                .isEqualTo(new GeneratorSettings("51.08", OCTOBER, 1, 828_156, 20261123L, FaultRates.defaults()));
    }

    @Test
    void defaultsUseOneHundredThousandPersonsWithoutPopulationData() {
        assertThat(GeneratorSettings.defaults("11.01", OCTOBER).persons()).isEqualTo(100_000);
    }

    @Test
    void rejectsAProvinceOrAKecamatanCode() {
        assertThatThrownBy(() -> new GeneratorSettings("51", OCTOBER, 1, 10, 1L, FaultRates.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("51");
        assertThatThrownBy(() -> new GeneratorSettings("51.08.01", OCTOBER, 1, 10, 1L, FaultRates.none()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAnUnknownKabupaten() {
        assertThatThrownBy(() -> new GeneratorSettings("51.99", OCTOBER, 1, 10, 1L, FaultRates.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown kabupaten/kota code: 51.99");
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> new GeneratorSettings("51.08", OCTOBER, 0, 10, 1L, FaultRates.none()))
                .hasMessageContaining("months");
        assertThatThrownBy(() -> new GeneratorSettings("51.08", OCTOBER, 1, 0, 1L, FaultRates.none()))
                .hasMessageContaining("persons");
    }

    @Test
    void faultLevelsScaleTheDefaultRates() {
        assertThat(FaultRates.of("none").isNone()).isTrue();
        assertThat(FaultRates.of("default").rate(FaultKind.NAME_TYPO)).isEqualTo(0.02);
        assertThat(FaultRates.of("heavy").rate(FaultKind.NAME_TYPO)).isEqualTo(0.08);
        assertThat(FaultRates.of("heavy").rate(FaultKind.DECEASED_LISTED)).isEqualTo(1.0);
        assertThatThrownBy(() -> FaultRates.of("some")).hasMessage("Unknown fault level: some");
        assertThatThrownBy(() -> new FaultRates("odd", java.util.Map.of(FaultKind.NIK_TYPO, 1.5)))
                .hasMessage("Fault rate of NIK_TYPO must be between 0 and 1: 1.5");
    }
}
