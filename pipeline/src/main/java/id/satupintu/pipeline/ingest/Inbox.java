package id.satupintu.pipeline.ingest;

import id.satupintu.pipeline.lake.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What one period's inbox holds, as ingest sees it. Every entry of the folder whose name does not
 * start with a dot is one delivery, whatever it is: a regular file is read, anything else (a
 * symbolic link, a folder, a named pipe) is refused by {@link RosterIngest} with its name and the
 * reason, so nothing the offices put in the inbox goes unrecorded. Hidden entries (a dot first:
 * {@code .~lock.*#} of LibreOffice, {@code .DS_Store}) are never deliveries.
 */
public final class Inbox {
    /**
     * The longest file name ingest takes, in characters: the refresh names each file's step in the
     * job repository ({@code ingestFile:file:} and the name, at most 100 characters there).
     */
    static final int LONGEST_FILE_NAME = 80;

    /**
     * The longest file name ingest takes, in UTF-8 bytes: the lake files of a roster carry its name
     * with {@code .parquet} and a temporary prefix and suffix, and a file system allows 255.
     */
    static final int LONGEST_FILE_NAME_BYTES = 200;

    private Inbox() {}

    /** The period's deliveries, sorted by name; none when the folder does not exist. */
    public static List<Path> entries(DataDirectory data, YearMonth period) {
        Path inbox = data.inbox(period);
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(inbox)) {
            return entries.filter(entry -> !entry.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + inbox, e);
        }
    }

    /** The bytes of a delivery that can be read: 0 for anything but a regular file. */
    public static long readableSize(Path entry) {
        try {
            return Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) ? Files.size(entry) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Why an entry of the inbox cannot be read as a roster before any byte of it is opened, or
     * empty when it is a readable regular file with a usable name.
     */
    static Optional<RosterFileRefusedException> refusalOf(Path entry) {
        String fileName = entry.getFileName().toString();
        Optional<RosterFileRefusedException> name = nameRefusal(fileName);
        if (name.isPresent()) {
            return name;
        }
        if (Files.isSymbolicLink(entry)) {
            return Optional.of(new RosterFileRefusedException(
                    fileName,
                    "berkas berupa tautan simbolik (symlink), bukan berkas; salin berkas aslinya ke inbox",
                    "the entry is a symbolic link, not a file; copy the file itself into the inbox"));
        }
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(new RosterFileRefusedException(
                    fileName,
                    "berkas berupa folder, bukan berkas; taruh berkasnya langsung di inbox",
                    "the entry is a folder, not a file; put the files themselves in the inbox"));
        }
        if (!Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(new RosterFileRefusedException(
                    fileName,
                    "berkas bukan berkas biasa (misalnya pipa atau perangkat)",
                    "the entry is not a regular file (a pipe or a device, for example)"));
        }
        if (!Files.isReadable(entry)) {
            return Optional.of(new RosterFileRefusedException(
                    fileName,
                    "berkas tidak boleh dibaca oleh akun SatuPintu (izin berkas)",
                    "the file may not be read by the SatuPintu account (file permissions)"));
        }
        return Optional.empty();
    }

    /**
     * The name a delivery goes by in the manifest, the job repository, logs and reports: its file
     * name, or for a name those cannot carry (control characters, too long) a readable part of it
     * ({@code ?} for each control character) with {@code ~} and a hash of the whole name, so two
     * such names never meet.
     */
    public static String shownName(String fileName) {
        if (isUsableName(fileName)) {
            return fileName;
        }
        StringBuilder shown = new StringBuilder();
        int bytes = 0;
        for (int c : fileName.codePoints().toArray()) {
            int width = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
            if (shown.length() >= 50 || bytes + width > 120) {
                break;
            }
            shown.appendCodePoint(Character.isISOControl(c) ? '?' : c);
            bytes += width;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(fileName.getBytes(StandardCharsets.UTF_8));
            return shown + "~" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isUsableName(String fileName) {
        return fileName.codePoints().noneMatch(Character::isISOControl)
                && fileName.codePointCount(0, fileName.length()) <= LONGEST_FILE_NAME
                && fileName.getBytes(StandardCharsets.UTF_8).length <= LONGEST_FILE_NAME_BYTES;
    }

    /** A name that logs, lake files and reports cannot carry: control characters, or too long. */
    static Optional<RosterFileRefusedException> nameRefusal(String fileName) {
        if (isUsableName(fileName)) {
            return Optional.empty();
        }
        String shown = shownName(fileName);
        if (fileName.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of(new RosterFileRefusedException(
                    shown,
                    "nama berkas memuat karakter kendali (misalnya baris baru); ganti nama berkasnya",
                    "the file name holds control characters (a line break, for example); rename the file"));
        }
        int characters = fileName.codePointCount(0, fileName.length());
        int bytes = fileName.getBytes(StandardCharsets.UTF_8).length;
        return Optional.of(new RosterFileRefusedException(
                shown,
                "nama berkas terlalu panjang (" + characters + " karakter, " + bytes + " bita; paling banyak "
                        + LONGEST_FILE_NAME + " karakter dan " + LONGEST_FILE_NAME_BYTES + " bita); ganti nama"
                        + " berkasnya",
                "the file name is too long (" + characters + " characters, " + bytes + " bytes; at most "
                        + LONGEST_FILE_NAME + " characters and " + LONGEST_FILE_NAME_BYTES + " bytes); rename"
                        + " the file"));
    }
}
