package id.satupintu.pipeline.generate;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import id.satupintu.pipeline.duckdb.DuckDb;
import id.satupintu.pipeline.generate.TruthTable.Column;
import id.satupintu.pipeline.generate.TruthTable.Type;
import id.satupintu.schemas.program.Program;
import id.satupintu.schemas.wilayah.BpsBridge;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes synthetic monthly rosters of one kabupaten with the ground truth to test the pipeline
 * against. A simulated population lives month by month (births, deaths, moves, marriages and KK
 * splits, changing welfare); programs enroll it by their targeting; each program's roster is written
 * in its source's real layout (docs/roster-layouts.md) with faults at configured rates; Dukcapil's
 * deaths and moves, two exclusion lists and the DTSEN extract (families with their desil) come
 * beside the rosters.
 *
 * <p>Under the root: {@code inbox/YYYY-MM/<files>} and {@code truth/YYYY-MM/} with Parquet tables
 * {@code roster_rows/} (every roster row: true person and household, faults, the rule ingest must
 * reject it with), {@code enrollment/} (every enrolled unit with its true recipient and benefit) and
 * {@code population/} (every resident and who left that month, with desil and DTSEN registration).
 * The same settings give
 * byte-identical rosters.
 */
public final class SyntheticRosterGenerator {
    public static final String INBOX = "inbox";
    public static final String TRUTH = "truth";
    /** The rule id ingest uses for a NIK that arrives as a number cell of a spreadsheet. */
    public static final String NUMERIC_NIK_RULE = "NIK_NUMERIC_CELL";

    private static final Logger LOG = LoggerFactory.getLogger(SyntheticRosterGenerator.class);
    private static final String NAME_VARIANTS =
            "/id/satupintu/schemas/reference/wilayah/name_variants_2022_vs_2025.csv";

    private static final long STREAM_POPULATION = 1;
    private static final long STREAM_ENROLLMENT = 2;
    private static final long STREAM_CUSTOMER_NUMBERS = 3;
    private static final long STREAM_EVOLUTION = 1_000;
    private static final long STREAM_CHURN = 2_000;
    private static final long STREAM_ROWS = 1_000_000;

    private final GeneratorSettings settings;

