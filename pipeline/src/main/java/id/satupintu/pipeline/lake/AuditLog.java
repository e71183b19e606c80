package id.satupintu.pipeline.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log of the data directory ({@code metadata/audit.log}): one JSON object a line, appended
 * and never rewritten, created owner-only ({@code rw-------}). A line says who did what with which
 * file (name and SHA-256), when and with what counts; it never holds a resident's name or NIK.
 */
public final class AuditLog {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditLog() {}

    /** Appends one entry as one line and forces it to disk before returning. */
    public static void append(Path file, Map<String, Object> entry) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                Files.createFile(file);
                if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
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
