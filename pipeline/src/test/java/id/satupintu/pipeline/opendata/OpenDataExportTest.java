package id.satupintu.pipeline.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.report.OutputContext;
import id.satupintu.pipeline.report.ReportLabels;
import id.satupintu.pipeline.report.WarehouseVersion;
import id.satupintu.schemas.contract.WarehouseTables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The open data of October 2026 over a hand-made warehouse: two kecamatans of Buleleng, PKH only. */
class OpenDataExportTest {
    @TempDir
    Path folder;

    @Test
    void writesSuppressedCsvAndItsMetadata() throws Exception {
        OpenDataExport.Result result;
        try (Connection warehouse = DuckDb.inMemory(1)) {
            for (String table : List.of("wilayah", "program", "mart_recipients_kecamatan", "mart_recipients_desa")) {
                DuckDb.execute(warehouse, WarehouseTables.ddl(table));
            }
            DuckDb.execute(warehouse, """
                    INSERT INTO wilayah VALUES
                      ('51.08', 'Kabupaten Buleleng', 'kabupaten', '51', '51', '51.08', NULL, 'e'),
                      ('51.08.01', 'Gerokgak', 'kecamatan', '51.08', '51', '51.08', '51.08.01', 'e'),
                      ('51.08.02', 'Seririt', 'kecamatan', '51.08', '51', '51.08', '51.08.02', 'e');
                    INSERT INTO program VALUES ('PKH', 'Program Keluarga Harapan', 'Family Hope', 'family', 'APBN');
                    INSERT INTO mart_recipients_kecamatan VALUES
                      ('2026-10', 'PKH', '51.08.01', 'Gerokgak', 67, 60, NULL),
                      ('2026-10', 'PKH', '51.08.02', 'Seririt', 3, 3, NULL);
                    INSERT INTO mart_recipients_desa VALUES
                      ('2026-10', 'PKH', '51.08.01', 'Gerokgak', '51.08.01.2001', 'Sumberklampok', 'L', '18-59', 2, NULL),
                      ('2026-10', 'PKH', '51.08.01', 'Gerokgak', '51.08.01.2001', 'Sumberklampok', 'P', '60+', 1, NULL),
                      ('2026-10', 'PKH', '51.08.01', 'Gerokgak', '51.08.01.2002', '=Pejarakan', 'P', '60+', 40, NULL),
                      ('2026-10', 'PKH', '51.08.01', 'Gerokgak', '51.08.01.2003', 'Sumberkima', 'P', '60+', 12, NULL),
                      ('2026-10', 'PKH', '51.08.01', 'Gerokgak', '51.08.01.2004', 'Pemuteran', 'L', '7-17', 12, NULL),
                      ('2026-10', 'PKH', '51.08.02', 'Seririt', '51.08.02.2001', 'Unggahan', 'P', '0-6', 3, NULL),
                      ('2026-09', 'PKH', '51.08.02', 'Seririt', '51.08.02.2001', 'Unggahan', 'P', '0-6', 99, NULL);
                    """);
            OutputContext context = new OutputContext(
                    YearMonth.of(2026, 10),
                    ReportLabels.indonesian(),
                    new WarehouseVersion("20261105-021500", Instant.parse("2026-11-05T02:15:00Z")),
                    ZonedDateTime.of(2026, 11, 6, 9, 30, 0, 0, ZoneId.of("Asia/Jakarta")));
            result = OpenDataExport.write(warehouse, context, OpenDataSettings.defaults(), folder);
        }

        assertThat(result.desaFile()).isEqualTo(folder.resolve("penerima-bansos-desa-2026-10.csv"));
        assertThat(Files.readString(result.desaFile(), StandardCharsets.UTF_8)).isEqualTo("""
                        periode,kode_kecamatan,nama_kecamatan,kode_desa,nama_desa,kode_program,nama_program,jumlah_penerima,status_sel\r
                        2026-10,51.08.01,Gerokgak,51.08.01.2001,Sumberklampok,PKH,Program Keluarga Harapan,,disembunyikan_sel_kecil\r
                        2026-10,51.08.01,Gerokgak,51.08.01.2002,'=Pejarakan,PKH,Program Keluarga Harapan,40,tampil\r
                        2026-10,51.08.01,Gerokgak,51.08.01.2003,Sumberkima,PKH,Program Keluarga Harapan,,disembunyikan_pelindung\r
                        2026-10,51.08.01,Gerokgak,51.08.01.2004,Pemuteran,PKH,Program Keluarga Harapan,12,tampil\r
                        2026-10,51.08.02,Seririt,51.08.02.2001,Unggahan,PKH,Program Keluarga Harapan,,disembunyikan_sel_kecil\r
                        """);
        assertThat(Files.readString(result.kecamatanFile(), StandardCharsets.UTF_8))
                .isEqualTo("""
                        periode,kode_kecamatan,nama_kecamatan,kode_program,nama_program,jumlah_penerima,status_sel\r
                        2026-10,51.08.01,Gerokgak,PKH,Program Keluarga Harapan,67,tampil\r
                        2026-10,51.08.02,Seririt,PKH,Program Keluarga Harapan,,disembunyikan_sel_kecil\r
                        """);
        assertThat(result.shown()).isEqualTo(2);
        assertThat(result.primary()).isEqualTo(2);
        assertThat(result.secondary()).isEqualTo(1);

        JsonNode metadata = JsonMapper.builder().build().readTree(Files.readString(result.metadataFile()));
        assertThat(metadata.get("@type").asString()).isEqualTo("dcat:Dataset");
        assertThat(metadata.get("name").asString()).isEqualTo("penerima-bansos-5108-2026-10");
        assertThat(metadata.get("title").get("id").asString())
                .isEqualTo("Penerima bantuan sosial per desa dan kecamatan, Kabupaten Buleleng, 2026-10");
        assertThat(metadata.get("period").asString()).isEqualTo("2026-10");
        assertThat(metadata.get("temporal").get("endDate").asString()).isEqualTo("2026-10-31");
        assertThat(metadata.get("kode_wilayah_edition").asString()).isEqualTo("Kepmendagri 300.2.2-2138/2025");
        assertThat(metadata.get("spatial").get("kode_wilayah").asString()).isEqualTo("51.08");
        assertThat(metadata.get("publisher").asString()).isEqualTo("Dinas Sosial Kabupaten Buleleng");
        assertThat(metadata.get("license").asString()).isEqualTo("CC-BY-4.0");
        assertThat(metadata.get("source").asString())
                .isEqualTo("SatuPintu, gudang data versi 20261105-021500 (mart_recipients_desa,"
                        + " mart_recipients_kecamatan)");
        assertThat(metadata.get("issued").asString()).isEqualTo("2026-11-06T09:30:00+07:00");
        assertThat(metadata.get("small_cell_suppression").get("threshold").asInt())
                .isEqualTo(5);
        assertThat(metadata.get("small_cell_suppression").get("desa_secondary").asInt())
                .isEqualTo(1);
        JsonNode desa = metadata.get("distribution").get(0);
        assertThat(desa.get("downloadURL").asString()).isEqualTo("penerima-bansos-desa-2026-10.csv");
        assertThat(desa.get("byteSize").asLong()).isEqualTo(Files.size(result.desaFile()));
        assertThat(desa.get("checksum").get("checksumValue").asString())
                .isEqualTo(OpenDataExport.sha256(result.desaFile()));
        assertThat(desa.get("columns").size()).isEqualTo(9);
        assertThat(metadata.get("distribution").get(1).get("columns").size()).isEqualTo(7);
    }

    @Test
    void readsTheSettingsFileAndRefusesAThresholdThatIsNoNumber() throws Exception {
        Path file = folder.resolve("opendata.properties");
        assertThat(OpenDataSettings.read(file)).isEqualTo(OpenDataSettings.defaults());
        Files.writeString(file, "small-cell-threshold = 10\npublisher = Diskominfo Buleleng\n");
        assertThat(OpenDataSettings.read(file))
                .isEqualTo(new OpenDataSettings(10, "CC-BY-4.0", Optional.of("Diskominfo Buleleng")));
        Files.writeString(file, "small-cell-threshold = lima\n");
        assertThatThrownBy(() -> OpenDataSettings.read(file))
                .isInstanceOf(OpenDataException.class)
                .hasMessage(file + ": small-cell-threshold must be a whole number from 1 to 1000");
        Files.writeString(file, "threshold = 5\n");
        assertThatThrownBy(() -> OpenDataSettings.read(file))
                .hasMessage(file + ": unknown key threshold (known: small-cell-threshold, license, publisher)");
    }
}
