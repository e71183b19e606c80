package id.satupintu.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceCatalogueTest {
    @TempDir
    Path root;

    @Test
    void defaultCatalogueMatchesEveryFileNameOfTheRosterLayouts() {
        SourceCatalogue catalogue = SourceCatalogue.defaults();

        assertThat(List.of(
                                "pkh_5108_202610.csv",
                                "bpnt_5108_202610.csv",
                                "blt_dd_5108_202610.xlsx",
                                "pbi_jk_5108_202610.csv",
                                "listrik_5108_202610.jsonl",
                                "bansos_daerah_5108_202610.csv",
                                "dukcapil_peristiwa_5108_202610.csv",
                                "pengecualian_asn_5108_202610.csv",
                                "pengecualian_kendaraan_5108_202610.csv",
                                "dtsen_5108_202610.csv")
                        .stream()
                        .map(name -> catalogue.sourcesFor(Path.of(name)).get(0))
                        .map(source -> source.partition() + " " + source.format() + " " + source.codeSystem() + " "
                                + source.unit())
                        .toList())
                .containsExactly(
                        "PKH CSV KEMENDAGRI FAMILY",
                        "BPNT CSV BPS FAMILY",
                        "BLT_DD XLSX KEMENDAGRI FAMILY",
                        "PBI_JK CSV KEMENDAGRI PERSON",
                        "LISTRIK JSON_LINES KEMENDAGRI CUSTOMER",
                        "BANSOS_DAERAH CSV NAMES PERSON",
                        "DUKCAPIL_PERISTIWA CSV KEMENDAGRI EVENT",
                        "PENGECUALIAN_ASN CSV KEMENDAGRI PERSON",
                        "PENGECUALIAN_KENDARAAN CSV KEMENDAGRI PERSON",
                        "DTSEN CSV KEMENDAGRI PERSON");
    }

    @Test
    void aDtsenSourceNeedsItsKkAndDesilAndOnlyAReferenceReadsADesil() {
        assertThatThrownBy(() -> LakeQueries.catalogue(root, """
                        {"sources": [
                          {"id": "d", "kind": "REFERENCE", "referenceType": "DTSEN", "filePattern": "d_*.csv",
                           "columns": {"nik": ["NIK"]}},
                          {"id": "p", "program": "PBI_JK", "filePattern": "p_*.csv",
                           "columns": {"nik": ["NIK"], "nama": ["NAMA"], "kode_desa": ["KODE_DESA"],
                                       "desil": ["DESIL"]}}]}
                        """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("catalogue.json: Invalid source catalogue:"
                        + " source d: no header mapped to required column no_kk;"
                        + " source d: no header mapped to required column desil;"
                        + " source p: desil is read from reference extracts (DTSEN) only");
    }

    @Test
    void refusesACatalogueNamingEveryProblemAtOnce() {
        assertThatThrownBy(() -> LakeQueries.catalogue(root, """
                        {"sources": [{"id": "x", "program": "NOPE", "filePattern": "x_*.csv", "format": "PDF",
                          "codeSystem": "BPS", "delimiter": ";;", "dateFormats": ["dd/MM/yyyy{"],
                          "columns": {"nik": ["NIK"], "nama": ["NAMA"], "tanggal": ["TGL"]}}]}
                        """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(
                        "catalogue.json: Invalid source catalogue: source x: unknown program NOPE; source x: unsupported format PDF;"
                                + " source x: delimiter must be one character;"
                                + " source x: no header mapped to required column bps_provinsi;"
                                + " source x: no header mapped to required column bps_kabupaten;"
                                + " source x: no header mapped to required column bps_kecamatan;"
                                + " source x: no header mapped to required column bps_desa;"
                                + " source x: tanggal is not a staged column; source x: bad date format dd/MM/yyyy{");
    }
}
