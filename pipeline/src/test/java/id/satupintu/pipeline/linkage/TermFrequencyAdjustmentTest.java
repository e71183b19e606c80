package id.satupintu.pipeline.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.satupintu.pipeline.duckdb.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TermFrequencyAdjustmentTest {
    @TempDir
    Path directory;

    @Test
    void agreementOnACommonNameCountsForLessThanOnARareOne() throws Exception {
        // ten records named SUTRISNO, two named WIRAKUSUMAH, twenty others; each pair of interest
        // also agrees on the desa, so the pairs differ only in how common their name is
        StringBuilder csv = new StringBuilder("id,nama,desa\n");
        for (int i = 1; i <= 10; i++) {
            csv.append("common")
                    .append(i)
                    .append(",SUTRISNO,")
                    .append(i <= 2 ? "D1" : "C" + i)
                    .append('\n');
        }
        csv.append("rare1,WIRAKUSUMAH,D2\nrare2,WIRAKUSUMAH,D2\n");
        for (int i = 1; i <= 20; i++) {
            csv.append("other")
                    .append(i)
                    .append(",NAMA")
                    .append((char) ('A' + i))
                    .append("X,O")
                    .append(i)
                    .append('\n');
        }
        Path file = Files.writeString(directory.resolve("names.csv"), csv);
        LinkageSpec spec = new LinkageSpec(
                "id",
                LinkType.DEDUPE,
                null,
                List.of(
                        ComparisonSpec.of("nama", ComparisonKind.NAME),
                        ComparisonSpec.of("desa", ComparisonKind.EXACT)),
                List.of(BlockingRule.of("nama")),
                Thresholds.DEFAULT,
                1_000,
                LinkageSpec.DEFAULT_RANDOM_PAIRS,
                null);
        try (DuckDBConnection connection = DuckDb.inMemory(1)) {
            LinkageRecords.loadCsv(connection, List.of(file));
            new LinkageEngine(spec).run(connection);

            double common = weight(connection, "common1", "common2");
            double rare = weight(connection, "rare1", "rare2");

            // term frequencies 10/32 and 2/32: the rare name's agreement is worth log2(5) bits more
            assertThat(rare - common).isCloseTo(Math.log(5) / Math.log(2), within(1e-9));
        }
    }

    private static double weight(DuckDBConnection connection, String left, String right) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT match_weight FROM ("
                        + LinkageOutput.scoredPairs("id") + ") WHERE unique_id_l = '" + left + "' AND unique_id_r = '"
                        + right + "'")) {
            assertThat(result.next()).isTrue();
            return result.getDouble(1);
        }
    }
}