    public SyntheticRosterGenerator(GeneratorSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    public GeneratorSettings settings() {
        return settings;
    }

    /** Writes root/inbox/YYYY-MM/&lt;files&gt; and root/truth/YYYY-MM/ for each month; returns what it wrote. */
    public GenerationResult generate(Path root) throws IOException {
        requireNonNull(root, "root is null");
        new id.satupintu.pipeline.lake.DataDirectory(root).createRestrictedFolders();
        long started = System.nanoTime();
        WilayahTable table = WilayahTable.national();
        CivilRegistry registry = new CivilRegistry(table);
        Population population = PopulationSimulator.simulate(settings, table, registry, stream(STREAM_POPULATION));
        NameStyle names = NameStyle.forProvince(settings.kabupatenCode().substring(0, 2));
        PopulationEvolution evolution = new PopulationEvolution(population, registry, names);
        LOG.info(
                "Simulated {} persons in {} households over {} desa/kelurahan of {}",
                population.personCount(),
                population.householdCount(),
                population.villageCodes.length,
                settings.kabupatenCode());
        Writer writer = new Writer(
                population,
                table.require(settings.kabupatenCode()).name(),
                BpsBridge.forKabupaten(table, settings.kabupatenCode()),
                outdatedNames(),
                new RowFaults(population, registry, settings.faults()),
                new CustomerNumbers(stream(STREAM_CUSTOMER_NUMBERS)));

        List<GeneratedFile> files = new ArrayList<>();
        Enrollment enrollment = null;
        try (BufferAllocator allocator = new RootAllocator();
                DuckDBConnection duckdb = DuckDb.inMemory(1)) {
            for (int month = 0; month < settings.months(); month++) {
                YearMonth period = settings.firstPeriod().plusMonths(month);
                List<PopulationEvolution.Event> events =
                        evolution.liveMonthBefore(period, stream(STREAM_EVOLUTION + month));
                LocalDate periodStart = period.atDay(1);
                if (enrollment == null) {
                    enrollment =
                            Enrollment.initial(population, settings.faults(), periodStart, stream(STREAM_ENROLLMENT));
                } else {
                    enrollment.advance(periodStart, stream(STREAM_CHURN + month));
                }
                Path inbox = Files.createDirectories(root.resolve(INBOX).resolve(period.toString()));
                Path truth = root.resolve(TRUTH).resolve(period.toString());
                try (GroundTruth groundTruth = new GroundTruth(truth, duckdb, allocator)) {
                    for (RosterLayout layout : RosterLayout.values()) {
                        Path file = inbox.resolve(layout.fileName(settings.kabupatenCode(), period));
                        SplittableRandom random = stream(STREAM_ROWS + month * 64L + layout.ordinal());
                        GeneratedFile generated = writer.roster(layout, file, period, enrollment, groundTruth, random);
                        files.add(generated);
                        LOG.info(
                                "Wrote {} rows ({} with a fault, {} to be rejected) to {}",
                                generated.rows(),
                                generated.faultyRows(),
                                generated.rejectRows(),
                                generated.fileName());
                    }
                    files.addAll(ReferenceExtracts.write(population, settings.kabupatenCode(), period, events, inbox));
                    groundTruth.population(population, period);
                    groundTruth.enrollment(population, enrollment);
                }
            }
        } catch (SQLException e) {
            throw new IOException("Cannot open DuckDB for the ground truth", e);
        }
        LOG.info(
                "Generated {} files for {} month(s) in {} ms",
                files.size(),
                settings.months(),
                (System.nanoTime() - started) / 1_000_000);
        return new GenerationResult(files);
    }

    /** Writes roster rows: the true values, faults, the sink of the layout, the ground truth. */
    static final class Writer implements RosterLayout.Context {
        private final Population population;
        private final String kabupatenName;
        private final BpsBridge bridge;
        private final Map<String, String> outdatedNames;
        private final RowFaults faults;
        private final CustomerNumbers customerNumbers;
        private YearMonth period;

        Writer(
                Population population,
                String kabupatenName,
                BpsBridge bridge,
                Map<String, String> outdatedNames,
                RowFaults faults,
                CustomerNumbers customerNumbers) {
            this.population = population;
            this.kabupatenName = kabupatenName;
            this.bridge = bridge;
            this.outdatedNames = outdatedNames;
            this.faults = faults;
            this.customerNumbers = customerNumbers;
        }

        GeneratedFile roster(
                RosterLayout layout,
                Path file,
                YearMonth period,
                Enrollment enrollment,
                GroundTruth truth,
                SplittableRandom random)
                throws IOException {
            this.period = period;
            Program program = layout.program();
            String fileName = file.getFileName().toString();
            RosterRecord record = new RosterRecord();
            long rows = 0;
            long faulty = 0;
            long rejects = 0;
            BitSet units = enrollment.enrolled(program);
            try (RosterSink sink = layout.open(file, this)) {
                for (int unit = units.nextSetBit(0); unit >= 0; unit = units.nextSetBit(unit + 1)) {
                    fill(record, layout, enrollment, unit, period, rows + 1, random);
                    boolean duplicate = faults.duplicate(random);
                    for (int copy = 0; copy < (duplicate ? 2 : 1); copy++) {
                        if (copy == 1) {
                            record.add(FaultKind.DUPLICATE_ROW);
                            record.sequence = rows + 1;
                        }
                        long sourceRow = sink.row(layout.cells(record, this));
                        rows++;
                        String rule = rejectRule(layout, record);
                        faulty += record.faults == 0 ? 0 : 1;
                        rejects += rule == null ? 0 : 1;
                        truth.rosterRow(fileName, sourceRow, program, record, rule);
                    }
                }
            }
            return new GeneratedFile(period, program.code(), file, rows, faulty, rejects);
        }

        private void fill(
                RosterRecord record,
                RosterLayout layout,
                Enrollment enrollment,
                int unit,
                YearMonth period,
                long sequence,
                SplittableRandom random) {
            Program program = layout.program();
            record.reset();
            record.period = period;
            record.sequence = sequence;
            int person = enrollment.listed(program, unit);
            int household = enrollment.household(program, unit);
            if (program.unit() == Program.BenefitUnit.PERSON) {
                household = population.personHousehold[person];
            }
            record.person = person;
            record.household = household;
            record.noKk = population.householdKk[household];
            record.name = population.personName[person];
            record.female = population.personFemale[person];
            record.birthDate = population.birthDate(person);
            record.village = population.householdVillage[household];
            FaultKind holdover = enrollment.holdover(program, unit);
            if (holdover != null) {
                record.add(holdover);
            }
            switch (program) {
                case PKH -> {
                    record.pkh = enrollment.pkh(unit);
                    record.amount = record.pkh.perTahap();
                }
                case BPNT -> {
                    record.amount = RosterLayout.BPNT_PER_MONTH;
                    record.idArt = "ART"
                            + bridge.bpsCode(population.villageCodes[record.village])
                                    .orElseThrow()
                            + String.format("%08d", person);
                }
                case BLT_DD -> record.amount = RosterLayout.BLT_DD_PER_MONTH;
                case PBI_JK -> record.nokaJkn = customerNumbers.nokaJkn(person);
                case LISTRIK -> {
                    record.idpel = customerNumbers.idpel(population, household);
                    record.kwh =
                            population.householdDaya450[household] ? 40 + random.nextInt(80) : 80 + random.nextInt(120);
                }
                case BANSOS_DAERAH -> record.amount = RosterLayout.BANSOS_DAERAH_PER_MONTH;
            }
            if (!faults.isNone()) {
                faults.apply(record, layout.carriesKk(), layout.carriesVillageCode(), random);
                if (layout == RosterLayout.BANSOS_DAERAH
                        && outdatedNames.containsKey(population.villageCodes[record.village])
                        && faults.outdatedName(random)) {
                    record.outdatedVillageName = true;
                    record.add(FaultKind.DESA_OUTDATED_NAME);
                }
            } else {
                record.nik = Long.toString(population.personNik[person]);
            }
            if (record.nikNumber != null && !layout.writesNumbers()) {
                record.nikNumber = null;
            }
        }

        /** The rule ingest must reject the row with, where ingest alone can see the fault. */
        static String rejectRule(RosterLayout layout, RosterRecord record) {
            if (record.nikNumber != null) {
                // a spreadsheet number cell; a JSON number reads as the exponent text Excel showed
                return layout == RosterLayout.LISTRIK ? "NIK_SCIENTIFIC" : NUMERIC_NIK_RULE;
            }
            for (FaultKind fault : FaultKind.values()) {
                if (fault.group() == FaultKind.Group.NIK && record.has(fault)) {
                    if (fault == FaultKind.NIK_ZEROED_16TH && record.nik.endsWith("0000")) {
                        return "NIK_SERIAL";
                    }
                    if (fault.rejectRule().isPresent()) {
                        return fault.rejectRule().get();
                    }
                }
            }
            return record.has(FaultKind.DESA_UNKNOWN_CODE) ? "WILAYAH_UNKNOWN" : null;
        }

        @Override
        public Population population() {
            return population;
        }

        @Override
        public YearMonth period() {
            return period;
        }

        @Override
        public String kabupatenName() {
            return kabupatenName;
        }

        @Override
        public String villageCode(RosterRecord row) {
            return row.villageCodeOverride != null ? row.villageCodeOverride : population.villageCodes[row.village];
        }

        @Override
        public String bpsCode(RosterRecord row) {
            return bridge.bpsCode(population.villageCodes[row.village]).orElseThrow();
        }

        @Override
        public String villageName(RosterRecord row) {
            String code = population.villageCodes[row.village];
            return row.outdatedVillageName ? outdatedNames.get(code) : population.villageNames[row.village];
        }
    }

    /** Desa code to its 2022 spelling, for the desa whose name changed in the 2025 decree. */
    private static Map<String, String> outdatedNames() {
        Map<String, String> names = new HashMap<>();
        InputStream stream = SyntheticRosterGenerator.class.getResourceAsStream(NAME_VARIANTS);
        if (stream == null) {
            throw new IllegalStateException("Reference data missing from the classpath: " + NAME_VARIANTS);
        }
        try (CsvReader<NamedCsvRecord> reader =
                CsvReader.builder().ofNamedCsvRecord(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (NamedCsvRecord row : reader) {
                names.put(row.getField("code"), row.getField("name_kepmendagri_2022"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference data " + NAME_VARIANTS, e);
        }
        return names;
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

    /** The column list of a truth table. */
    static List<Column> columns(Object... nameTypePairs) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            columns.add(new Column((String) nameTypePairs[i], (Type) nameTypePairs[i + 1]));
        }
        return columns;
    }
}
