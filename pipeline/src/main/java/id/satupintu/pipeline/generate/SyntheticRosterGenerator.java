package id.satupintu.pipeline.generate;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.writer.CsvWriter;
import id.satupintu.pipeline.generate.RosterLayout.RosterRow;
import id.satupintu.schemas.program.Program;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes synthetic monthly bansos rosters of one kabupaten, with the ground truth to test the
 * pipeline against. One simulated population is enrolled in PKH, BPNT, BLT Dana Desa, PBI-JK and
 * the electricity subsidy, with monthly churn; each roster has its program's real-world layout and a
 * share of rows with a broken NIK.
 *
 * <p>Layout under the root: {@code inbox/YYYY-MM/<program>_<kab>_<YYYYMM>.csv} and
 * {@code truth/YYYY-MM/{recipients_by_kecamatan,faults,summary}.csv}. The same settings give
 * byte-identical files.
 */
public final class SyntheticRosterGenerator {
    public static final String INBOX = "inbox";
    public static final String TRUTH = "truth";

    private static final Logger LOG = LoggerFactory.getLogger(SyntheticRosterGenerator.class);

    private static final long STREAM_POPULATION = 1;
    private static final long STREAM_ENROLLMENT = 2;
    private static final long STREAM_CHURN = 1_000;
    private static final long STREAM_FAULTS = 1_000_000;
    private static final long STREAM_CUSTOMER_NUMBERS = 3;

    private final GeneratorSettings settings;

    public SyntheticRosterGenerator(GeneratorSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    public GeneratorSettings settings() {
        return settings;
    }

    /** Writes root/inbox/YYYY-MM/&lt;files&gt; and root/truth/YYYY-MM/&lt;files&gt; for each month; returns what it wrote. */
    public GenerationResult generate(Path root) throws IOException {
        requireNonNull(root, "root is null");
        long started = System.nanoTime();
        Population population =
                PopulationSimulator.simulate(settings, WilayahTable.national(), stream(STREAM_POPULATION));
        LOG.info(
                "Simulated {} persons in {} households over {} desa/kelurahan of {}",
                population.personCount(),
                population.householdCount(),
                population.villageCodes.length,
                settings.kabupatenCode());
        CustomerNumbers customerNumbers = new CustomerNumbers(stream(STREAM_CUSTOMER_NUMBERS));

        List<GeneratedFile> files = new ArrayList<>();
        Enrollment enrollment = null;
        for (int month = 0; month < settings.months(); month++) {
            YearMonth period = settings.firstPeriod().plusMonths(month);
            LocalDate periodStart = period.atDay(1);
            if (enrollment == null) {
                enrollment = Enrollment.initial(population, periodStart, stream(STREAM_ENROLLMENT));
            } else {
                enrollment.advance(periodStart, stream(STREAM_CHURN + month));
            }
            Path inbox = Files.createDirectories(root.resolve(INBOX).resolve(period.toString()));
            Path truthDirectory = Files.createDirectories(root.resolve(TRUTH).resolve(period.toString()));
            GroundTruth truth = new GroundTruth(population);
            for (RosterLayout layout : RosterLayout.values()) {
                Program program = layout.program();
                Path file = inbox.resolve(layout.fileName(settings.kabupatenCode(), period));
                SplittableRandom faults = stream(STREAM_FAULTS + month * 64L + program.ordinal());
                GeneratedFile generated =
                        writeRoster(layout, file, period, population, enrollment, customerNumbers, truth, faults);
                files.add(generated);
                LOG.info(
                        "Wrote {} rows ({} with a broken NIK) to {}",
                        generated.rows(),
                        generated.faultyRows(),
                        generated.fileName());
            }
            truth.write(truthDirectory);
        }
        LOG.info(
                "Generated {} roster files for {} month(s) in {} ms",
                files.size(),
                settings.months(),
                (System.nanoTime() - started) / 1_000_000);
        return new GenerationResult(files);
    }

    private GeneratedFile writeRoster(
            RosterLayout layout,
            Path file,
            YearMonth period,
            Population population,
            Enrollment enrollment,
            CustomerNumbers customerNumbers,
            GroundTruth truth,
            SplittableRandom random)
            throws IOException {
        Program program = layout.program();
        boolean perPerson = program.unit() == Program.BenefitUnit.PERSON;
        int units = enrollment.units(program);
        long rows = enrollment.count(program);
        long faultsToPlace = Math.round(rows * settings.faultRate());
        long faultsPlaced = 0;
        long sequence = 0;
        String fileName = file.getFileName().toString();
        LocalDate periodStart = period.atDay(1);
        try (CsvWriter csv = CsvWriter.builder()
                .fieldSeparator(layout.separator())
                .bufferSize(64 * 1024)
                .build(file, layout.charset())) {
            csv.writeRecord(layout.header());
            for (int unit = 0; unit < units; unit++) {
                if (!enrollment.isEnrolled(program, unit)) {
                    continue;
                }
                int household = perPerson ? population.personHousehold[unit] : unit;
                int person = perPerson
                        ? unit
                        : (program == Program.LISTRIK ? population.head(household) : population.pengurus(household));
                // Selection sampling: exactly faultsToPlace of the rows, each subset equally likely.
                boolean faulty = random.nextLong(rows - sequence) < faultsToPlace - faultsPlaced;
                sequence++;
                String nik;
                if (faulty) {
                    NikFault fault = NikFault.pick(random);
                    nik = fault.damage(population.personNik[person], random);
                    faultsPlaced++;
                    truth.faultyRow(program, fileName, sequence + 1, fault);
                } else {
                    nik = Long.toString(population.personNik[person]);
                    truth.validRow(program, household, person);
                }
                csv.writeRecord(layout.row(new RosterRow(
                        population,
                        period,
                        periodStart,
                        sequence,
                        household,
                        person,
                        nik,
                        program == Program.PBI_JK ? customerNumbers.nokaJkn(person) : null,
                        program == Program.LISTRIK ? customerNumbers.idpel(population, household) : null)));
            }
        }
        if (sequence != rows || faultsPlaced != faultsToPlace) {
            throw new IllegalStateException("Roster row bookkeeping is off for " + fileName);
        }
        return new GeneratedFile(period, program, file, rows, faultsPlaced);
    }

    private SplittableRandom stream(long stream) {
        return new SplittableRandom(mix(settings.seed() ^ mix(stream * 0x9E3779B97F4A7C15L)));
    }

    /** MurmurHash3's 64-bit finalizer: nearby seeds and stream numbers give unrelated random streams. */
    private static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
