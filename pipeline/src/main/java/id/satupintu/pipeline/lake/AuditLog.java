package id.satupintu.pipeline.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log of the data directory ({@code metadata/audit.log}): one JSON object a line, appended
 * and never rewritten, owner-only ({@code rw-------}). A line says who did what with which file
 * (name and SHA-256), when and with what counts; it never holds a resident's name or NIK. It records
 * the refresh runs (start and outcome), every export of data out of the warehouse or the lake, and
 * the review imports.
 */
public final class AuditLog {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AuditLog() {}

    /**
     * A new entry: when ({@code at}, UTC), what ({@code action}) and who: {@code os_user}, the
     * operating-system account the command runs under.
     */
    public static Map<String, Object> entry(String action) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", Instant.now().toString());
        entry.put("action", requireNonNull(action, "action is null"));
        entry.put("os_user", System.getProperty("user.name", "unknown"));
        return entry;
    }

    /** A written file as an entry lists it: its path, size and SHA-256. */
    public static Map<String, Object> file(Path file) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("file", file.toAbsolutePath().normalize().toString());
        try {
            described.put("bytes", Files.size(file));
            described.put("sha256", sha256(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return described;
    }

    /** The SHA-256 of a file's bytes, in lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Appends one entry as one line and forces it to disk before returning. */
    public static void append(Path file, Map<String, Object> entry) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            boolean posix = Files.getFileStore(file.toAbsolutePath().getParent())
                    .supportsFileAttributeView(PosixFileAttributeView.class);
            if (!Files.exists(file)) {
                if (posix) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createFile(file);
                }
            }
            if (posix && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                // a copy or a restore may have widened it
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            String line = JSON.writeValueAsString(entry).replace('\n', ' ') + "\n";
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to " + file, e);
        }
    }

    /** Every entry of the log, oldest first; an empty list when there is none. */
    public static List<JsonNode> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<JsonNode> entries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    entries.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return entries;
    }
}
