package id.satupintu.pipeline.ingest;

import id.satupintu.schemas.contract.TableContract;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the lake output of an ingested file depends on besides the file's bytes: the code that reads
 * and judges it (every class and resource of this build's {@code pipeline} and {@code schemas}
 * modules but their SQL files, so any change to a rule, a normalization, a contract or the region
 * table counts), the catalogue entries
 * that can read the file, and the pseudonymization key. A file whose bytes and fingerprint are
 * those of its last ingest is kept in the lake as it is instead of being read again. When the code
 * cannot be identified the fingerprint is new every run, so nothing is ever reused by mistake.
 */
final class IngestFingerprint {
    /** The key of the fingerprint in the manifest file's Parquet key-value metadata. */
    static final String KEY = "satupintu.ingest_fingerprint";

    private static final Logger log = LoggerFactory.getLogger(IngestFingerprint.class);

    private static final String CODE = codeIdentity(List.of(RosterIngest.class, TableContract.class));

    private IngestFingerprint() {}

    static String of(List<SourceDefinition> sources, String keyId) {
        MessageDigest digest = sha256();
        digest.update(CODE.getBytes(StandardCharsets.UTF_8));
        for (SourceDefinition source : sources) {
            digest.update(canonical(source).getBytes(StandardCharsets.UTF_8));
        }
        digest.update(keyId.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Every field of the entry, in declaration order, maps sorted by key: an immutable map's order
     * changes from one JVM to the next, its content does not.
     */
    static String canonical(SourceDefinition source) {
        StringBuilder text = new StringBuilder();
        for (RecordComponent component : SourceDefinition.class.getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(source);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (value instanceof Map<?, ?> map) {
                value = new TreeMap<>(map);
            }
            text.append(component.getName()).append('=').append(value).append('\u001f');
        }
        return text.append('\u001e').toString();
    }

    /** A digest of the compiled classes the given classes were loaded with: a folder, a jar, or a jar in a jar. */
    static String codeIdentity(List<Class<?>> classes) {
        try {
            List<URL> locations = new ArrayList<>();
            for (Class<?> type : classes) {
                locations.add(type.getProtectionDomain().getCodeSource().getLocation());
            }
            return codeIdentityAt(locations);
        } catch (RuntimeException e) {
            log.warn("Cannot identify the ingest code ({}); every file is read again each run", e.toString());
            return randomIdentity();
        }
    }

    /**
     * A digest of the code at the given locations, leaving out the SQL resources: the warehouse
     * models and data tests, the reports and the link's comparisons run SQL files, the ingest runs
     * none (its statements are in its classes), so a changed model does not make every file be read
     * again.
     */
    static String codeIdentityAt(List<URL> locations) {
        MessageDigest digest = sha256();
        try {
            for (URL location : locations) {
                digestCode(location, digest);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            log.warn("Cannot identify the ingest code ({}); every file is read again each run", e.toString());
            return randomIdentity();
        }
    }

    private static String randomIdentity() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static boolean readByTheIngest(String entryName) {
        return !entryName.endsWith(".sql");
    }

    private static void digestCode(URL location, MessageDigest digest) throws IOException, URISyntaxException {
        if ("file".equals(location.getProtocol())) {
            Path path = Path.of(location.toURI());
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path file : files.filter(Files::isRegularFile)
                            .filter(file ->
                                    readByTheIngest(path.relativize(file).toString()))
                            .sorted(Comparator.comparing(Path::toString))
                            .toList()) {
                        digest.update(path.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                        digest.update(Files.readAllBytes(file));
                    }
                }
                return;
            }
            try (JarFile jar = new JarFile(path.toFile())) {
                digestEntries(jar, digest);
            }
            return;
        }
        // a library inside the Spring Boot jar (jar:nested:…!/): its entries' names, sizes and CRCs
        URLConnection connection = location.openConnection();
        if (!(connection instanceof JarURLConnection jar)) {
            throw new IOException("unknown code location " + location);
        }
        connection.setUseCaches(false);
        try (JarFile file = jar.getJarFile()) {
            digestEntries(file, digest);
        }
    }

    /** A jar's entries by name, size and CRC (the jar's own bytes carry timestamps). */
    private static void digestEntries(JarFile jar, MessageDigest digest) {
        for (JarEntry entry : jar.stream()
                .filter(entry -> readByTheIngest(entry.getName()))
                .sorted(Comparator.comparing(JarEntry::getName))
                .toList()) {
            digest.update(
                    (entry.getName() + ":" + entry.getSize() + ":" + entry.getCrc()).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
