package id.satupintu.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.schemas.wilayah.WilayahTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parallel judge hands batches over in source order with the same rows, flags and rejects
 * whatever the number of threads and wherever the chunk boundaries fall: a repeated NIK across
 * chunks, a chunk whose rows are all rejected, a last chunk shorter than the rest.
 */
class RosterBatchReaderTest {
    private static final YearMonth PERIOD = YearMonth.of(2026, 10);
    private static final RegionResolver REGIONS = new RegionResolver(WilayahTable.national());

    @TempDir
    static Path root;

    private static Path file;
    private static SourceDefinition source;

    /**
     * Spreadsheet rows 2–41 hold serials 1–40, except: rows 10–16 have no NIK; row 30 repeats row
     * 3's NIK and name; row 40 repeats row 20's NIK under another name; row 41 carries the NIK row 11
     * would have had (row 11 is rejected, so it is new). Rows 42 and 43 share a NIK ending in 0 under
     * two names.
     */
    @BeforeAll
    static void writeRoster() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("NO;NIK;NO KK;NAMA KPM;JENIS KELAMIN;TANGGAL LAHIR;ALAMAT;RT;RW;KODE WILAYAH;TAHAP;KOMPONEN;NOMINAL");
        for (int serial = 1; serial <= 40; serial++) {
            int line = serial + 1;
            String nik = String.format("510801450385%04d", serial);
            String name = "NI LUH ASTITI " + serial;
            if (line >= 10 && line <= 16) {
                nik = "";
            } else if (line == 30) {
                nik = String.format("510801450385%04d", 2);
                name = "NI LUH ASTITI 2";
            } else if (line == 40) {
                nik = String.format("510801450385%04d", 19); // ends in 9: no zero trace
            } else if (line == 41) {
                nik = String.format("510801450385%04d", 10); // row 11's NIK would be 10, but row 11 is blank
            }
            lines.add(serial + ";" + nik + ";5108011203100001;" + name
                    + ";P;05/03/1985;BANJAR;001;002;51.08.01.2001;2026-T4;SD 1;300000");
        }
        lines.add(
                "41;5108014503850050;5108011203100001;NI LUH ASTITI A;P;05/03/1985;BANJAR;001;002;51.08.01.2001;2026-T4;SD 1;300000");
        lines.add(
                "42;5108014503850050;5108011203100001;NI LUH ASTITI B;P;05/03/1985;BANJAR;001;002;51.08.01.2001;2026-T4;SD 1;300000");
        file = root.resolve("pkh_5108_202610.csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        source = SourceCatalogue.defaults().sourceFor(file).orElseThrow();
    }

    private static RowJudge judge(RecordReader records) {
        return new RowJudge(
                source,
                PERIOD,
                file.getFileName().toString(),
                "51.08",
                records.header(),
                records.rawSeparator(),
                WilayahTable.national(),
                REGIONS,
                LakeQueries.PSEUDONYMIZER);
    }

    private record Read(List<String> staged, List<String> rejected, long rowsRead) {}

    private static Read read(int batchRows, int workers) throws Exception {
        List<String> staged = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator();
                RecordReader records = RecordReader.open(file, source)) {
            try (RosterBatchReader reader =
                    new RosterBatchReader(allocator, records, judge(records), batchRows, workers)) {
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                while (reader.loadNextBatch()) {
                    BigIntVector sourceRow = (BigIntVector) root.getVector("source_row");
                    VarCharVector flags = (VarCharVector) root.getVector("flags");
                    for (int row = 0; row < root.getRowCount(); row++) {
                        staged.add(sourceRow.get(row) + "|" + (flags.isNull(row) ? "-" : flags.getObject(row)));
                    }
                }
                List<String> rejected = reader.rejectedRows().stream()
                        .map(rejectedRow -> rejectedRow.sourceRow() + "|"
                                + rejectedRow.rule().id())
                        .toList();
                return new Read(staged, rejected, reader.rowsRead());
            }
        }
    }

    @Test
    void flagsRepeatsOnTheLaterRowOnlyAndCountsEveryRow() throws Exception {
        Read read = read(7, 3);

        assertThat(read.rowsRead()).isEqualTo(42);
        assertThat(read.rejected())
                .containsExactly(
                        "10|NIK_MISSING",
                        "11|NIK_MISSING",
                        "12|NIK_MISSING",
                        "13|NIK_MISSING",
                        "14|NIK_MISSING",
                        "15|NIK_MISSING",
                        "16|NIK_MISSING");
        assertThat(read.staged()).hasSize(35);
        assertThat(read.staged().stream().filter(row -> !row.endsWith("|-")))
                .containsExactly(
                        "30|NIK_DUPLICATE_IN_FILE",
                        "40|NIK_DUPLICATE_IN_FILE",
                        "43|NIK_DUPLICATE_IN_FILE,NIK_LAST_DIGIT_ZERO");
        assertThat(read.staged())
                .startsWith("2|-", "3|-", "4|-")
                .endsWith("41|-", "42|-", "43|NIK_DUPLICATE_IN_FILE,NIK_LAST_DIGIT_ZERO");
    }

    @Test
    void theSameOutputWhateverTheThreadsAndChunks() throws Exception {
        Read reference = read(RosterBatchReader.DEFAULT_BATCH_ROWS, 1);

        for (int batchRows : new int[] {1, 5, 7, 41}) {
            for (int workers : new int[] {1, 2, 4}) {
                Read read = read(batchRows, workers);
                assertThat(read.staged())
                        .as("%d rows, %d threads", batchRows, workers)
                        .isEqualTo(reference.staged());
                assertThat(read.rejected())
                        .as("%d rows, %d threads", batchRows, workers)
                        .isEqualTo(reference.rejected());
                assertThat(read.rowsRead()).isEqualTo(42);
            }
        }
    }

    @Test
    void closingAfterTheFirstBatchFreesEveryBatchInFlight() throws Exception {
        BufferAllocator allocator = new RootAllocator();
        try (RecordReader records = RecordReader.open(file, source);
                RosterBatchReader reader = new RosterBatchReader(allocator, records, judge(records), 3, 2)) {
            assertThat(reader.loadNextBatch()).isTrue();
            assertThat(reader.getVectorSchemaRoot().getRowCount()).isEqualTo(3);
        }
        assertThat(allocator.getAllocatedMemory()).isZero();
        allocator.close(); // throws if a batch leaked
    }
}
