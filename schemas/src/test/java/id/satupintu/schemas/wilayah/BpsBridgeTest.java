package id.satupintu.schemas.wilayah;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BpsBridgeTest {
    private final WilayahTable table = WilayahTable.national();

    @Test
    void usesTheOfficialKabupatenCodeWhereBpsAndKemendagriDiffer() {
        assertThat(BpsBridge.bpsKabupaten("61.03")).isEqualTo("6105");
        assertThat(BpsBridge.bpsKabupaten("61.07")).isEqualTo("6102");
        assertThat(BpsBridge.bpsKabupaten("51.08")).isEqualTo("5108");
    }

    @Test
    void bridgesEveryVillageOfTheKabupatenBothWays() {
        BpsBridge sanggau = BpsBridge.forKabupaten(table, "61.03");

        assertThat(sanggau.size()).isEqualTo(169);
        assertThat(sanggau.bpsCode("61.03.01.1001")).contains("6105010001");
        assertThat(sanggau.bpsCode("61.03.01.1002")).contains("6105010002");
        assertThat(sanggau.kemendagriCode("6105010002")).contains("61.03.01.1002");
        assertThat(sanggau.bpsCode("51.08.01.2001")).isEmpty();
        assertThat(sanggau.kemendagriCode("6103010001")).isEmpty();
    }
}
