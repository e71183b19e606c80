package id.satupintu.jobs.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.jobs.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dedupe command as an operator meets it: linking two rosters, printing quality, failing clearly. */
class DedupeCommandIT {
    private static final String SPEC = """
            unique_id: id
            link_type: link_only
            exact_id: nik
            comparisons:
              - {column: nik, kind: nik}
              - {column: nama, kind: indonesian_name}
              - {column: tanggal_lahir, kind: date}
              - {column: desa, kind: exact}
            blocking:
              - ['name_key(nama)']
              - [tanggal_lahir]
            truth: {column: orang}
            """;

    private static final String PKH = """
            id,nik,nama,tanggal_lahir,desa,orang
            p1,5108014501900003,NI LUH PUTU SUDIRTI,1990-01-05,5108012001,A
            p2,5108011203850002,I WAYAN SUDARMA,1985-03-12,5108012001,B
            p3,3209011708450001,H. MOCH. DJUNAEDI,1945-08-17,3209012005,C
            p4,3209015505700002,SITI AMINAH,1970-05-15,3209012005,D
            p5,3209012101800004,BAMBANG SUTRISNO,1980-01-21,3209012005,E
            p6,3209016202820005,DEWI LESTARI,1982-02-22,3209012005,F
            """;

    private static final String BPNT = """
            id,nik,nama,tanggal_lahir,desa,orang
            b1,5108014501900003,NI PUTU SUDIRTI,1990-01-05,5108012001,A
            b2,5108011203850020,I WAYAN SUDARMA,1985-12-03,5108012001,B
            b3,,MUHAMMAD JUNAIDI,1945-08-17,3209012005,C
            b4,3209014404720003,SITI AMINAH,1972-04-04,3209012005,G
            b5,3209012303830006,AGUS SANTOSO,1983-03-23,3209012005,H
            b6,3209016404840007,RINA WATI,1984-04-24,3209012005,I
            """;

    /** People on one roster only, to give the random pairs that estimate u something to see. */
    private static final List<String> OTHERS = List.of(
            "HENDRA GUNAWAN",
            "YULIANI",
            "SLAMET RIYADI",
            "NENG ROHAYATI",
            "ASEP SAEPUDIN",
            "KOMANG ARIANI",
            "KETUT MERTA",
            "ANDI MAPPANYUKKI",
            "SRI MULYANI",
            "TAN SIOK LAN",
            "LIEM SWIE KING",
            "RAHMAT HIDAYAT",
            "FITRIANI",
            "UJANG SUPRIATNA",
            "NYOMAN SUWENA",
            "GEDE PRAMANA",
            "ENTIS SUTISNA",
            "DAENG MATTARU",
            "JOKO SUSILO",
            "ENDANG SUSILAWATI",
            "WAYAN BALIK",
            "SUPARMAN",
            "NURHAYATI",
            "YOHANES KAPITAN");

    @TempDir
    Path root;

    private static String roster(String people, int from) {
        StringBuilder csv = new StringBuilder(people);
        for (int i = from; i < from + OTHERS.size() / 2; i++) {
            int day = 1 + i;
            int month = 1 + i % 12;
            int year = 1950 + 2 * i;
            csv.append(String.format(
                    "x%d,32090%d%02d%02d%02d%04d,%s,%d-%02d-%02d,32090120%02d,X%d%n",
                    i, 1 + i % 4, day, month, year % 100, 1 + i, OTHERS.get(i), year, month, day, 10 + i % 7, i));
        }
        return csv.toString();
    }

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    @Test
    void linksTwoRostersAndPrintsQualityAgainstTheGroundTruth() throws Exception {
        Path spec = Files.writeString(root.resolve("spec.yml"), SPEC);
        Path pkh = Files.writeString(root.resolve("pkh.csv"), roster(PKH, 0));
        Path bpnt = Files.writeString(root.resolve("bpnt.csv"), roster(BPNT, OTHERS.size() / 2));
        Path out = root.resolve("out");

        CommandRun dedupe = run(
                "dedupe",
                "--lang",
                "en",
                "--input",
                pkh.toString(),
                "--input",
                bpnt.toString(),
                "--spec",
                spec.toString(),
                "--out",
                out.toString());

        assertThat(dedupe.exitCode()).as(dedupe.err()).isZero();
        assertThat(dedupe.out())
                .contains("36 records read from 2 files")
                .contains("  blocking rule exact_id(nik): upper bound 1 pairs, 1 new candidate pairs")
                .contains("Pairs within clusters: precision 1.0000, recall 1.0000, F1 1.0000 (3 correct of 3; 3 true"
                        + " pairs)");
        assertThat(out.resolve("pairs.parquet")).isRegularFile();
        assertThat(out.resolve("clusters.parquet")).isRegularFile();
        assertThat(Files.readAllLines(out.resolve("clusters.csv")))
                .startsWith("unique_id,source_id,cluster_id,cluster_size", "p1,0,1,2", "p2,0,2,2", "p3,0,3,2");
    }

    @Test
    void failsWithOneSentenceWhenTheSpecIsNotValid() throws Exception {
        Path spec = Files.writeString(root.resolve("spec.yml"), "unique_id: id\ncomparisons: []\nblocking: [[x]]\n");
        Path pkh = Files.writeString(root.resolve("pkh.csv"), PKH);

        CommandRun dedupe = run(
                "dedupe",
                "--input",
                pkh.toString(),
                "--spec",
                spec.toString(),
                "--out",
                root.resolve("out").toString());

        assertThat(dedupe.exitCode()).isEqualTo(1);
        assertThat(dedupe.err().strip())
                .isEqualTo("Gagal: Spesifikasi spec.yml tidak sah: a linkage spec needs at least one comparison");
    }

    @Test
    void helpSpeaksIndonesianByDefault() {
        CommandRun help = run("dedupe", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .startsWith("Usage: satupintu dedupe")
                .contains("Menghapus duplikat satu berkas CSV atau menautkan beberapa berkas");
    }
}
