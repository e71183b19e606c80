package id.satupintu.pipeline.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.satupintu.pipeline.linkage.LinkOverrides.Decision;
import id.satupintu.pipeline.linkage.LinkOverrides.Kind;
import id.satupintu.pipeline.linkage.LinkOverrides.Side;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkOverridesTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path folder;

    @Test
    void appendsWithAHeaderAndReadsBackTheLatestDecisionPerPair() throws Exception {
        Path file = folder.resolve("config").resolve("link-overrides.csv");
        Side pkh = Side.row("PKH", KEY);
        Side bpnt = Side.row("BPNT", KEY);
        LinkOverrides.append(
                file,
                new Decision(0, Kind.SAME_PERSON, pkh, bpnt, "Dinsos, seksi PFM", LocalDate.of(2026, 10, 1), "BA/1"));
        LinkOverrides.append(
                file,
                new Decision(
                        0, Kind.DIFFERENT_PERSONS, bpnt, pkh, "Dinsos \"PFM\"", LocalDate.of(2026, 10, 2), "BA/2"));
        LinkOverrides.append(
                file,
                new Decision(
                        0,
                        Kind.SAME_PERSON,
                        Side.person("P0123456789abcdef012"),
                        Side.person("Pfedcba9876543210fed"),
                        "Dinsos",
                        LocalDate.of(2026, 10, 3),
                        "BA/3"));

        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).first().isEqualTo(LinkOverrides.HEADER);
        var decisions = LinkOverrides.read(file);
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(0).kind()).isEqualTo(Kind.DIFFERENT_PERSONS);
        assertThat(decisions.get(0).decidedBy()).isEqualTo("Dinsos \"PFM\"");
        assertThat(decisions.get(0).line()).isEqualTo(3);
        assertThat(decisions.get(1).left().personId()).isEqualTo("P0123456789abcdef012");
    }

    @Test
    void aLineThatCannotBeReadStopsWithItsNumber() throws Exception {
        Path file = folder.resolve("link-overrides.csv");
        Files.writeString(
                file,
                LinkOverrides.HEADER + "\n# komentar\n\nSAME_PERSON,row:PKH:" + KEY + ",nik:5108014501900003,x,"
                        + "2026-10-01,BA/1\n");

        assertThatThrownBy(() -> LinkOverrides.read(file))
                .isInstanceOf(LinkageException.class)
                .hasMessageContaining("Line 4")
                .hasMessageContaining("right side")
                .hasMessageNotContaining("5108014501900003");
    }

    @Test
    void noFileIsNoDecision() {
        assertThat(LinkOverrides.read(folder.resolve("absent.csv"))).isEmpty();
    }
}
