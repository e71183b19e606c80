package id.satupintu.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Period placeholders of a catalogue query become bound parameters; nothing else is touched. */
class JdbcQueryTest {
    @Test
    void aTableNameIsReadWhole() {
        assertThat(JdbcQuery.parse(" dinsos.penerima "))
                .isEqualTo(new JdbcQuery("SELECT * FROM dinsos.penerima", List.of()));
    }

    @Test
    void placeholdersBecomeParametersInOrder() {
        JdbcQuery query = JdbcQuery.parse(
                "SELECT * FROM p WHERE bulan = :period OR (tgl >= :period_start AND tgl < :period_end)");

        assertThat(query.sql()).isEqualTo("SELECT * FROM p WHERE bulan = ? OR (tgl >= ? AND tgl < ?)");
        assertThat(query.parameters()).containsExactly("period", "period_start", "period_end");
        assertThat(query.unknownParameters()).isEmpty();
    }

    @Test
    void literalsCommentsQuotedNamesAndCastsKeepTheirColons() {
        String sql = "SELECT '10:30 :period', \"a:b\", x::date -- :period\n FROM t /* :period */ WHERE b = :period";

        JdbcQuery query = JdbcQuery.parse(sql);

        assertThat(query.sql())
                .isEqualTo("SELECT '10:30 :period', \"a:b\", x::date -- :period\n FROM t /* :period */ WHERE b = ?");
        assertThat(query.parameters()).containsExactly("period");
    }

    @Test
    void anUnknownPlaceholderIsACatalogueProblem() {
        assertThat(JdbcQuery.parse("SELECT * FROM t WHERE bulan = :periode").unknownParameters())
                .containsExactly("periode");
        SourceDefinition source = new SourceDefinition(
                "db",
                null,
                "BANSOS_DAERAH",
                null,
                null,
                "JDBC",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                java.util.Map.of("nik", List.of("NIK"), "nama", List.of("NAMA"), "kode_desa", List.of("KODE_DESA")),
                "jdbc:h2:mem:x",
                "SELECT * FROM t WHERE bulan = :periode");
        assertThat(source.problems()).singleElement().asString().contains("unknown placeholder :periode");
    }
}
