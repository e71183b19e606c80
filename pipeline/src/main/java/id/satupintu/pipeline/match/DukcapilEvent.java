package id.satupintu.pipeline.match;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A death or a move out that Dukcapil reported for the person of a list row (warehouse table
 * {@code dukcapil_event}).
 *
 * @param eventType {@code KEMATIAN} or {@code PINDAH_KELUAR}
 * @param eventDate the date of the death or the move; null when the extract gave none
 * @param destinationCode the kab/kota moved to; null for a death or when unknown
 * @param destinationName that kab/kota's name in the national region table; null when unknown
 */
public record DukcapilEvent(String eventType, LocalDate eventDate, String destinationCode, String destinationName) {
    public static final String DEATH = "KEMATIAN";
    public static final String MOVE_OUT = "PINDAH_KELUAR";

    public DukcapilEvent {
        requireNonNull(eventType, "eventType is null");
    }

    public boolean isDeath() {
        return eventType.equals(DEATH);
    }
}
