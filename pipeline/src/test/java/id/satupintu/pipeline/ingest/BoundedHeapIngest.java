package id.satupintu.pipeline.ingest;

import id.satupintu.pipeline.lake.DataDirectory;
import java.nio.file.Path;
import java.time.YearMonth;

/**
 * Ingests every entry of one period's inbox and prints one line per manifest
 * ({@code name|status|read|staged|rejected|English reason}), then the heap's limit: run by
 * {@link HostileInputBoundedHeapTest} in a JVM with a small heap, where a reader that holds a
 * whole bomb in memory ends in an OutOfMemoryError and a non-zero exit.
 */
public final class BoundedHeapIngest {
    private BoundedHeapIngest() {}

    public static void main(String[] args) {
        DataDirectory data = new DataDirectory(Path.of(args[0]));
        YearMonth period = YearMonth.parse(args[1]);
        RosterIngest ingest = LakeQueries.ingest(data, SourceCatalogue.defaults());
        for (Path entry : Inbox.entries(data, period)) {
            FileManifest manifest = ingest.ingest(period, entry);
            System.out.println(manifest.sourceFile() + "|" + manifest.status() + "|" + manifest.rowsRead() + "|"
                    + manifest.rowsStaged() + "|" + manifest.rowsRejected() + "|"
                    + manifest.refusalReasonEnglish().orElse("-"));
        }
        System.out.println("max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
    }
}
