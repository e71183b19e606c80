package id.satupintu.pipeline.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkageSpecFileTest {
    @Test
    void readsEveryPartOfASpecAndFillsDefaults() {
        LinkageSpec spec = LinkageSpecFile.parse("""
                unique_id: id
                link_type: link_only
                exact_id: nik
                comparisons:
                  - {column: nik, kind: nik}
                  - {column: nama, kind: indonesian_name, thresholds: [0.95, 0.85]}
                  - {column: tanggal_lahir, kind: date, date_format: '%d/%m/%Y'}
                  - {column: kode_desa, kind: exact, term_frequency: true, required: true}
                blocking:
                  - [kode_desa, 'name_key(nama)']
                  - tanggal_lahir
                thresholds: {match: 0.95}
                truth: {column: person_id}
                """);

        assertThat(spec)
                .isEqualTo(new LinkageSpec(
                        "id",
                        LinkType.LINK_ONLY,
                        "nik",
                        List.of(
                                new ComparisonSpec("nik", ComparisonKind.NIK, List.of(), false, null),
                                new ComparisonSpec(
                                        "nama", ComparisonKind.INDONESIAN_NAME, List.of(0.95, 0.85), true, null),
                                new ComparisonSpec("tanggal_lahir", ComparisonKind.DATE, List.of(), false, "%d/%m/%Y"),
                                new ComparisonSpec("kode_desa", ComparisonKind.EXACT, List.of(), true, null, true)),
                        List.of(BlockingRule.of("kode_desa", "name_key(nama)"), BlockingRule.of("tanggal_lahir")),
                        new Thresholds(0.95, 0.5, 0.99),
                        LinkageSpec.DEFAULT_MAX_CANDIDATE_PAIRS,
                        LinkageSpec.DEFAULT_RANDOM_PAIRS,
                        new Truth("person_id", null)));
        assertThat(spec.columns()).containsExactly("id", "nik", "nama", "tanggal_lahir", "kode_desa", "person_id");
    }

    @Test
    void rejectsAnUnknownKeyNamingTheKnownOnes() {
        assertThatThrownBy(() -> LinkageSpecFile.parse("""
                        unique_id: id
                        comparisons: [{column: nama, kind: name, treshold: 0.9}]
                        blocking: [[nama]]
                        """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown comparison key 'treshold'; known: [column, date_format, kind, required,"
                        + " term_frequency, thresholds]");
    }

    @Test
    void rejectsAnUnknownComparisonKind() {
        assertThatThrownBy(() -> LinkageSpecFile.parse("""
                        unique_id: id
                        comparisons: [{column: nama, kind: soundex}]
                        blocking: [[nama]]
                        """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown comparison kind 'soundex'; known: [exact, string, name, indonesian_name, date,"
                        + " nik, code]");
    }

    @Test
    void rejectsANameKeyBlockOnAColumnNotComparedAsAnIndonesianName() {
        assertThatThrownBy(() -> LinkageSpecFile.parse("""
                        unique_id: id
                        comparisons: [{column: nama, kind: name}]
                        blocking: [['name_key(nama)']]
                        """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("blocking key name_key(nama) needs an indonesian_name comparison of that column");
    }

    @Test
    void rejectsAColumnNameThatIsNoIdentifier() {
        assertThatThrownBy(() -> BlockingRule.of("nama; DROP TABLE x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("blocking key 'nama; DROP TABLE x' is not a column, prefix(column, n) or name_key(column)");
    }
}
