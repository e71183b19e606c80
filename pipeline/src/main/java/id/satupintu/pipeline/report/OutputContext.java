package id.satupintu.pipeline.report;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What every output of a period says about itself: the month, the language, the warehouse version
 * it comes from and when it was made; and how many rows a sheet may hold.
 */
public record OutputContext(
        YearMonth period,
        ReportLabels labels,
        WarehouseVersion warehouse,
        ZonedDateTime generatedAt,
        int maxRowsPerSheet) {
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    public OutputContext {
        requireNonNull(period, "period is null");
        requireNonNull(labels, "labels is null");
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(generatedAt, "generatedAt is null");
        if (maxRowsPerSheet < 2 || maxRowsPerSheet > XlsxWorkbook.EXCEL_MAX_ROWS) {
            throw new IllegalArgumentException("maxRowsPerSheet out of range: " + maxRowsPerSheet);
        }
    }

    public OutputContext(YearMonth period, ReportLabels labels, WarehouseVersion warehouse, ZonedDateTime generatedAt) {
        this(period, labels, warehouse, generatedAt, XlsxWorkbook.EXCEL_MAX_ROWS);
    }

    /** When the output was made, as the cover shows it ({@code 2026-10-06 09:15:02 WIB}). */
    public String generatedAtText() {
        return GENERATED.withLocale(ReportLabels.INDONESIAN).format(generatedAt);
    }

    /** The warehouse version as the cover shows it. */
    public String warehouseText() {
        return labels.format(
                "cover.version.value",
                warehouse.version(),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                        .withZone(java.time.ZoneOffset.UTC)
                        .format(warehouse.writtenAt()));
    }
}
