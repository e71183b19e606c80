package id.satupintu.pipeline.match;

import static java.util.Objects.requireNonNull;

import id.satupintu.pipeline.ingest.ListReader.ListRow;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One row of a list as the warehouse answers it.
 *
 * @param row the row as read, with its values as written
 * @param status found, possibly found, not found
 * @param personId the person found (or possibly found); null when not found
 * @param matchProbability the linkage model's probability that the row is that person (1 for an
 *     equal valid NIK); null when not found
 * @param programs the programs the person is enrolled in that month, by code, sorted
 * @param flags what an officer should know of the row
 * @param duplicateRows the row numbers of the other rows of the list that are the same person
 * @param events the deaths and moves Dukcapil reported for the person
 */
public record MatchedRow(
        ListRow row,
        MatchStatus status,
        String personId,
        Double matchProbability,
        List<String> programs,
        Set<MatchFlag> flags,
        List<Long> duplicateRows,
        List<DukcapilEvent> events) {
    public MatchedRow {
        requireNonNull(row, "row is null");
        requireNonNull(status, "status is null");
        programs = List.copyOf(programs);
        flags = flags.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(flags));
        duplicateRows = List.copyOf(duplicateRows);
        events = List.copyOf(events);
        if ((status == MatchStatus.NOT_FOUND) != (personId == null)) {
            throw new IllegalArgumentException("a row has a person exactly when it is found or possibly found");
        }
    }
}
