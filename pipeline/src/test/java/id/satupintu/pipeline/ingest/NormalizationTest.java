package id.satupintu.pipeline.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.schemas.wilayah.WilayahTable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Single-value normalization and detection, value by value. */
class NormalizationTest {
    @Test
    void movesFrontAndBackTitlesOutOfTheNameAndLeavesBalineseMarkersAlone() {
        assertThat(Stream.of(
                                "H. Ahmad Fauzi, S.Pd",
                                "HJ SITI AMINAH",
                                "H.MUHAMMAD  ROSYID",
                                "Drs. Budi Santoso M.Si.",
                                "I Gusti Ayu Made",
                                "NI LUH ASTITI",
                                "HAJI",
                                "Siti, Aminah")
                        .map(PersonName::of)
                        .map(name -> name.normalized() + " / " + name.titles())
                        .toList())
                .containsExactly(
                        "AHMAD FAUZI / H. S.PD",
                        "SITI AMINAH / HJ",
                        "MUHAMMAD ROSYID / H.",
                        "BUDI SANTOSO / DRS. M.SI.",
                        "I GUSTI AYU MADE / null",
                        "NI LUH ASTITI / null",
                        "HAJI / null",
                        "SITI, AMINAH / null");
    }

    @Test
    void readsRupiahAsOperatorsTypeIt() {
        assertThat(Stream.of("150000", "Rp 150.000", "150,000.00", "Rp300.000,-", "1.350.000,00", "Rp.", "", "12.5")
                        .map(RosterValues::rupiah)
                        .toList())
                .containsExactly(150_000L, 150_000L, 150_000L, 300_000L, 1_350_000L, null, null, 12L);
    }

    @Test
    void pullsRtAndRwOutOfAddressText() {
        assertThat(Stream.of(
                                "Banjar Dinas Kaja RT 001 RW 002",
                                "Blok Manis RT.01/RW.03",
                                "Dusun Krajan Rt 1 Rw 2",
                                "Jl. Merdeka No. 5",
                                "RT:4 RW:15 Kp. Baru")
                        .map(RosterValues::rtRwFromAddress)
                        .map(Arrays::toString)
                        .toList())
                .containsExactly("[001, 002]", "[001, 003]", "[001, 002]", "null", "[004, 015]");
    }

    @Test
    void parsesCatalogueDatePatternsStrictly() {
        List<RosterValues.DateFormat> formats =
                RosterValues.dateFormatters(List.of("dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd MMM yyyy"));
        assertThat(Stream.of("05/03/1985", "5/3/1985", "1985-03-05", "31/02/1985", "05-03-1985", "05 Mar 1985", "")
                        .map(text -> String.valueOf(RosterValues.date(text, formats)))
                        .toList())
                .containsExactly("1985-03-05", "1985-03-05", "1985-03-05", "null", "null", "1985-03-05", "null");
        assertThat(RosterValues.excelSerial("31111")).isEqualTo(LocalDate.of(1985, 3, 5));
        assertThat(RosterValues.excelSerial("1985")).isEqualTo(LocalDate.of(1905, 6, 7));
        assertThat(RosterValues.excelSerial("05/03/1985")).isNull();
    }

    @Test
    void padsCodesAsText() {
        assertThat(List.of(
                        RosterValues.rtRw("1"),
                        RosterValues.rtRw("12"),
                        RosterValues.rtRw("001"),
                        String.valueOf(RosterValues.rtRw("1234")),
                        RosterValues.kodeDesa("5108012001"),
                        RosterValues.kodeKabupaten("3209")))
                .containsExactly("001", "012", "001", "null", "51.08.01.2001", "32.09");
    }

    @Test
    void detectsSeparatorAndEncodingOfCsvFiles() {
        assertThat(CsvRecordReader.detectSeparator("TITLE\nNO;NIK;NAMA\n1;2;3")).isEqualTo(';');
        assertThat(CsvRecordReader.detectSeparator("a,b,\"c;d;e\"\n1,2,3")).isEqualTo(',');
        assertThat(CsvRecordReader.detectSeparator("IDPEL|NIK|NAMA")).isEqualTo('|');
        assertThat(CsvRecordReader.detectCharset("NAMA;ANDÉ".getBytes(UTF_8))).isEqualTo(UTF_8);
        assertThat(CsvRecordReader.detectCharset("NAMA;ANDÉ".getBytes(CsvRecordReader.WINDOWS_1252)))
                .isEqualTo(CsvRecordReader.WINDOWS_1252);
        assertThat(CsvRecordReader.detectCharset(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'N'}))
                .isEqualTo(UTF_8);
    }

    @Test
    void tellsDateFormatsFromNumberFormats() {
        assertThat(Stream.of("dd/mm/yyyy", "d-mmm-yy", "[$-421]dd mmmm yyyy", "#,##0", "0.00", "General", "@")
                        .map(XlsxRecordReader::isDateFormat)
                        .toList())
                .containsExactly(true, true, true, false, false, false, false);
    }

    @Test
    void bridgesBpsCodesPaddingLostZerosAndRefusesUnknownOnes() {
        RegionResolver regions = new RegionResolver(WilayahTable.national());
        assertThat(List.of(
                        regions.bps("51", "08", "010", "001").orElse("-"),
                        regions.bps("51", "8", "10", "1").orElse("-"),
                        regions.bps("51", "08", "990", "001").orElse("-"),
                        regions.bps("99", "99", "010", "001").orElse("-")))
                .containsExactly("51.08.01.2001", "51.08.01.2001", "-", "-");
        assertThat(regions.byNames("Mundu-Mesigit", "MUNDU", "32.09"))
                .contains(new RegionResolver.NameMatch("32.09.12.2003", false));
        assertThat(regions.byNames("Penambangan", "Sedong", null))
                .contains(new RegionResolver.NameMatch("32.09.09.2007", true));
        assertThat(List.of(regions.isKnownKabupaten("5108014503850002"), regions.isKnownKabupaten("5199014503850002")))
                .containsExactly(true, false);
    }
}
