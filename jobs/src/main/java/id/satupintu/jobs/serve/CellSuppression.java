package id.satupintu.jobs.serve;

import id.satupintu.pipeline.opendata.SmallCellSuppression;
import id.satupintu.pipeline.opendata.SmallCellSuppression.Cell;
import id.satupintu.pipeline.opendata.SmallCellSuppression.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Small cells of a table hidden for the roles that see only aggregates, with the open data's rule
 * ({@link SmallCellSuppression}, threshold from {@code config/opendata.properties}):
 *
 * <ul>
 *   <li>the {@code recipients} column (or {@code persons}) by both rules: primary, and secondary within
 *       each program (the rows of one program add up to a total shown one level up), so a hidden count
 *       cannot be recovered by subtraction;
 *   <li>every other count column by the primary rule (1 to threshold - 1 hidden; zero is shown);
 *   <li>every count and rupiah of a row whose recipients are hidden (its households, its women, its
 *       benefit: a rate times the count is public).
 * </ul>
 */
final class CellSuppression {
    private CellSuppression() {}

    static void apply(Figures figures, int threshold) {
        int total = figures.columnIndex("recipients");
        if (total < 0) {
            total = figures.columnIndex("persons");
        }
        int group = figures.columnIndex("program_code");
        if (total >= 0) {
            List<Cell> cells = new ArrayList<>();
            for (int row = 0; row < figures.size(); row++) {
                Object count = figures.value(row, total);
                if (count instanceof Long value && value > 0) {
                    String groupKey = group >= 0 ? String.valueOf(figures.value(row, group)) : "";
                    cells.add(new Cell(groupKey, Integer.toString(row), value));
                }
            }
            Map<String, Verdict> verdicts = SmallCellSuppression.apply(cells, threshold, true);
            for (Map.Entry<String, Verdict> verdict : verdicts.entrySet()) {
                if (verdict.getValue() != Verdict.SHOWN) {
                    int row = Integer.parseInt(verdict.getKey());
                    figures.suppress(row, total);
                    for (int column = 0; column < figures.columns().size(); column++) {
                        if (figures.columns().get(column).kind() != Figures.Kind.TEXT) {
                            figures.suppress(row, column);
                        }
                    }
                }
            }
        }
        for (int column = 0; column < figures.columns().size(); column++) {
            if (column == total || figures.columns().get(column).kind() != Figures.Kind.COUNT) {
                continue;
            }
            for (int row = 0; row < figures.size(); row++) {
                if (figures.value(row, column) instanceof Long value && value > 0 && value < threshold) {
                    figures.suppress(row, column);
                }
            }
        }
    }
}
