package id.satupintu.jobs.serve;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One user of {@code satupintu serve}: a name, a role, a BCrypt hash of the password, the SHA-256 of
 * the API key if one was issued, and whether the user may see full NIKs (Dinas Sosial only).
 */
public record Account(
        String name, Role role, String passwordHash, Optional<String> apiKeyHash, boolean fullNik, Instant createdAt) {
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public Account {
        requireNonNull(name, "name is null");
        requireNonNull(role, "role is null");
        requireNonNull(passwordHash, "passwordHash is null");
        requireNonNull(apiKeyHash, "apiKeyHash is null");
        requireNonNull(createdAt, "createdAt is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a user name: " + name);
        }
        if (fullNik && role != Role.DINSOS) {
            throw new IllegalArgumentException("only a dinsos user may see full NIKs: " + name);
        }
    }

    public Account withApiKeyHash(String hash) {
        return new Account(name, role, passwordHash, Optional.of(hash), fullNik, createdAt);
    }
}
