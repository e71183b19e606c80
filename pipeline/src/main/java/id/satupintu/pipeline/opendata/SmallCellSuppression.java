package id.satupintu.pipeline.opendata;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which counts of a published table are hidden so that no small group of people can be picked out.
 *
 * <ol>
 *   <li><b>Primary</b>: a count below the threshold (default 5) is hidden.
 *   <li><b>Secondary</b>: within a group whose total is published elsewhere (the desa of one
 *       kecamatan and program, whose total is the kecamatan's count), a hidden count must not be
 *       recoverable as the total minus the shown counts. So while a group has hidden counts and
 *       either only one of them, or together they are fewer than the threshold (two hidden cells of
 *       1 and 2 would be known to be 1 and 2 from a sum of 3), the smallest shown count of the group
 *       is hidden too (the first by key among equals).
 * </ol>
 *
 * A group whose total is itself below the threshold has every count hidden by the first rule, and
 * its total is hidden where it is published. Counts of zero are not cells: a table lists only the
 * groups that have someone.
 */
public final class SmallCellSuppression {
    public static final int DEFAULT_THRESHOLD = 5;

    private SmallCellSuppression() {}

    /** Why a count is hidden, or that it is shown. */
    public enum Verdict {
        SHOWN,
        PRIMARY,
        SECONDARY
    }

    /** One count of a table: the group it belongs to (may be empty: no group), its key, the count. */
    public record Cell(String group, String key, long count) {
        public Cell {
            requireNonNull(group, "group is null");
            requireNonNull(key, "key is null");
            if (count < 0) {
                throw new IllegalArgumentException("a count is not negative: " + count);
            }
        }
    }

    /** The verdict for every cell, in the order given; keys must be unique. */
    public static Map<String, Verdict> apply(List<Cell> cells, int threshold, boolean secondary) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the threshold must be at least 1: " + threshold);
        }
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        Map<String, List<Cell>> groups = new LinkedHashMap<>();
        for (Cell cell : cells) {
            if (verdicts.put(cell.key(), cell.count() < threshold ? Verdict.PRIMARY : Verdict.SHOWN) != null) {
                throw new IllegalArgumentException("two cells with the key " + cell.key());
            }
            groups.computeIfAbsent(cell.group(), group -> new ArrayList<>()).add(cell);
        }
        if (!secondary) {
            return verdicts;
        }
        Comparator<Cell> smallestFirst = Comparator.comparingLong(Cell::count).thenComparing(Cell::key);
        for (List<Cell> group : groups.values()) {
            List<Cell> shown = new ArrayList<>();
            long hiddenCount = 0;
            long hiddenSum = 0;
            for (Cell cell : group) {
                if (verdicts.get(cell.key()) == Verdict.SHOWN) {
                    shown.add(cell);
                } else {
                    hiddenCount++;
                    hiddenSum += cell.count();
                }
            }
            shown.sort(smallestFirst);
            int next = 0;
            while (hiddenCount > 0 && (hiddenCount == 1 || hiddenSum < threshold) && next < shown.size()) {
                Cell cell = shown.get(next++);
                verdicts.put(cell.key(), Verdict.SECONDARY);
                hiddenCount++;
                hiddenSum += cell.count();
            }
        }
        return verdicts;
    }
}
