package id.satupintu.pipeline.generate;

import de.siegmar.fastcsv.writer.CsvWriter;
import id.satupintu.schemas.program.Program;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What one month's rosters really contain, counted while they are written: valid rows per program
 * and kecamatan, every injected fault, and the distinct persons behind valid rows. Written to
 * {@code truth/YYYY-MM/} for the tests of the whole pipeline.
 */
final class GroundTruth {
    static final String RECIPIENTS_BY_KECAMATAN = "recipients_by_kecamatan.csv";
    static final String FAULTS = "faults.csv";
    static final String SUMMARY = "summary.csv";

    private final Population population;
    private final long[][] validByKecamatan;
    private final long[] rows;
    private final long[] validRows;
    private final boolean[] personInValidRow;
    private final List<Fault> faults = new ArrayList<>();

    record Fault(String file, long sourceRow, NikFault fault) {}

    GroundTruth(Population population) {
        this.population = population;
        int programs = Program.values().length;
        this.validByKecamatan = new long[programs][population.kecamatanCodes.length];
        this.rows = new long[programs];
        this.validRows = new long[programs];
        this.personInValidRow = new boolean[population.personCount()];
    }

    void validRow(Program program, int household, int person) {
        rows[program.ordinal()]++;
        validRows[program.ordinal()]++;
        validByKecamatan[program.ordinal()][population.kecamatan(household)]++;
        personInValidRow[person] = true;
    }

    /** @param sourceRow the spreadsheet row: header is row 1, the first data row is row 2 */
    void faultyRow(Program program, String file, long sourceRow, NikFault fault) {
        rows[program.ordinal()]++;
        faults.add(new Fault(file, sourceRow, fault));
    }

    void write(Path directory) throws IOException {
        List<Program> byCode = new ArrayList<>(Arrays.asList(Program.values()));
        byCode.sort(Comparator.comparing(Program::code));
        try (CsvWriter csv =
                CsvWriter.builder().build(directory.resolve(RECIPIENTS_BY_KECAMATAN), StandardCharsets.UTF_8)) {
            csv.writeRecord("program_code", "kode_kecamatan", "recipients");
            for (Program program : byCode) {
                long[] counts = validByKecamatan[program.ordinal()];
                for (int kecamatan = 0; kecamatan < counts.length; kecamatan++) {
                    if (counts[kecamatan] > 0) {
                        csv.writeRecord(
                                program.code(), population.kecamatanCodes[kecamatan], Long.toString(counts[kecamatan]));
                    }
                }
            }
        }
        try (CsvWriter csv = CsvWriter.builder().build(directory.resolve(FAULTS), StandardCharsets.UTF_8)) {
            csv.writeRecord("file", "source_row", "fault");
            for (Fault fault : faults) {
                csv.writeRecord(
                        fault.file(),
                        Long.toString(fault.sourceRow()),
                        fault.fault().name());
            }
        }
        try (CsvWriter csv = CsvWriter.builder().build(directory.resolve(SUMMARY), StandardCharsets.UTF_8)) {
            csv.writeRecord("metric", "value");
            csv.writeRecord("distinct_valid_nik", Long.toString(distinctValidNik()));
            for (Program program : byCode) {
                csv.writeRecord("rows_" + program.code(), Long.toString(rows[program.ordinal()]));
                csv.writeRecord("valid_rows_" + program.code(), Long.toString(validRows[program.ordinal()]));
            }
        }
    }

    long distinctValidNik() {
        long distinct = 0;
        for (boolean listed : personInValidRow) {
            if (listed) {
                distinct++;
            }
        }
        return distinct;
    }
}
