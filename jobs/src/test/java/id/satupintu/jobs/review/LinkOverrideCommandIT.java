package id.satupintu.jobs.review;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.jobs.CommandRun;
import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.lake.DataDirectoryLock;
import id.satupintu.pipeline.linkage.LinkOverrides;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording a review decision from the command line, by person ids and by review-queue rows. */
class LinkOverrideCommandIT {
    private static final String KEY_A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String KEY_B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    @TempDir
    Path root;

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    @Test
    void recordsADecisionByReviewQueueRowsAsProgramAndNikKey() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Path linked = data.linkedPartition(YearMonth.of(2026, 10));
        Files.createDirectories(linked);
        try (Connection connection = DuckDb.inMemory(1)) {
            DuckDb.execute(
                    connection,
                    "COPY (SELECT * FROM (VALUES ('2026-10', 'PKH', 'pkh_5108_202610.csv', 12, '" + KEY_A
                            + "', 'P0123456789abcdef012'), ('2026-10', 'BPNT', 'bpnt_5108_202610.csv', 40, '" + KEY_A
                            + "', 'P0123456789abcdef012'), ('2026-10', 'PBI_JK', 'pbi_jk_5108_202610.csv', 7, '"
                            + KEY_B + "', 'P0123456789abcdef012'), ('2026-10', 'PBI_JK', 'pbi_jk_5108_202610.csv',"
                            + " 9, '" + KEY_B
                            + "', 'Pfedcba9876543210fed')) t(period, program_code, source_file, source_row,"
                            + " person_key, person_id)) TO " + DuckDb.literal(linked.resolve("person_link.parquet"))
                            + " (FORMAT parquet)");
        }

        CommandRun recorded = run(
                "link-override",
                "--data-dir",
                root.toString(),
                "--decision",
                "different_persons",
                "--period",
                "2026-10",
                "--left",
                "pkh_5108_202610.csv#12",
                "--right",
                "bpnt_5108_202610.csv#40",
                "--by",
                "Dinas Sosial, seksi PFM",
                "--reference",
                "BA/017/DINSOS/X/2026",
                "--on",
                "2026-10-14");

        assertThat(recorded.exitCode()).as(recorded.err()).isZero();
        assertThat(recorded.out())
                .startsWith("Keputusan DIFFERENT_PERSONS dicatat: row:PKH:" + KEY_A + " dan row:BPNT:" + KEY_A);
        CommandRun ambiguous = run(
                "link-override",
                "--lang",
                "en",
                "--data-dir",
                root.toString(),
                "--decision",
                "DIFFERENT_PERSONS",
                "--period",
                "2026-10",
                "--left",
                "pbi_jk_5108_202610.csv#7",
                "--right",
                "pbi_jk_5108_202610.csv#9",
                "--by",
                "Dinsos",
                "--reference",
                "BA/020");
        assertThat(ambiguous.exitCode()).isEqualTo(1);
        assertThat(ambiguous.err())
                .contains("Row 7 of pbi_jk_5108_202610.csv cannot be told apart from 1 other rows of program PBI_JK");

        assertThat(LinkOverrides.read(data.linkOverrides())).singleElement().satisfies(decision -> {
            assertThat(decision.kind()).isEqualTo(LinkOverrides.Kind.DIFFERENT_PERSONS);
            assertThat(decision.left()).isEqualTo(LinkOverrides.Side.row("PKH", KEY_A));
            assertThat(decision.decidedBy()).isEqualTo("Dinas Sosial, seksi PFM");
            assertThat(decision.decidedOn()).isEqualTo(LocalDate.of(2026, 10, 14));
        });
    }

    @Test
    void recordsADecisionByPersonIdsAndRowKeys() {
        CommandRun recorded = run(
                "link-override",
                "--lang",
                "en",
                "--data-dir",
                root.toString(),
                "--decision",
                "SAME_PERSON",
                "--left",
                "person:P0123456789abcdef012",
                "--right",
                "row:PBI_JK:" + KEY_B,
                "--by",
                "Dinsos",
                "--reference",
                "BA/018");

        assertThat(recorded.exitCode()).as(recorded.err()).isZero();
        assertThat(recorded.out()).contains("Decision SAME_PERSON recorded");
        assertThat(LinkOverrides.read(new DataDirectory(root).linkOverrides())).hasSize(1);
    }

    @Test
    void aHeldLockMakesLinkOverrideRefuseNamingTheHolderAndWriteNothing() throws Exception {
        DataDirectory data = new DataDirectory(root);
        String[] decision = {
            "link-override",
            "--data-dir",
            root.toString(),
            "--decision",
            "SAME_PERSON",
            "--left",
            "person:P0123456789abcdef012",
            "--right",
            "row:PBI_JK:" + KEY_B,
            "--by",
            "Dinsos",
            "--reference",
            "BA/018"
        };
        try (DataDirectoryLock held = DataDirectoryLock.acquire(data, "refresh --period 2026-10")) {
            CommandRun refused = run(decision);
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err().strip())
                    .matches("Gagal: Direktori data sedang dipakai oleh proses lain \\(pid \\d+, since \\S+,"
                            + " refresh --period 2026-10\\); tunggu sampai selesai");
        }
        assertThat(data.linkOverrides()).doesNotExist();

        // the refresh ended: the same decision is recorded, and the lock is free again
        CommandRun recorded = run(decision);
        assertThat(recorded.exitCode()).as(recorded.err()).isZero();
        assertThat(LinkOverrides.read(data.linkOverrides())).hasSize(1);
        assertThat(DataDirectoryLock.holder(data)).isEmpty();
    }

    @Test
    void aSideThatIsNoSideFailsWithoutEchoingIt() {
        CommandRun refused = run(
                "link-override",
                "--lang",
                "en",
                "--data-dir",
                root.toString(),
                "--decision",
                "SAME_PERSON",
                "--left",
                "5108014501900003",
                "--right",
                "person:P0123456789abcdef012",
                "--by",
                "Dinsos",
                "--reference",
                "BA/019");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err())
                .contains("The left side must be person:ID, row:PROGRAM:NIK_KEY or FILE#ROW")
                .doesNotContain("5108014501900003");
        assertThat(Files.exists(new DataDirectory(root).linkOverrides())).isFalse();
    }
}
