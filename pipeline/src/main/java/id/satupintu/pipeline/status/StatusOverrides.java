package id.satupintu.pipeline.status;

import static java.util.Objects.requireNonNull;

import id.satupintu.pipeline.lake.DecisionFile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reviewers' decisions about a person's status, which every later warehouse build applies: {@code
 * config/status-overrides.csv} in the data directory, one decision a line, appended to and never
 * rewritten ({@link DecisionFile}).
 *
 * <pre>
 * person_id,status,from_period,decided_by,decided_on,reference,note
 * P0a1b2c3d4e5f60718293,MENINGGAL,2026-10,Musdes Desa Pejarakan,2026-10-14,BA/021/PJK/X/2026,
 * P9f8e7d6c5b4a39281706,AKTIF,2026-09,Dinsos Buleleng,2026-10-20,BA/030/DINSOS/X/2026,laporan kematian keliru
 * </pre>
 *
 * <p>A decision says the person's status from its month on: {@code MENINGGAL} (deceased), {@code
 * PINDAH} (moved away), {@code MAMPU} (well-off, no longer eligible) or {@code AKTIF} (eligible again,
 * which revokes an earlier status or a Dukcapil report). The person is named by the warehouse's
 * {@code person_id}, never by NIK or name. A later line about the same person supersedes what earlier
 * lines said about the months from its month on; the months before keep the earlier decisions. So
 * for each person and month, the decision in force is the latest line whose month has begun. A line
 * that cannot be read stops the warehouse build with its line number (and no value from it), so a
 * decision is never silently lost.
 */
public final class StatusOverrides {
    public static final String HEADER = "person_id,status,from_period,decided_by,decided_on,reference,note";

    private static final Pattern PERSON_ID = Pattern.compile("P[0-9a-f]{19}");

    private StatusOverrides() {}

    /** What a reviewer decided about a person. */
    public enum Status {
        /** Deceased. */
        MENINGGAL,
        /** Moved away. */
        PINDAH,
        /** Well-off: no longer eligible. */
        MAMPU,
        /** Eligible again: revokes an earlier status, or a Dukcapil report found wrong. */
        AKTIF;

