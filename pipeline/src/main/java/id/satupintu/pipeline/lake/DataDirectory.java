package id.satupintu.pipeline.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.YearMonth;
import java.util.List;

/**
 * Where everything lives under the data directory. One place decides the layout so that every
 * stage, the CLI and the tests agree on it.
 *
 * <pre>
 * inbox/YYYY-MM/                         rosters as the offices sent them
 * lake/staged/period=YYYY-MM/program=X/  staged rows (Parquet, restricted: named data)
 * lake/rejected/period=YYYY-MM/program=X/ rejected rows with rule and raw values (restricted)
 * lake/reference/period=YYYY-MM/reference=X/ reference extracts (Dukcapil events, exclusion lists)
 * lake/manifest/period=YYYY-MM/          one manifest row per source file
 * warehouse/satupintu.duckdb             the published warehouse
 * warehouse/versions/                    earlier published warehouses, for rollback
 * warehouse/build/                       warehouses being built, renamed into place when done
 * reports/YYYY-MM/run-N.json             what each refresh run did (counts, timings, rejects, tests; owner-only)
 * metadata/                              the Spring Batch job repository
 * secrets/pseudonym.key                  the HMAC key behind person keys (owner-only)
 * config/link-overrides.csv              reviewers' same-person / different-persons decisions
 * config/status-overrides.csv            reviewers' status decisions (deceased, moved, well-off, eligible)
 * config/opendata.properties             open data settings: small-cell threshold, license, publisher
 * opendata/YYYY-MM/                      aggregated CSV and metadata for a Satu Data portal (public)
 * desa/YYYY-MM/uji-publik/               uji publik lists per desa, masked names (owner-only until posted)
 * desa/YYYY-MM/musdes/                   musyawarah desa review workbooks per desa, with names (owner-only)
 * metadata/audit.log                     refresh runs, exports and review imports (JSON lines, owner-only)
 * truth/YYYY-MM/                         ground truth written by the synthetic generator
 * </pre>
 */
public record DataDirectory(Path root) {
    public static final String WAREHOUSE_FILE_NAME = "satupintu.duckdb";

    public DataDirectory {
        root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
    }

    public Path inbox() {
        return root.resolve("inbox");
    }

    public Path inbox(YearMonth period) {
        return inbox().resolve(period.toString());
    }

    public Path lake() {
        return root.resolve("lake");
    }

    public Path staged() {
        return lake().resolve("staged");
    }

    public Path rejected() {
        return lake().resolve("rejected");
    }

    /** Reference extracts (Dukcapil events, exclusion lists), validated: {@code period=/reference=/}. */
    public Path reference() {
        return lake().resolve("reference");
    }

    public Path referencePartition(YearMonth period, String referenceType) {
        return reference().resolve("period=" + period).resolve("reference=" + referenceType);
    }

    /** The link step's output: which person each staged row is, per period. */
    public Path linked() {
        return lake().resolve("linked");
    }

    public Path linkedPartition(YearMonth period) {
        return linked().resolve("period=" + period);
    }

    /** The person registry as the latest warehouse build saw it: {@code golden_record.parquet}. */
    public Path registry() {
        return lake().resolve("registry");
    }

    public Path goldenRecord() {
        return registry().resolve("golden_record.parquet");
    }

    public Path manifests() {
        return lake().resolve("manifest");
    }

    public Path stagedPartition(YearMonth period, String programCode) {
        return staged().resolve("period=" + period).resolve("program=" + programCode);
    }

    public Path rejectedPartition(YearMonth period, String programCode) {
        return rejected().resolve("period=" + period).resolve("program=" + programCode);
    }

    public Path manifestPartition(YearMonth period) {
        return manifests().resolve("period=" + period);
    }

    public Path warehouseDirectory() {
        return root.resolve("warehouse");
    }

    public Path publishedWarehouse() {
        return warehouseDirectory().resolve(WAREHOUSE_FILE_NAME);
    }

    /** Earlier published warehouses, kept for rollback. */
    public Path warehouseVersions() {
        return warehouseDirectory().resolve("versions");
    }

    public Path warehouseBuilds() {
        return warehouseDirectory().resolve("build");
    }

    /** Run reports, one JSON file per refresh run under the month it refreshed. */
    public Path reports(YearMonth period) {
        return root.resolve("reports").resolve(period.toString());
    }

    public Path metadata() {
        return root.resolve("metadata");
    }

    public Path pseudonymKey() {
        return root.resolve("secrets").resolve("pseudonym.key");
    }

    /** Settings and decisions the operators keep: {@code config/}. */
    public Path config() {
        return root.resolve("config");
    }

    /** Reviewers' decisions every link applies ({@code id.satupintu.pipeline.linkage.LinkOverrides}). */
    public Path linkOverrides() {
        return config().resolve("link-overrides.csv");
    }

    /**
     * Reviewers' status decisions every warehouse build applies ({@code
     * id.satupintu.pipeline.status.StatusOverrides}).
     */
    public Path statusOverrides() {
        return config().resolve("status-overrides.csv");
    }

    /** Settings of the published aggregates ({@code id.satupintu.pipeline.opendata.OpenDataSettings}). */
    public Path openDataSettings() {
        return config().resolve("opendata.properties");
    }

    /** The aggregated open data of a month: CSV files and their metadata, for publication. */
    public Path openData(YearMonth period) {
        return root.resolve("opendata").resolve(period.toString());
    }

    /** Outputs for the desa, which carry names: uji publik lists and musyawarah review workbooks. */
    public Path desaOutputs() {
        return root.resolve("desa");
    }

    /** The uji publik lists of a month, one XLSX and one PDF per desa. */
    public Path ujiPublik(YearMonth period) {
        return desaOutputs().resolve(period.toString()).resolve("uji-publik");
    }

    /** The musyawarah desa review workbooks of a month, one per desa. */
    public Path reviewWorkbooks(YearMonth period) {
        return desaOutputs().resolve(period.toString()).resolve("musdes");
    }

    /** The append-only audit log of runs, exports and review imports (JSON lines, no name and no NIK). */
    public Path auditLog() {
        return metadata().resolve("audit.log");
    }

    public Path truth(YearMonth period) {
        return root.resolve("truth").resolve(period.toString());
    }

    /**
     * Makes a file owner-only ({@code rw-------}) where the file system has POSIX permissions: for
     * the files only the operator reads (run reports), beside the owner-only folders.
     */
    public static Path ownerOnlyFile(Path file) {
        try {
            if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restrict " + file, e);
        }
        return file;
    }

    /**
     * Creates the folders that hold personal data (inbox, lake, truth), the HMAC key and the job
     * metadata with owner-only permissions (rwx------), and tightens them if they exist. The
     * warehouse and the run reports carry no personal data and keep the default permissions.
     */
    public void createRestrictedFolders() {
        for (Path folder :
                List.of(inbox(), lake(), root.resolve("truth"), pseudonymKey().getParent(), metadata())) {
            try {
                Files.createDirectories(folder);
                if (Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class)) {
                    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create " + folder, e);
            }
        }
    }
}
