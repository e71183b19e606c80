package id.satupintu.pipeline.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Which published warehouse an output was made from: the time its file was written (the build that
 * was published; a publish or rollback renames the file and keeps that time), as {@code
 * yyyyMMdd-HHmmss} in UTC, the way {@code warehouse/versions/} names the versions it keeps.
 */
public record WarehouseVersion(String version, Instant writtenAt) {
    private static final DateTimeFormatter VERSION =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    public WarehouseVersion {
        requireNonNull(version, "version is null");
        requireNonNull(writtenAt, "writtenAt is null");
    }

    public static WarehouseVersion of(Path warehouseFile) throws IOException {
        Instant written = Files.getLastModifiedTime(warehouseFile).toInstant();
        return new WarehouseVersion(VERSION.format(written), written);
    }
}
