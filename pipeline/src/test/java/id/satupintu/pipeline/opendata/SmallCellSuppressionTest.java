package id.satupintu.pipeline.opendata;

import static id.satupintu.pipeline.opendata.SmallCellSuppression.Verdict.PRIMARY;
import static id.satupintu.pipeline.opendata.SmallCellSuppression.Verdict.SECONDARY;
import static id.satupintu.pipeline.opendata.SmallCellSuppression.Verdict.SHOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.satupintu.pipeline.opendata.SmallCellSuppression.Cell;
import id.satupintu.pipeline.opendata.SmallCellSuppression.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallCellSuppressionTest {
    @Test
    void hidesCountsBelowTheThreshold() {
        Map<String, Verdict> verdicts = SmallCellSuppression.apply(
                List.of(new Cell("", "a", 4), new Cell("", "b", 5), new Cell("", "c", 1), new Cell("", "d", 120)),
                5,
                false);

        assertThat(verdicts)
                .containsExactly(
                        Map.entry("a", PRIMARY), Map.entry("b", SHOWN), Map.entry("c", PRIMARY), Map.entry("d", SHOWN));
    }

    @Test
    void aLoneHiddenCountTakesTheNextSmallestOfItsGroupWithIt() {
        // kecamatan K1 × PKH: desa counts 3, 40, 12, 12 (total 67 is published): 3 alone could be
        // worked out as 67 - 40 - 12 - 12, so the smallest shown count (12, first by key) is hidden too
        Map<String, Verdict> verdicts = SmallCellSuppression.apply(
                List.of(
                        new Cell("K1 PKH", "d1", 3),
                        new Cell("K1 PKH", "d2", 40),
                        new Cell("K1 PKH", "d4", 12),
                        new Cell("K1 PKH", "d3", 12),
                        new Cell("K2 PKH", "d5", 7),
                        new Cell("K2 PKH", "d6", 9)),
                5,
                true);

        assertThat(verdicts)
                .containsExactly(
                        Map.entry("d1", PRIMARY),
                        Map.entry("d2", SHOWN),
                        Map.entry("d4", SHOWN),
                        Map.entry("d3", SECONDARY),
                        Map.entry("d5", SHOWN),
                        Map.entry("d6", SHOWN));
    }

    @Test
    void hiddenCountsThatTogetherStayBelowTheThresholdTakeMoreWithThem() {
        // 1 and 2 hidden: their sum, 3, would be known from the total, and so would be both counts
        Map<String, Verdict> verdicts = SmallCellSuppression.apply(
                List.of(
                        new Cell("K1 BPNT", "d1", 1),
                        new Cell("K1 BPNT", "d2", 2),
                        new Cell("K1 BPNT", "d3", 30),
                        new Cell("K1 BPNT", "d4", 8)),
                5,
                true);

        assertThat(verdicts)
                .containsExactly(
                        Map.entry("d1", PRIMARY),
                        Map.entry("d2", PRIMARY),
                        Map.entry("d3", SHOWN),
                        Map.entry("d4", SECONDARY));
    }

    @Test
    void twoHiddenCountsOfAtLeastTheThresholdTogetherStay() {
        Map<String, Verdict> verdicts = SmallCellSuppression.apply(
                List.of(new Cell("g", "a", 3), new Cell("g", "b", 4), new Cell("g", "c", 6)), 5, true);

        assertThat(verdicts).containsExactly(Map.entry("a", PRIMARY), Map.entry("b", PRIMARY), Map.entry("c", SHOWN));
    }

    @Test
    void aGroupWithNothingLeftToHideStaysAsItIs() {
        // the group's total (3) is below the threshold and is hidden where it is published
        Map<String, Verdict> verdicts = SmallCellSuppression.apply(List.of(new Cell("g", "a", 3)), 5, true);

        assertThat(verdicts).containsExactly(Map.entry("a", PRIMARY));
    }

    @Test
    void refusesTwoCellsWithOneKey() {
        assertThatThrownBy(
                        () -> SmallCellSuppression.apply(List.of(new Cell("", "a", 3), new Cell("", "a", 9)), 5, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two cells with the key a");
    }
}
