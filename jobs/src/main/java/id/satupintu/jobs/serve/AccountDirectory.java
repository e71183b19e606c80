package id.satupintu.jobs.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The accounts of {@code config/users.csv} as the server knows them, read again whenever the file
 * changes ({@code satupintu user add} or {@code remove} while the server runs).
 */
public final class AccountDirectory {
    private final Path file;
    private Object seen;
    private Map<String, Account> byName = Map.of();
    private Map<String, Account> byKeyHash = Map.of();

    public AccountDirectory(Path file) {
        this.file = Objects.requireNonNull(file, "file is null");
    }

    public Optional<Account> byName(String name) {
        refresh();
        synchronized (this) {
            return Optional.ofNullable(byName.get(name));
        }
    }

    public Optional<Account> byApiKey(String apiKey) {
        refresh();
        String hash = AccountFile.apiKeyHash(apiKey);
        synchronized (this) {
            return Optional.ofNullable(byKeyHash.get(hash));
        }
    }

    public int size() {
        refresh();
        synchronized (this) {
            return byName.size();
        }
    }

    private synchronized void refresh() {
        Object now = version();
        if (Objects.equals(now, seen)) {
            return;
        }
        List<Account> accounts = AccountFile.read(file);
        Map<String, Account> names = new LinkedHashMap<>();
        Map<String, Account> keys = new LinkedHashMap<>();
        for (Account account : accounts) {
            names.put(account.name(), account);
            account.apiKeyHash().ifPresent(hash -> keys.put(hash, account));
        }
        byName = names;
        byKeyHash = keys;
        seen = now;
    }

    private Object version() {
        try {
            if (!Files.exists(file)) {
                return "none";
            }
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime(), attributes.size());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
