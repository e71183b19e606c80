package id.satupintu.pipeline.generate;

import static java.util.Objects.requireNonNull;

import id.satupintu.schemas.program.Program;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** The files one generator run wrote, in the order written (month, then rosters, then references). */
public record GenerationResult(List<GeneratedFile> files) {
    public GenerationResult {
        files = List.copyOf(requireNonNull(files, "files is null"));
    }

    public List<GeneratedFile> files(YearMonth period) {
        requireNonNull(period, "period is null");
        return files.stream().filter(file -> file.period().equals(period)).toList();
    }

    /** The program rosters of a month, without the reference extracts. */
    public List<GeneratedFile> rosters(YearMonth period) {
        return files(period).stream().filter(file -> file.program().isPresent()).toList();
    }

    public Optional<GeneratedFile> file(YearMonth period, Program program) {
        requireNonNull(program, "program is null");
        return files(period).stream()
                .filter(file -> file.source().equals(program.code()))
                .findFirst();
    }

    public long totalRows() {
        return files.stream().mapToLong(GeneratedFile::rows).sum();
    }
}
