package id.satupintu.jobs.query;

import id.satupintu.jobs.CommonOptions;
import id.satupintu.jobs.Language;
import id.satupintu.jobs.OperatorException;
import id.satupintu.pipeline.duckdb.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs read-only SQL on the published warehouse and prints the result as a table. */
@Command(name = "query", mixinStandardHelpOptions = true)
public final class QueryCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Parameters(index = "0", paramLabel = "SQL", descriptionKey = "sql")
    String sql;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "1000", descriptionKey = "max-rows")
    int maxRows;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path warehouse = options.dataDirectory().publishedWarehouse();
        if (!Files.exists(warehouse)) {
            throw new OperatorException(
                    "Belum ada gudang data yang diterbitkan di " + warehouse + "; jalankan refresh atau demo dahulu",
                    "No warehouse has been published at " + warehouse + " yet; run refresh or demo first");
        }
        try (Connection connection = DuckDb.openReadOnly(warehouse);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            TablePrinter.Table table = TablePrinter.read(result, maxRows);
            TablePrinter.print(table, spec.commandLine().getOut());
            spec.commandLine()
                    .getOut()
                    .println(
                            table.truncated()
                                    ? Language.format(
                                            options.messages(),
                                            "query.truncated",
                                            table.rows().size())
                                    : Language.format(
                                            options.messages(),
                                            "query.rows",
                                            table.rows().size()));
        } catch (SQLException e) {
            String reason = e.getMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getMessage().strip().lines().findFirst().orElse("");
            throw new OperatorException("Kueri gagal: " + reason, "The query failed: " + reason);
        }
        return 0;
    }
}
