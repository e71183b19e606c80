package id.satupintu.jobs.refresh;

import id.satupintu.jobs.OperatorException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A step that stopped because the disk is full: the sentence an operator reads names the folder
 * that had no space left, says the published warehouse is unchanged, and that {@code restart} goes
 * on once space is freed. Recognised by the operating system's "No space left on device" (ENOSPC)
 * anywhere in the cause chain, whether Java's file API or DuckDB met it.
 */
final class DiskFull {
    private DiskFull() {}

    /** Whether {@code failure} or one of its causes is a write that found the disk full. */
    static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String text = cause instanceof FileSystemException fileSystem && fileSystem.getReason() != null
                    ? fileSystem.getReason()
                    : cause.getMessage();
            if (text != null && text.toLowerCase(Locale.ROOT).contains("no space left on device")) {
                return true;
            }
        }
        return false;
    }

    /** The sentence for a full disk met in {@code step} while writing under {@code folder}. */
    static OperatorException in(String step, Path folder) {
        boolean build = step.equals("build");
        return new OperatorException(
                "Disk penuh saat " + (build ? "membangun gudang data" : "langkah " + step)
                        + ": tidak ada ruang tersisa di " + folder
                        + "; gudang data yang diterbitkan tidak berubah, kosongkan ruang disk lalu jalankan restart",
                "The disk is full while " + (build ? "building the warehouse" : "running step " + step)
                        + ": no space left in " + folder
                        + "; the published warehouse is unchanged, free disk space and run restart");
    }
}
