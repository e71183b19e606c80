package id.satupintu.pipeline.lake;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.YearMonth;

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
 * warehouse/build/                       warehouses being built, renamed into place when done
 * metadata/                              the Spring Batch job repository
 * secrets/pseudonym.key                  the HMAC key behind person keys (owner-only)
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

    public Path warehouseBuilds() {
        return warehouseDirectory().resolve("build");
    }

    public Path metadata() {
        return root.resolve("metadata");
    }

    public Path pseudonymKey() {
        return root.resolve("secrets").resolve("pseudonym.key");
    }

    public Path truth(YearMonth period) {
        return root.resolve("truth").resolve(period.toString());
    }
}
