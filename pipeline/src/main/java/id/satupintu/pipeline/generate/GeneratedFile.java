package id.satupintu.pipeline.generate;

import static java.util.Objects.requireNonNull;

import id.satupintu.schemas.program.Program;
import java.nio.file.Path;
import java.time.YearMonth;

/**
 * One roster file the generator wrote.
 *
 * @param rows data rows, without the header
 * @param faultyRows rows given a broken NIK (listed in {@code truth/YYYY-MM/faults.csv})
 */
public record GeneratedFile(YearMonth period, Program program, Path path, long rows, long faultyRows) {
    public GeneratedFile {
        requireNonNull(period, "period is null");
        requireNonNull(program, "program is null");
        requireNonNull(path, "path is null");
        if (rows < 0 || faultyRows < 0 || faultyRows > rows) {
            throw new IllegalArgumentException("Impossible row counts: rows " + rows + ", faultyRows " + faultyRows);
        }
    }

    /** Rows without an injected fault. */
    public long validRows() {
        return rows - faultyRows;
    }

    public String fileName() {
        return path.getFileName().toString();
    }
}
