package id.satupintu.pipeline.warehouse;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What a data test found on one build: how many rows it returned, and the first few of them. */
record DataTestResult(String name, DataTest.Severity severity, long failingRows, List<String> sample) {
    DataTestResult {
        requireNonNull(name, "name is null");
        requireNonNull(severity, "severity is null");
        sample = List.copyOf(requireNonNull(sample, "sample is null"));
    }

    /** {@code staged_rows_are_loaded (error, 2 rows: period=2026-10, ...)}. */
    String describe() {
        return name + " (" + severity.label() + ", " + failingRows + " rows: " + String.join(" | ", sample) + ")";
    }
}
