package id.satupintu.jobs.review;

import id.satupintu.jobs.CommonOptions;
import id.satupintu.jobs.Language;
import id.satupintu.jobs.OperatorException;
import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.lake.DataDirectoryLock;
import id.satupintu.pipeline.status.StatusOverrideException;
import id.satupintu.pipeline.status.StatusOverrides;
import id.satupintu.pipeline.status.StatusOverrides.Decision;
import id.satupintu.pipeline.status.StatusOverrides.Episode;
import id.satupintu.pipeline.status.StatusOverrides.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Records one reviewer's (or musyawarah desa's) decision about a person's status in {@code
 * config/status-overrides.csv}: deceased, moved away, well-off, or eligible again, from a month on.
 * Every later warehouse build applies it ({@code person_status}, {@code mart_targeting_kecamatan}).
 * The person is named by the published warehouse's {@code person_id} and must be there. It holds the
 * data-directory lock while it checks and appends, so a refresh never reads the file half written;
 * while a refresh runs, it is refused with the run named. No NIK and no name is written or printed.
 */
@Command(name = "status-override", mixinStandardHelpOptions = true)
public final class StatusOverrideCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Option(names = "--person", paramLabel = "ID", required = true, descriptionKey = "status-person")
    String person;

    @Option(
            names = "--status",
            paramLabel = "MENINGGAL|PINDAH|MAMPU|AKTIF",
            required = true,
            descriptionKey = "status-status")
    String status;

    @Option(names = "--from", paramLabel = "YYYY-MM", required = true, descriptionKey = "status-from")
    String from;

    @Mixin
    DecisionOptions decisionOptions;

    @Option(names = "--note", paramLabel = "TEXT", descriptionKey = "status-note")
    String note;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DataDirectory data = options.dataDirectory();
        String personId = person.strip();
        if (!StatusOverrides.isPersonId(personId)) {
            // the text is not echoed: an operator may have typed a NIK
            throw new OperatorException(
                    "--person harus ID orang seperti di gudang data (P dan 19 digit heksadesimal, kolom"
                            + " person.person_id), bukan NIK atau nama",
                    "--person must be a person id as the warehouse shows it (P and 19 hex digits, column"
                            + " person.person_id), not a NIK or a name");
        }
        Status decided = Status.parse(status)
                .orElseThrow(() -> new OperatorException(
                        "--status harus MENINGGAL, PINDAH, MAMPU atau AKTIF",
                        "--status must be MENINGGAL, PINDAH, MAMPU or AKTIF"));
        YearMonth month;
        try {
            month = YearMonth.parse(from.strip());
        } catch (DateTimeParseException e) {
            throw new OperatorException(
                    "--from harus berbentuk YYYY-MM, misalnya 2026-10",
                    "--from must look like YYYY-MM, for example 2026-10");
        }
        LocalDate on = decisionOptions.decidedOn();
        if (decisionOptions.incomplete()) {
            throw new OperatorException("--by dan --reference wajib diisi", "--by and --reference are required");
        }
        Decision decision = new Decision(
                0, personId, decided, month, decisionOptions.decidedBy(), on, decisionOptions.reference(), note);
        Path file = data.statusOverrides();
        try (DataDirectoryLock lock = ReviewLock.take(data, "status-override")) {
            requirePublishedPerson(data, personId);
            List<Decision> earlier = earlierDecisions(file);
            StatusOverrides.append(file, decision);
            spec.commandLine()
                    .getOut()
                    .println(Language.format(
                            options.messages(),
                            "status.recorded",
                            decided.name(),
                            personId,
                            month.toString(),
                            decision.reference(),
                            file));
            String takenOver = StatusOverrides.inForce(earlier).stream()
                    .filter(episode -> episode.decision().personId().equals(personId))
                    .filter(episode ->
                            episode.to().map(last -> !last.isBefore(month)).orElse(true))
                    .map(Episode::decision)
                    .map(earlierDecision -> Integer.toString(earlierDecision.line()))
                    .collect(Collectors.joining(", "));
            if (!takenOver.isEmpty()) {
                spec.commandLine()
                        .getOut()
                        .println(Language.format(options.messages(), "status.takes-over", month.toString(), takenOver));
            }
        }
        return 0;
    }

    /** The person must be in the published warehouse; one merged away is named with where it went. */
    private static void requirePublishedPerson(DataDirectory data, String personId) {
        Path warehouse = data.publishedWarehouse();
        if (!Files.exists(warehouse)) {
            throw new OperatorException(
                    "Belum ada gudang data yang diterbitkan di " + warehouse + "; jalankan refresh dahulu",
                    "No warehouse has been published at " + warehouse + " yet; run refresh first");
        }
        try (Connection connection = DuckDb.openReadOnly(warehouse)) {
            if (exists(connection, personId)) {
                return;
            }
            Optional<String> mergedInto = mergedInto(connection, personId);
            if (mergedInto.isPresent()) {
                throw new OperatorException(
                        "Orang " + personId + " tidak ada lagi di gudang data: penautan menggabungkannya ke "
                                + mergedInto.get() + "; catat keputusan untuk orang itu",
                        "Person " + personId + " is no longer in the warehouse: the link merged it into "
                                + mergedInto.get() + "; record the decision for that person");
            }
            throw new OperatorException(
                    "Orang " + personId + " tidak ada di gudang data yang diterbitkan (tabel person)",
                    "Person " + personId + " is not in the published warehouse (table person)");
        } catch (SQLException e) {
            throw new OperatorException(
                    "Gudang data " + warehouse + " tidak terbaca: " + e.getMessage(),
                    "The warehouse " + warehouse + " cannot be read: " + e.getMessage());
        }
    }

    private static boolean exists(Connection connection, String personId) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT count(*) FROM person WHERE person_id = ?")) {
            statement.setString(1, personId);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1) > 0;
            }
        }
    }

    private static Optional<String> mergedInto(Connection connection, String personId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT person_id FROM link_event WHERE event = 'MERGE' AND other_person_id = ?"
                        + " ORDER BY period DESC LIMIT 1")) {
            statement.setString(1, personId);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
            }
        }
    }

    /** The decisions already in the file; a file with a line that cannot be read is fixed first. */
    private static List<Decision> earlierDecisions(Path file) {
        try {
            return StatusOverrides.read(file);
        } catch (StatusOverrideException e) {
            throw new OperatorException(
                    e.messageIndonesian() + "; perbaiki baris itu dahulu (refresh berikutnya juga akan berhenti di"
                            + " sana)",
                    e.messageEnglish() + "; correct that line first (the next refresh would stop there too)");
        }
    }
}
