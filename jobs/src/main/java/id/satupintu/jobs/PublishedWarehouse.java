package id.satupintu.jobs;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.report.WarehouseVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The published warehouse as the output commands ({@code report}, {@code opendata}, {@code
 * uji-publik}, {@code review export}) read it: it must exist and hold the month asked for. Readers
 * need no lock: a refresh replaces the file by an atomic rename, so an open warehouse stays whole.
 */
public final class PublishedWarehouse {
    private PublishedWarehouse() {}

    /** The published warehouse file; fails with one sentence when none is published yet. */
    public static Path require(DataDirectory data) {
        Path warehouse = data.publishedWarehouse();
        if (!Files.exists(warehouse)) {
            throw new OperatorException(
                    "Belum ada gudang data yang diterbitkan di " + warehouse + "; jalankan refresh dahulu",
                    "No warehouse has been published at " + warehouse + " yet; run refresh first");
        }
        return warehouse;
    }

    /** Fails with one sentence naming the months it has when the warehouse does not hold {@code period}. */
    public static void requirePeriod(Connection warehouse, YearMonth period) throws SQLException {
        List<String> periods = new ArrayList<>();
        try (Statement statement = warehouse.createStatement();
                ResultSet result = statement.executeQuery("SELECT period FROM period ORDER BY period")) {
            while (result.next()) {
                periods.add(result.getString(1));
            }
        }
        if (!periods.contains(period.toString())) {
            String held = periods.isEmpty() ? "-" : String.join(", ", periods);
            throw new OperatorException(
                    "Periode " + period + " tidak ada di gudang data yang diterbitkan (periode yang ada: " + held + ")",
                    "Period " + period + " is not in the published warehouse (periods it holds: " + held + ")");
        }
    }

    /** The published warehouse opened read-only, with no access to other files. */
    public static Connection openReadOnly(Path warehouse) {
        try {
            return DuckDb.openReadOnly(warehouse);
        } catch (SQLException e) {
            throw unreadable(warehouse, e);
        }
    }

    public static WarehouseVersion version(Path warehouse) {
        try {
            return WarehouseVersion.of(warehouse);
        } catch (IOException e) {
            throw new OperatorException(
                    "Gudang data " + warehouse + " tidak terbaca: " + e.getMessage(),
                    "The warehouse " + warehouse + " cannot be read: " + e.getMessage());
        }
    }

    public static OperatorException unreadable(Path warehouse, Exception e) {
        return new OperatorException(
                "Gudang data " + warehouse + " tidak terbaca: " + e.getMessage(),
                "The warehouse " + warehouse + " cannot be read: " + e.getMessage());
    }
}
