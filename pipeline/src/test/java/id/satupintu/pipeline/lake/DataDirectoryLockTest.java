package id.satupintu.pipeline.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryLockTest {
    @TempDir
    Path root;

    @Test
    void aSecondWriterIsToldWhoHoldsTheLock() throws Exception {
        DataDirectory data = new DataDirectory(root);
        try (DataDirectoryLock first = DataDirectoryLock.acquire(data, "refresh --period 2026-10")) {
            assertThatThrownBy(() -> DataDirectoryLock.acquire(data, "rollback"))
                    .isInstanceOf(DataDirectoryLock.HeldException.class)
                    .satisfies(e -> assertThat(((DataDirectoryLock.HeldException) e).holder())
                            .matches("pid \\d+, since \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ,"
                                    + " refresh --period 2026-10"));
            assertThat(DataDirectoryLock.holder(data))
                    .hasValueSatisfying(holder -> assertThat(holder).endsWith("refresh --period 2026-10"));
        }
        assertThat(DataDirectoryLock.holder(data)).isEmpty();
        // it names the command and its process: owner-only, as a widened copy is tightened again
        Path file = root.resolve(DataDirectoryLock.FILE_NAME);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        java.nio.file.Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        java.nio.file.Files.setPosixFilePermissions(
                file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        try (DataDirectoryLock again = DataDirectoryLock.acquire(data, "rollback")) {
            assertThat(DataDirectoryLock.holder(data))
                    .hasValueSatisfying(holder -> assertThat(holder).endsWith("rollback"));
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        java.nio.file.Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void anotherProcessHoldingTheLockKeepsThisOneOut() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Process holder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LockHolder.class.getName(),
                        root.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("locked");
            assertThatThrownBy(() -> DataDirectoryLock.acquire(data, "refresh --period 2026-11"))
                    .isInstanceOf(DataDirectoryLock.HeldException.class)
                    .hasMessageContaining("schedule (test holder)");
        } finally {
            // killed as a crash would end it: the operating system releases the lock
            holder.destroyForcibly();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        try (DataDirectoryLock mine = DataDirectoryLock.acquire(data, "refresh --period 2026-11")) {
            assertThat(DataDirectoryLock.holder(data)).isPresent();
        }
    }

    @Test
    void foldersWithPersonalDataAreOwnerOnly() throws Exception {
        DataDirectory data = new DataDirectory(root.resolve("data"));
        java.nio.file.Files.createDirectories(data.warehouseDirectory());
        data.createRestrictedFolders();

        for (Path folder : List.of(
                data.inbox(),
                data.lake(),
                data.root().resolve("truth"),
                data.pseudonymKey().getParent(),
                data.metadata())) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                            java.nio.file.Files.getPosixFilePermissions(folder)))
                    .as(folder.toString())
                    .isEqualTo("rwx------");
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        java.nio.file.Files.getPosixFilePermissions(data.warehouseDirectory())))
                .isEqualTo("rwxr-xr-x");
    }

    /** Holds the lock of the directory in its first argument until it is killed. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            DataDirectoryLock lock =
                    DataDirectoryLock.acquire(new DataDirectory(Path.of(args[0])), "schedule (test holder)");
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(60_000);
            lock.close();
        }
    }
}
