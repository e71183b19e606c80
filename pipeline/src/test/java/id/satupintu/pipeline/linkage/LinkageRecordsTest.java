package id.satupintu.pipeline.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.satupintu.pipeline.duckdb.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkageRecordsTest {
    @TempDir
    Path directory;

    @Test
    void numbersRecordsAcrossFilesTrimsValuesAndMatchesColumnsByName() throws Exception {
        Path pkh = Files.writeString(directory.resolve("pkh.csv"), "id, NAMA LENGKAP ,desa\np1, SITI ,01\np2,,02\n");
        Path bpnt = Files.writeString(directory.resolve("bpnt.csv"), "NAMA LENGKAP,id,no_kk\nAMINAH,b1,3209\n");
        try (DuckDBConnection connection = DuckDb.inMemory(1)) {
            LinkageRecords.loadCsv(connection, List.of(pkh, bpnt));

            List<String> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery(
                            "SELECT record_id, source_id, id, NAMA_LENGKAP, desa, no_kk FROM linkage_record"
                                    + " ORDER BY record_id")) {
                while (result.next()) {
                    rows.add(result.getLong(1) + " " + result.getInt(2) + " " + result.getString(3) + " "
                            + result.getString(4) + " " + result.getString(5) + " " + result.getString(6));
                }
            }
            assertThat(rows).containsExactly("1 0 p1 SITI 01 null", "2 0 p2 null 02 null", "3 1 b1 AMINAH null 3209");
        }
    }

    @Test
    void refusesAFileItCannotRead() throws Exception {
        try (DuckDBConnection connection = DuckDb.inMemory(1)) {
            Path missing = directory.resolve("missing.csv");

            assertThatThrownBy(() -> LinkageRecords.loadCsv(connection, List.of(missing)))
                    .isInstanceOf(LinkageException.class)
                    .hasMessage("The input file cannot be read: " + missing);
        }
    }
}
