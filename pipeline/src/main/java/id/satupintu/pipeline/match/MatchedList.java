package id.satupintu.pipeline.match;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A list matched against the warehouse: the month it was matched against, the list's header and
 * the columns recognised in it, and every data row with its answer, in the list's order.
 *
 * @param columns the list's columns used for matching (nik, nama, birth_date, kode_desa, desa_name,
 *     kecamatan_name, no_kk) with their headers as written
 */
public record MatchedList(
        String fileName, YearMonth period, List<String> header, Map<String, String> columns, List<MatchedRow> rows) {
    public MatchedList {
        requireNonNull(fileName, "fileName is null");
        requireNonNull(period, "period is null");
        header = List.copyOf(header);
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        rows = List.copyOf(rows);
    }

    /** Rows per status, every status present. */
    public Map<MatchStatus, Long> statusCounts() {
        Map<MatchStatus, Long> counts = new EnumMap<>(MatchStatus.class);
        for (MatchStatus status : MatchStatus.values()) {
            counts.put(
                    status, rows.stream().filter(row -> row.status() == status).count());
        }
        return counts;
    }

    /** Rows carrying each flag, every flag present. */
    public Map<MatchFlag, Long> flagCounts() {
        Map<MatchFlag, Long> counts = new EnumMap<>(MatchFlag.class);
        for (MatchFlag flag : MatchFlag.values()) {
            counts.put(
                    flag,
                    rows.stream().filter(row -> row.flags().contains(flag)).count());
        }
        return counts;
    }
}
