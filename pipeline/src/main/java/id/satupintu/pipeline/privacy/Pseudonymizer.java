package id.satupintu.pipeline.privacy;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a NIK into a pseudonymous person key, and a No. KK into a family key: the first 80 bits of
 * HMAC-SHA256 under a secret key that lives outside the warehouse. Without the key a key cannot be
 * turned back into a NIK by trying all NIKs; with it the same NIK always gives the same key, month
 * after month.
 */
public final class Pseudonymizer {
    private static final int KEY_BYTES = 32;
    private static final int OUTPUT_BYTES = 10;
    private static final String FAMILY_PREFIX = "KK:";
    private static final byte[] KEY_ID_TEXT = "SATUPINTU-KEY-ID".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public Pseudonymizer(byte[] keyBytes) {
        requireNonNull(keyBytes, "keyBytes is null");
        if (keyBytes.length < 16) {
            throw new IllegalArgumentException("pseudonymization key must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(keyBytes.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /**
     * Reads the key file, creating it with 32 random bytes and owner-only permissions the first
     * time.
     */
    public static Pseudonymizer fromKeyFile(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.getParent());
                byte[] fresh = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.createFile(
                            keyFile,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.write(
                            keyFile,
                            HexFormat.of().formatHex(fresh).getBytes(StandardCharsets.US_ASCII),
                            StandardOpenOption.TRUNCATE_EXISTING);
                } catch (FileAlreadyExistsException raced) {
                    // another worker created it first: use theirs
                }
            }
            String hex = Files.readString(keyFile, StandardCharsets.US_ASCII).trim();
            return new Pseudonymizer(HexFormat.of().parseHex(hex));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the pseudonymization key " + keyFile, e);
        }
    }

    public String personKey(String nik) {
        Mac mac = macs.get();
        byte[] digest = mac.doFinal(nik.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(digest, 0, OUTPUT_BYTES);
    }

    /**
     * The pseudonymous key of a No. KK: the same HMAC over {@code KK:} and the number, so a family key
     * never equals the person key of a NIK with the same sixteen digits.
     */
    public String familyKey(String noKk) {
        Mac mac = macs.get();
        byte[] digest = mac.doFinal((FAMILY_PREFIX + noKk).getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(digest, 0, OUTPUT_BYTES);
    }

    /**
     * Names the key without revealing it (an HMAC of a fixed text under the key): lake outputs
     * made under one key are not reused under another.
     */
    public String keyId() {
        return HexFormat.of().formatHex(macs.get().doFinal(KEY_ID_TEXT), 0, OUTPUT_BYTES);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
