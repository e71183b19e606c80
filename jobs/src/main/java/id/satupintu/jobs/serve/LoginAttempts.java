package id.satupintu.jobs.serve;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Password guessing held back: after {@value #ALLOWED_FAILURES} wrong passwords in a row a user name
 * is locked for {@link #LOCKED_FOR} (the log-in form and HTTP Basic alike; the right password is
 * refused too while it lasts). A right password before that clears the count. Kept in memory: a
 * restart clears it. API keys are not counted: 32 random bytes are not guessed.
 */
@Component
class LoginAttempts {
    static final int ALLOWED_FAILURES = 5;
    static final Duration LOCKED_FOR = Duration.ofMinutes(15);

    private record Failures(int count, Instant last) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    private final AccountDirectory accounts;

    LoginAttempts(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    boolean locked(String name) {
        Failures seen = failures.get(name);
        if (seen == null || seen.count() < ALLOWED_FAILURES) {
            return false;
        }
        if (seen.last().plus(LOCKED_FOR).isBefore(clock.instant())) {
            failures.remove(name);
            return false;
        }
        return true;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String name = String.valueOf(event.getAuthentication().getName());
        // only names of the accounts file are counted, so what is kept stays bounded
        if (accounts.byName(name).isPresent()) {
            failures.merge(
                    name, new Failures(1, clock.instant()), (seen, now) -> new Failures(seen.count() + 1, now.last()));
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        failures.remove(String.valueOf(event.getAuthentication().getName()));
    }
}
