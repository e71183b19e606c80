package id.satupintu.pipeline.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.pipeline.duckdb.DuckDb;
import java.nio.file.Path;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;

/** FEBRL1 (500 records and one duplicate of each, see febrl1/SOURCE.md) deduplicated without labels. */
class FebrlDedupeTest {
    @Test
    void deduplicatesFebrl1UnsupervisedWithPairwiseF1AboveNinetyNinePercent() throws Exception {
        Path folder =
                Path.of(getClass().getResource("febrl1/dataset1.csv").toURI()).getParent();
        LinkageSpec spec = LinkageSpecFile.read(folder.resolve("febrl1.yml"));
        try (DuckDBConnection connection = DuckDb.inMemory(2)) {
            LinkageRecords.loadCsv(connection, List.of(folder.resolve("dataset1.csv")));

            LinkageResult result = new LinkageEngine(spec).run(connection);

            assertThat(result.records()).isEqualTo(1_000);
            assertThat(result.blocking())
                    .containsExactly(
                            new BlockingCount("soc_sec_id", 450, 450),
                            new BlockingCount("given_name & surname", 228, 21),
                            new BlockingCount("date_of_birth", 456, 37),
                            new BlockingCount("postcode & prefix(surname, 2)", 344, 10),
                            new BlockingCount("suburb & prefix(given_name, 2)", 266, 3),
                            new BlockingCount("prefix(given_name, 3) & prefix(surname, 3)", 337, 12));
            assertThat(result.candidatePairs()).isEqualTo(533);
            LinkageQuality quality = result.quality().orElseThrow();
            assertThat(quality.blocking()).isEqualTo(new PairQuality(500, 533, 500));
            // measured 1.0 (500 of 500 pairs, no false match) on 2026-11-24
            assertThat(quality.matchedPairs().f1()).isGreaterThanOrEqualTo(0.99);
            assertThat(quality.clusterPairs().f1()).isGreaterThanOrEqualTo(0.99);
            assertThat(result.clusters()).isEqualTo(500);
        }
    }
}