        /** The status named by {@code text} in any case; empty when it names none. */
        public static Optional<Status> parse(String text) {
            try {
                return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /** Whether {@code text} has the form of a person id the link step gives ({@code P} and 19 hex digits). */
    public static boolean isPersonId(String text) {
        return text != null && PERSON_ID.matcher(text).matches();
    }

    /**
     * One line of the file. {@code line} is its line number (0 for one not yet written); {@code note}
     * is null when the line has none.
     */
    public record Decision(
            int line,
            String personId,
            Status status,
            YearMonth from,
            String decidedBy,
            LocalDate decidedOn,
            String reference,
            String note) {
        public Decision {
            requireNonNull(personId, "personId is null");
            requireNonNull(status, "status is null");
            requireNonNull(from, "from is null");
            requireNonNull(decidedBy, "decidedBy is null");
            requireNonNull(decidedOn, "decidedOn is null");
            requireNonNull(reference, "reference is null");
            if (!isPersonId(personId)) {
                throw new IllegalArgumentException("a person id is P and 19 hex digits");
            }
            if (decidedBy.isBlank() || reference.isBlank()) {
                throw new IllegalArgumentException("who decided and the reference are required");
            }
            if (note != null && note.isBlank()) {
                note = null;
            }
        }

        /** The same decision about another person: the one the link merged this person into. */
        public Decision forPerson(String otherPersonId) {
            return otherPersonId.equals(personId)
                    ? this
                    : new Decision(line, otherPersonId, status, from, decidedBy, decidedOn, reference, note);
        }

        String csvLine() {
            return String.join(
                    ",",
                    personId,
                    status.name(),
                    from.toString(),
                    DecisionFile.field(decidedBy),
                    decidedOn.toString(),
                    DecisionFile.field(reference),
                    note == null ? "" : DecisionFile.field(note));
        }
    }

    /**
     * A decision in force: its status holds from {@code from} (the decision's month) through {@code
     * to}, the month before a later line about the person begins; no {@code to} while no later line
     * takes over.
     */
    public record Episode(Decision decision, YearMonth from, Optional<YearMonth> to) {
        public Episode {
            requireNonNull(decision, "decision is null");
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
        }

        /** Whether the decision is the one in force in {@code month}. */
        public boolean holdsIn(YearMonth month) {
            return !month.isBefore(from) && to.map(last -> !month.isAfter(last)).orElse(true);
        }
    }

    /** Every decision of the file in file order; an empty list when there is no file. */
    public static List<Decision> read(Path file) {
        List<Decision> decisions = new ArrayList<>();
        for (DecisionFile.Line line : DecisionFile.read(file, HEADER)) {
            decisions.add(parseLine(file, line.number(), line.text()));
        }
        return List.copyOf(decisions);
    }

    /**
     * The decisions in force, in file order, each with its months: a decision holds from its month
     * until the month before the earliest month of a later line about the same person. A decision
     * that a later line takes over from its own month on is in force in no month and is left out.
     */
    public static List<Episode> inForce(List<Decision> decisions) {
        List<Episode> episodes = new ArrayList<>();
        // walking backwards, the earliest month any later line about each person begins
        Map<String, YearMonth> laterStart = new HashMap<>();
        for (int i = decisions.size() - 1; i >= 0; i--) {
            Decision decision = decisions.get(i);
            YearMonth next = laterStart.get(decision.personId());
            if (next == null) {
                episodes.add(new Episode(decision, decision.from(), Optional.empty()));
            } else if (next.isAfter(decision.from())) {
                episodes.add(new Episode(decision, decision.from(), Optional.of(next.minusMonths(1))));
            }
            if (next == null || decision.from().isBefore(next)) {
                laterStart.put(decision.personId(), decision.from());
            }
        }
        Collections.reverse(episodes);
        return List.copyOf(episodes);
    }

    /** Appends one decision, writing the header first when the file is new. */
    public static void append(Path file, Decision decision) {
        DecisionFile.append(file, HEADER, decision.csvLine());
    }

    private static Decision parseLine(Path file, int number, String line) {
        List<String> fields = DecisionFile.fields(line);
        if (fields == null || fields.size() < 6 || fields.size() > 7) {
            throw bad(file, number, "harus berisi 6 atau 7 kolom: " + HEADER, "must have 6 or 7 fields: " + HEADER);
        }
        String personId = fields.get(0).strip();
        if (!isPersonId(personId)) {
            throw bad(
                    file,
                    number,
                    "person_id harus ID orang dari gudang data (P dan 19 digit heksadesimal)",
                    "the person_id must be a person id of the warehouse (P and 19 hex digits)");
        }
        Status status = Status.parse(fields.get(1))
                .orElseThrow(() -> bad(
                        file,
                        number,
                        "status harus MENINGGAL, PINDAH, MAMPU atau AKTIF",
                        "the status must be MENINGGAL, PINDAH, MAMPU or AKTIF"));
        YearMonth from;
        try {
            from = YearMonth.parse(fields.get(2).strip());
        } catch (DateTimeParseException e) {
            throw bad(file, number, "from_period harus berbentuk YYYY-MM", "the from_period must be YYYY-MM");
        }
        LocalDate decidedOn;
        try {
            decidedOn = LocalDate.parse(fields.get(4).strip());
        } catch (DateTimeParseException e) {
            throw bad(
                    file,
                    number,
                    "tanggal keputusan harus berbentuk YYYY-MM-DD",
                    "the decision date must be YYYY-MM-DD");
        }
        String decidedBy = fields.get(3).strip();
        String reference = fields.get(5).strip();
        if (decidedBy.isEmpty() || reference.isEmpty()) {
            throw bad(
                    file,
                    number,
                    "pemutus dan nomor berita acara wajib diisi",
                    "who decided and the reference are required");
        }
        String note = fields.size() == 7 ? fields.get(6).strip() : null;
        return new Decision(number, personId, status, from, decidedBy, decidedOn, reference, note);
    }

    private static StatusOverrideException bad(Path file, int line, String indonesian, String english) {
        return new StatusOverrideException(
                "Baris " + line + " dari " + file + " tidak terbaca: " + indonesian,
                "Line " + line + " of " + file + " cannot be read: " + english);
    }
}
