package id.satupintu.jobs.rollback;

import id.satupintu.jobs.CommonOptions;
import id.satupintu.jobs.Language;
import id.satupintu.jobs.OperatorException;
import id.satupintu.jobs.refresh.RefreshRunner;
import id.satupintu.pipeline.lake.DataDirectoryLock;
import id.satupintu.pipeline.warehouse.WarehousePublisher;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Puts an earlier published warehouse back (the newest kept one, or the one named), or lists the
 * kept versions. The warehouse it replaces is kept too, so a rollback can be undone.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true)
public final class RollbackCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--to", paramLabel = "VERSION", descriptionKey = "rollback-to")
    String version;

    @Option(names = "--list", descriptionKey = "rollback-list")
    boolean list;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        WarehousePublisher publisher = new WarehousePublisher(options.dataDirectory());
        List<String> versions = publisher.versions();
        if (list) {
            out.println(Language.format(options.messages(), "rollback.versions", versions.size()));
            versions.forEach(name -> out.println("  " + name));
            return 0;
        }
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(
                options.dataDirectory(), "rollback" + (version == null ? "" : " --to " + version))) {
            String restored = publisher.rollback(Optional.ofNullable(version));
            out.println(Language.format(
                    options.messages(),
                    "rollback.done",
                    restored,
                    options.dataDirectory().publishedWarehouse()));
        } catch (DataDirectoryLock.HeldException e) {
            throw RefreshRunner.locked(e.holder());
        } catch (IllegalArgumentException e) {
            throw new OperatorException(
                    version == null
                            ? "Tidak ada versi gudang data sebelumnya yang disimpan"
                            : "Tidak ada versi tersimpan bernama " + version + "; lihat rollback --list",
                    version == null
                            ? "No earlier warehouse version is kept"
                            : "No kept version named " + version + "; see rollback --list");
        }
        return 0;
    }
}
