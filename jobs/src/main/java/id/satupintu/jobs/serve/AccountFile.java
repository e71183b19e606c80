package id.satupintu.jobs.serve;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import id.satupintu.pipeline.lake.DataDirectory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The users of {@code satupintu serve}, in {@code config/users.csv} of the data directory
 * (owner-only, {@code rw-------}): {@code name,role,password_hash,api_key_hash,full_nik,created_at}.
 * Passwords are kept as BCrypt hashes; an API key (32 random bytes, shown once) as its SHA-256,
 * which is enough for a random key of that length and costs nothing per request. The file is
 * written whole to a temporary file and renamed, so a reader never sees half of it.
 */
public final class AccountFile {
    static final List<String> HEADER =
            List.of("name", "role", "password_hash", "api_key_hash", "full_nik", "created_at");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEY_PREFIX = "sp_";

    private AccountFile() {}

    public static Path of(DataDirectory data) {
        return data.config().resolve("users.csv");
    }

    /** Every account of the file, in its order; none when the file does not exist. */
    public static List<Account> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Account> accounts = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file, StandardCharsets.UTF_8)) {
            for (NamedCsvRecord record : csv) {
                long row = record.getStartingLineNumber();
                try {
                    String key = record.getField("api_key_hash");
                    accounts.add(new Account(
                            record.getField("name"),
                            Role.parse(record.getField("role"))
                                    .orElseThrow(() ->
                                            new IllegalArgumentException("unknown role " + record.getField("role"))),
                            record.getField("password_hash"),
                            key.isEmpty() ? Optional.empty() : Optional.of(key),
                            Boolean.parseBoolean(record.getField("full_nik")),
                            Instant.parse(record.getField("created_at"))));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(file + " row " + row + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return accounts;
    }

    /** Writes {@code accounts} as the whole file, owner-only, by an atomic rename. */
    public static void write(Path file, List<Account> accounts) {
        StringWriter text = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().build(text)) {
            csv.writeRecord(HEADER);
            for (Account account : accounts) {
                csv.writeRecord(
                        account.name(),
                        account.role().label(),
                        account.passwordHash(),
                        account.apiKeyHash().orElse(""),
                        Boolean.toString(account.fullNik()),
                        account.createdAt().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            if (Files.getFileStore(file.toAbsolutePath().getParent())
                    .supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.createFile(
                        temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(temporary, text.toString(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** A new random password of 20 letters and digits. */
    public static String generatePassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    /** A new API key: {@code sp_} and 32 random bytes, base64url. */
    public static String generateApiKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of an API key, hex, as the file keeps it. */
    public static String apiKeyHash(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
