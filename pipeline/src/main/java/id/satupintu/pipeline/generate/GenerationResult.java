package id.satupintu.pipeline.generate;

import static java.util.Objects.requireNonNull;

import id.satupintu.schemas.program.Program;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** The roster files one generator run wrote, in the order written (month, then program). */
public record GenerationResult(List<GeneratedFile> files) {
    public GenerationResult {
        files = List.copyOf(requireNonNull(files, "files is null"));
    }

    public List<GeneratedFile> files(YearMonth period) {
        requireNonNull(period, "period is null");
        return files.stream().filter(file -> file.period().equals(period)).toList();
    }

    public Optional<GeneratedFile> file(YearMonth period, Program program) {
        requireNonNull(program, "program is null");
        return files(period).stream().filter(file -> file.program() == program).findFirst();
    }

    /** Rows of a program over all months. */
    public long rows(Program program) {
        return files.stream()
                .filter(file -> file.program() == program)
                .mapToLong(GeneratedFile::rows)
                .sum();
    }

    /** Rows of a program with a broken NIK, over all months. */
    public long faultyRows(Program program) {
        return files.stream()
                .filter(file -> file.program() == program)
                .mapToLong(GeneratedFile::faultyRows)
                .sum();
    }

    public long totalRows() {
        return files.stream().mapToLong(GeneratedFile::rows).sum();
    }

    public long totalFaultyRows() {
        return files.stream().mapToLong(GeneratedFile::faultyRows).sum();
    }
}
