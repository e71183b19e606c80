package id.satupintu.pipeline.report;

import static java.util.Objects.requireNonNull;

import id.satupintu.schemas.wilayah.WilayahTable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The first sheet of a workbook: what it is, the period, the region, the warehouse version it comes
 * from, when it was made, its sources, what its numbers and small cells mean, and its sheets.
 */
public final class Cover {
    private static final SqlFile KABUPATEN = SqlFile.of(Cover.class, "kabupaten");

    private final OutputContext context;
    private final String title;
    private final List<List<String>> lines = new ArrayList<>();

    public Cover(OutputContext context, String title) {
        this.context = requireNonNull(context, "context is null");
        this.title = requireNonNull(title, "title is null");
        ReportLabels labels = context.labels();
        line(labels.get("cover.period"), context.period().toString());
    }

    /** Adds the kabupaten/kota whose recipients the warehouse holds, the version and when it was made. */
    public Cover warehouse(Connection warehouse) throws SQLException {
        ReportLabels labels = context.labels();
        List<String> regions = new ArrayList<>();
        try {
            KABUPATEN.forEach(warehouse, row -> regions.add(row.getString(2) + " (" + row.getString(1) + ")"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        line(labels.get("cover.region"), String.join(", ", regions));
        line(labels.get("cover.wilayah-edition"), WilayahTable.EDITION);
        line(labels.get("cover.version"), context.warehouseText());
        line(labels.get("cover.generated"), context.generatedAtText());
        return this;
    }

    public Cover line(String label, String value) {
        lines.add(List.of(requireNonNull(label, "label is null"), requireNonNull(value, "value is null")));
        return this;
    }

    /** The sheets of the workbook, each with what it holds; a note on sheets split for length. */
    public Cover sheets(List<List<String>> sheets) {
        ReportLabels labels = context.labels();
        lines.add(List.of(""));
        lines.add(List.of(labels.get("cover.sheets"), labels.format("cover.split", XlsxWorkbook.EXCEL_MAX_ROWS)));
        for (List<String> sheet : sheets) {
            lines.add(List.of("  " + sheet.get(0), sheet.get(1)));
        }
        return this;
    }

    public void write(XlsxWorkbook workbook) throws IOException {
        workbook.textSheet(context.labels().get("cover.sheet"), title, lines);
    }
}
