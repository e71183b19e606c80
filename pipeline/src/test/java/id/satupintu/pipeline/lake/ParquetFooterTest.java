package id.satupintu.pipeline.lake;

import static id.satupintu.pipeline.duckdb.DuckDb.execute;
import static id.satupintu.pipeline.duckdb.DuckDb.literal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.schemas.contract.LakeContracts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetFooterTest {
    @TempDir
    Path folder;

    @Test
    void agreesWithTheContractDuckDbWroteFrom() throws Exception {
        Path file = folder.resolve("manifest.parquet");
        try (Connection duckdb = DuckDb.inMemory(1)) {
            execute(duckdb, "CREATE TABLE manifest (" + LakeContracts.FILE_MANIFEST.duckDbColumns() + ")");
            execute(
                    duckdb,
                    "INSERT INTO manifest VALUES ('2026-10', 'PKH', 'pkh.csv', 'ab', 10, 'INGESTED', NULL, 3, 2, 1,"
                            + " TIMESTAMP '2026-11-01 02:00:00')");
            execute(duckdb, "COPY manifest TO " + literal(file) + " (FORMAT parquet, COMPRESSION zstd)");
        }

        ParquetFooter footer = ParquetFooter.read(file);

        assertThat(footer.rowCount()).isEqualTo(1);
        assertThat(footer.mismatches(LakeContracts.FILE_MANIFEST)).isEmpty();
    }

    @Test
    void namesEveryColumnThatDriftedFromTheContract() throws Exception {
        Path file = folder.resolve("drifted.parquet");
        try (Connection duckdb = DuckDb.inMemory(1)) {
            execute(
                    duckdb,
                    "COPY (SELECT '2026-10' AS period, 'PKH' AS program_code, 'pkh.csv' AS source_file,"
                            + " CAST(7 AS INTEGER) AS source_row, 'NIK_LENGTH' AS rule_id, 'x' AS message_en,"
                            + " 'y' AS message_id, DATE '2026-10-01' AS raw_record) TO "
                            + literal(file) + " (FORMAT parquet)");
        }

        assertThat(ParquetFooter.read(file).mismatches(LakeContracts.REJECTED_ROW))
                .containsExactly(
                        "has 8 columns, contract rejected_row has 16",
                        "source_row is stored as INT32, contract says INT64",
                        "column 6 is message_en, contract says message_id",
                        "column 7 is message_id, contract says message_en",
                        "raw_record is stored as INT32, contract says BYTE_ARRAY",
                        "raw_record has logical type DATE, contract says STRING");
    }

    @Test
    void refusesAFileThatIsNotParquet() throws Exception {
        Path file = Files.writeString(folder.resolve("roster.parquet"), "NIK;NAMA\n1;A\n");

        assertThatThrownBy(() -> ParquetFooter.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no PAR1 at the end");
    }
}
