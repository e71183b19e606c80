package id.satupintu.pipeline.generate;

import static java.util.Objects.requireNonNull;

import id.satupintu.schemas.program.Program;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Optional;

/**
 * One file the generator wrote into the inbox: a program roster or a reference extract.
 *
 * @param source the program code ({@code PKH}) or the reference extract ({@code DUKCAPIL_PERISTIWA},
 *     {@code PENGECUALIAN_ASN}, {@code PENGECUALIAN_KENDARAAN}, {@code DTSEN})
 * @param rows data rows, without header or title rows
 * @param faultyRows rows that carry at least one injected fault
 * @param rejectRows rows ingest must reject (a fault ingest alone can see)
 */
public record GeneratedFile(YearMonth period, String source, Path path, long rows, long faultyRows, long rejectRows) {
    public GeneratedFile {
        requireNonNull(period, "period is null");
        requireNonNull(source, "source is null");
        requireNonNull(path, "path is null");
        if (rows < 0 || faultyRows < 0 || faultyRows > rows || rejectRows < 0 || rejectRows > faultyRows) {
            throw new IllegalArgumentException("Impossible row counts: rows " + rows + ", faultyRows " + faultyRows
                    + ", rejectRows " + rejectRows);
        }
    }

    /** The program of a roster; empty for a reference extract. */
    public Optional<Program> program() {
        return Program.fromCode(source);
    }

    /** Rows ingest must stage. */
    public long stagedRows() {
        return rows - rejectRows;
    }

    public String fileName() {
        return path.getFileName().toString();
    }
}
