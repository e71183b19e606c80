package id.satupintu.pipeline.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.satupintu.pipeline.status.StatusOverrides.Decision;
import id.satupintu.pipeline.status.StatusOverrides.Episode;
import id.satupintu.pipeline.status.StatusOverrides.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusOverridesTest {
    private static final String A = "P00000000000000000a1";
    private static final String B = "P00000000000000000b2";
    private static final String C = "P00000000000000000c3";
    private static final String D = "P00000000000000000d4";

    @TempDir
    Path folder;

    @Test
    void appendsWithAHeaderAndReadsEveryDecisionBackInFileOrder() throws Exception {
        Path file = folder.resolve("config").resolve("status-overrides.csv");
        StatusOverrides.append(file, decision(A, Status.MENINGGAL, "2026-10", "Musdes Desa Pejarakan, Gerokgak"));
        StatusOverrides.append(
                file,
                new Decision(
                        0,
                        A,
                        Status.AKTIF,
                        YearMonth.of(2026, 9),
                        "Dinsos",
                        LocalDate.of(2026, 10, 20),
                        "BA/030",
                        "laporan \"meninggal\" keliru\nkata kepala dusun"));
        StatusOverrides.append(file, decision(B, Status.MAMPU, "2026-11", "Dinsos"));

        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
                .containsExactly(
                        StatusOverrides.HEADER,
                        A + ",MENINGGAL,2026-10,\"Musdes Desa Pejarakan, Gerokgak\",2026-10-14,BA/1,",
                        A + ",AKTIF,2026-09,Dinsos,2026-10-20,BA/030,\"laporan \"\"meninggal\"\" keliru kata kepala"
                                + " dusun\"",
                        B + ",MAMPU,2026-11,Dinsos,2026-10-14,BA/1,");
        List<Decision> decisions = StatusOverrides.read(file);
        assertThat(decisions).extracting(Decision::line).containsExactly(2, 3, 4);
        assertThat(decisions.get(0).decidedBy()).isEqualTo("Musdes Desa Pejarakan, Gerokgak");
        assertThat(decisions.get(0).note()).isNull();
        assertThat(decisions.get(1).note()).isEqualTo("laporan \"meninggal\" keliru kata kepala dusun");
        assertThat(decisions.get(2).status()).isEqualTo(Status.MAMPU);
        assertThat(decisions.get(2).from()).isEqualTo(YearMonth.of(2026, 11));
    }

    @Test
    void aLaterLineSupersedesTheMonthsFromItsMonthOn() throws Exception {
        Path file = folder.resolve("status-overrides.csv");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        StatusOverrides.HEADER,
                        A + ",MAMPU,2026-03,Musdes,2026-02-20,BA/1,",
                        A + ",AKTIF,2026-09,Musdes,2026-08-20,BA/2,",
                        B + ",PINDAH,2026-05,Musdes,2026-05-02,BA/3,",
                        "# B never left: the same month decided again",
                        A + ",MENINGGAL,2026-12,Dinsos,2026-12-03,BA/4,",
                        B + ",AKTIF,2026-05,Dinsos,2026-06-01,BA/5,",
                        "",
                        C + ",MENINGGAL,2026-10,Musdes,2026-10-01,BA/6,",
                        C + ",AKTIF,2026-04,Dinsos,2026-10-15,BA/7,",
                        D + ",MAMPU,2026-06,Musdes,2026-06-01,BA/8,",
                        D + ",MENINGGAL,2026-08,Musdes,2026-08-01,BA/9,",
                        D + ",AKTIF,2026-07,Dinsos,2026-09-01,BA/10,"));

        List<Episode> episodes = StatusOverrides.inForce(StatusOverrides.read(file));

        assertThat(episodes)
                .extracting(StatusOverridesTest::describe)
                .containsExactly(
                        // A: well-off, eligible again, then deceased
                        "line 2 " + A + " MAMPU 2026-03..2026-08",
                        "line 3 " + A + " AKTIF 2026-09..2026-11",
                        "line 6 " + A + " MENINGGAL 2026-12..",
                        // B: line 4 is taken over from its own month on (line 7)
                        "line 7 " + B + " AKTIF 2026-05..",
                        // C: a later line with an earlier month takes over everything after it
                        "line 10 " + C + " AKTIF 2026-04..",
                        // D: line 13 (from July) cuts line 11 short and takes over line 12 (August)
                        "line 11 " + D + " MAMPU 2026-06..2026-06",
                        "line 13 " + D + " AKTIF 2026-07..");
        Episode aWellOff = episodes.get(0);
        assertThat(aWellOff.holdsIn(YearMonth.of(2026, 2))).isFalse();
        assertThat(aWellOff.holdsIn(YearMonth.of(2026, 3))).isTrue();
        assertThat(aWellOff.holdsIn(YearMonth.of(2026, 8))).isTrue();
        assertThat(aWellOff.holdsIn(YearMonth.of(2026, 9))).isFalse();
        assertThat(episodes.get(2).holdsIn(YearMonth.of(2040, 1))).isTrue();
    }

    @Test
    void aLineThatCannotBeReadStopsWithItsNumberAndNoValueOfIt() throws Exception {
        String good = A + ",MAMPU,2026-10,Dinsos,2026-10-14,BA/1,";
        List<String> failures = new ArrayList<>();
        for (String bad : List.of(
                "5108014501900003,MENINGGAL,2026-10,Dinsos,2026-10-14,BA/1,",
                A + ",MATI,2026-10,Dinsos,2026-10-14,BA/1,",
                A + ",MENINGGAL,2026-13,Dinsos,2026-10-14,BA/1,",
                A + ",MENINGGAL,2026-10,Dinsos,14/10/2026,BA/1,",
                A + ",MENINGGAL,2026-10,Dinsos,2026-10-14, ,",
                A + ",MENINGGAL,2026-10,Dinsos,2026-10-14",
                A + ",MENINGGAL,2026-10,\"Dinsos,2026-10-14,BA/1,")) {
            Path file = folder.resolve("bad.csv");
            Files.writeString(file, StatusOverrides.HEADER + "\n# komentar\n\n" + good + "\n" + bad + "\n");
            assertThatThrownBy(() -> StatusOverrides.read(file))
                    .isInstanceOf(StatusOverrideException.class)
                    .hasMessageStartingWith("Line 5 of " + file + " cannot be read: ")
                    .hasMessageNotContaining("5108014501900003")
                    .hasMessageNotContaining("MATI")
                    .satisfies(e ->
                            failures.add(e.getMessage().substring(e.getMessage().indexOf(": ") + 2)))
                    .satisfies(e -> assertThat(((StatusOverrideException) e).messageIndonesian())
                            .startsWith("Baris 5 dari " + file + " tidak terbaca: "));
        }
        assertThat(failures)
                .containsExactly(
                        "the person_id must be a person id of the warehouse (P and 19 hex digits)",
                        "the status must be MENINGGAL, PINDAH, MAMPU or AKTIF",
                        "the from_period must be YYYY-MM",
                        "the decision date must be YYYY-MM-DD",
                        "who decided and the reference are required",
                        "must have 6 or 7 fields: " + StatusOverrides.HEADER,
                        "must have 6 or 7 fields: " + StatusOverrides.HEADER);
    }

    @Test
    void aHandWrittenLineMayLeaveOutTheNoteAndWriteTheStatusInLowerCase() throws Exception {
        Path file = folder.resolve("status-overrides.csv");
        Files.writeString(file, C + ",pindah,2026-07,Dinsos,2026-07-30,BA/7\n");

        assertThat(StatusOverrides.read(file)).singleElement().satisfies(decision -> {
            assertThat(decision.line()).isEqualTo(1);
            assertThat(decision.status()).isEqualTo(Status.PINDAH);
            assertThat(decision.note()).isNull();
        });
    }

    @Test
    void noFileIsNoDecision() {
        assertThat(StatusOverrides.read(folder.resolve("absent.csv"))).isEmpty();
        assertThat(StatusOverrides.inForce(List.of())).isEmpty();
    }

    @Test
    void aDecisionNeedsAPersonIdWhoDecidedAndAReference() {
        assertThatThrownBy(() -> decision("5108014501900003", Status.MAMPU, "2026-10", "Dinsos"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a person id is P and 19 hex digits");
        assertThatThrownBy(() -> decision(A, Status.MAMPU, "2026-10", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("who decided and the reference are required");
    }

    private static Decision decision(String person, Status status, String from, String by) {
        return new Decision(0, person, status, YearMonth.parse(from), by, LocalDate.of(2026, 10, 14), "BA/1", null);
    }

    private static String describe(Episode episode) {
        return "line " + episode.decision().line() + " " + episode.decision().personId() + " "
                + episode.decision().status() + " " + episode.from() + ".."
                + episode.to().map(YearMonth::toString).orElse("");
    }
}
