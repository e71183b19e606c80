package id.satupintu.pipeline.ingest;

import static id.satupintu.pipeline.ingest.LakeQueries.parquet;
import static id.satupintu.pipeline.ingest.LakeQueries.rows;
import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.pipeline.lake.DataDirectory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A roster kept in another database (H2 here) is read by table name or by query, like a file. */
class JdbcSourceTest {
    private static final YearMonth PERIOD = YearMonth.of(2026, 10);

    @TempDir
    Path root;

    private static SourceCatalogue catalogue(Path folder, String url, String query) throws Exception {
        return LakeQueries.catalogue(folder, """
                {"sources": [{"id": "bansos-db", "program": "BANSOS_DAERAH", "format": "JDBC",
                  "jdbcUrl": "%s", "jdbcQuery": "%s", "dateFormats": ["yyyy-MM-dd"],
                  "columns": {"nik": ["NIK"], "nama": ["NAMA"], "kode_desa": ["KODE_DESA"],
                              "birth_date": ["TGL_LAHIR"], "benefit_rupiah": ["NOMINAL"]}}]}
                """.formatted(url, query));
    }

    private static Connection database(String name) throws Exception {
        Connection connection = DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE penerima (nik VARCHAR(20), nama VARCHAR(60), kode_desa VARCHAR(13),"
                    + " tgl_lahir DATE, nominal DECIMAL(12, 0), nik_angka DOUBLE)");
            statement.execute("INSERT INTO penerima VALUES"
                    + " ('5108014503850002', 'NI LUH ASTITI', '51.08.01.2001', DATE '1985-03-05', 150000, NULL),"
                    + " ('5108014604850003', 'NI MADE SARI', '51.08.01.2001', DATE '1985-04-06', 150000, NULL),"
                    + " ('51080146048500', 'NI KADEK AYU', '51.08.01.2001', DATE '1985-04-06', 150000, NULL)");
        }
        return connection;
    }

    @Test
    void ingestsATableOfAnotherDatabase() throws Exception {
        try (Connection keepAlive = database("roster_table")) {
            SourceCatalogue catalogue = catalogue(root, "jdbc:h2:mem:roster_table", "penerima");
            DataDirectory data = new DataDirectory(root);

            FileManifest manifest = LakeQueries.ingest(data, catalogue)
                    .ingestJdbc(PERIOD, catalogue.jdbcSources().get(0));

            assertThat(List.of(manifest.sourceFile(), manifest.status().name()))
                    .containsExactly("bansos-db.jdbc", "INGESTED");
            assertThat(List.of(manifest.rowsRead(), manifest.rowsStaged(), manifest.rowsRejected()))
                    .containsExactly(3L, 2L, 1L);
            assertThat(rows("SELECT source_row, nik, CAST(birth_date AS VARCHAR), benefit_rupiah FROM "
                            + parquet(data.stagedPartition(PERIOD, "BANSOS_DAERAH")
                                    .resolve("bansos-db.jdbc.parquet"))
                            + " ORDER BY source_row"))
                    .containsExactly("1|5108014503850002|1985-03-05|150000", "2|5108014604850003|1985-04-06|150000");
        }
    }

    @Test
    void rejectsNiksKeptInAFloatingPointColumnOfAQuery() throws Exception {
        try (Connection keepAlive = database("roster_query")) {
            try (Statement statement = keepAlive.createStatement()) {
                statement.execute("UPDATE penerima SET nik_angka = 5108014503850002");
            }
            SourceCatalogue catalogue = catalogue(
                    root,
                    "jdbc:h2:mem:roster_query",
                    "SELECT nik_angka AS nik, nama, kode_desa, tgl_lahir, nominal FROM penerima WHERE nama LIKE 'NI L%'");
            DataDirectory data = new DataDirectory(root);

            FileManifest manifest = LakeQueries.ingest(data, catalogue)
                    .ingestJdbc(PERIOD, catalogue.jdbcSources().get(0));

            assertThat(rows("SELECT source_row, rule_id FROM "
                            + parquet(data.rejectedPartition(PERIOD, "BANSOS_DAERAH")
                                    .resolve("bansos-db.jdbc.parquet"))))
                    .containsExactly("1|NIK_NUMERIC_CELL");
            assertThat(manifest.rowsRejected()).isEqualTo(1);
        }
    }

    @Test
    void bindsThePeriodAndChecksumsTheRowsRead() throws Exception {
        try (Connection keepAlive = database("roster_period")) {
            try (Statement statement = keepAlive.createStatement()) {
                statement.execute("ALTER TABLE penerima ADD COLUMN bulan VARCHAR(7) DEFAULT '2026-10'");
                statement.execute("UPDATE penerima SET bulan = '2026-09' WHERE nama = 'NI MADE SARI'");
            }
            SourceCatalogue catalogue = catalogue(
                    root,
                    "jdbc:h2:mem:roster_period",
                    "SELECT nik, nama, kode_desa, tgl_lahir, nominal FROM penerima WHERE bulan = :period ORDER BY nik");
            DataDirectory data = new DataDirectory(root);
            RosterIngest ingest = LakeQueries.ingest(data, catalogue);

            FileManifest first =
                    ingest.ingestJdbc(PERIOD, catalogue.jdbcSources().get(0));
            FileManifest again =
                    ingest.ingestJdbc(PERIOD, catalogue.jdbcSources().get(0));
            try (Statement statement = keepAlive.createStatement()) {
                statement.execute("UPDATE penerima SET nominal = 200000 WHERE nama = 'NI LUH ASTITI'");
            }
            FileManifest changed =
                    ingest.ingestJdbc(PERIOD, catalogue.jdbcSources().get(0));

            assertThat(List.of(first.rowsRead(), first.rowsStaged(), first.rowsRejected()))
                    .containsExactly(2L, 1L, 1L);
            assertThat(first.sha256()).matches("[0-9a-f]{64}").isEqualTo(again.sha256());
            assertThat(changed.sha256()).isNotEqualTo(first.sha256());
            assertThat(rows("SELECT sha256 FROM "
                            + parquet(data.manifestPartition(PERIOD).resolve("bansos-db.jdbc.parquet"))))
                    .containsExactly(changed.sha256());
        }
    }

    @Test
    void aValueTheDatabaseCannotConvertIsNotQuotedInTheRefusal() throws Exception {
        try (Connection keepAlive = database("roster_conversion")) {
            SourceCatalogue catalogue = catalogue(
                    root,
                    "jdbc:h2:mem:roster_conversion",
                    "SELECT nik, CAST(nama AS INT) AS nama, kode_desa, tgl_lahir, nominal FROM penerima");

            FileManifest manifest = LakeQueries.ingest(new DataDirectory(root), catalogue)
                    .ingestJdbc(PERIOD, catalogue.jdbcSources().get(0));

            assertThat(manifest.status()).isEqualTo(FileManifest.Status.REFUSED);
            assertThat(manifest.refusalReasonEnglish().orElseThrow())
                    .contains("SQLState 22")
                    .doesNotContain("NI LUH")
                    .doesNotContain("5108");
        }
    }

    @Test
    void refusesASourceWhoseDatabaseCannotBeReached() throws Exception {
        SourceCatalogue catalogue = catalogue(root, "jdbc:h2:mem:absent;IFEXISTS=TRUE", "penerima");

        FileManifest manifest = LakeQueries.ingest(new DataDirectory(root), catalogue)
                .ingestJdbc(PERIOD, catalogue.jdbcSources().get(0));

        assertThat(manifest.status()).isEqualTo(FileManifest.Status.REFUSED);
        assertThat(manifest.refusalReasonEnglish().orElseThrow()).startsWith("the JDBC source cannot be read: ");
    }
}
