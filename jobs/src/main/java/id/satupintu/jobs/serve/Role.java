package id.satupintu.jobs.serve;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a user of {@code satupintu serve} may see. Each role sees its own figures and nothing else;
 * every role sees the reference lists (months, programs, wilayah) it needs to ask for them.
 */
public enum Role {
    /** Bapelitbangda: recipients, overlap, changes, targeting, coverage; small cells suppressed. */
    PLANNER(true),
    /** BPKAD / budget staff: spending; small cells suppressed. */
    BUDGET(true),
    /** Dinas Sosial: the same aggregates exact, and the named list of recipients (masked by default). */
    DINSOS(false),
    /** The operator: the refresh runs and the published warehouse version. */
    ADMIN(false);

    private final boolean aggregatesOnly;

    Role(boolean aggregatesOnly) {
        this.aggregatesOnly = aggregatesOnly;
    }

    /** Whether the role sees only aggregates, so that its small cells are suppressed. */
    public boolean aggregatesOnly() {
        return aggregatesOnly;
    }

    /** The Spring Security authority of the role ({@code ROLE_PLANNER}). */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role's name as people type it: {@code planner}, {@code budget}, {@code dinsos}, {@code admin}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String text) {
        return Arrays.stream(values())
                .filter(role -> role.label().equalsIgnoreCase(text.strip()))
                .findFirst();
    }
}
