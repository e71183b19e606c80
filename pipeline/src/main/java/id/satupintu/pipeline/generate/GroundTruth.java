package id.satupintu.pipeline.generate;

import static id.satupintu.pipeline.generate.SyntheticRosterGenerator.columns;

import id.satupintu.pipeline.generate.TruthTable.Type;
import id.satupintu.schemas.program.Program;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.duckdb.DuckDBConnection;

/**
 * What one month's files really contain, as Parquet tables under {@code truth/YYYY-MM/}; never read
 * by the pipeline, only by tests and benchmarks that score it.
 *
 * <ul>
 *   <li>{@code roster_rows/}: one row per roster row: file, source row, program, the true person and
 *       household, the faults applied (comma separated) and the ingest rule that must reject it.
 *   <li>{@code enrollment/}: one row per enrolled unit: program, the true person the roster names,
 *       the household, the true desa, the benefit of the month, and the life-event fault that keeps
 *       a unit listed that should have left.
 *   <li>{@code population/}: every resident present this month or who left in the month before it,
 *       with the household's desil and whether the person is on the month's DTSEN extract.
 * </ul>
 */
final class GroundTruth implements AutoCloseable {
    private final TruthTable rosterRows;
    private final TruthTable enrollment;
    private final TruthTable population;

    GroundTruth(Path folder, DuckDBConnection duckdb, BufferAllocator allocator) throws IOException {
        this.rosterRows = new TruthTable(
                folder.resolve("roster_rows"),
                columns(
                        "source_file", Type.VARCHAR,
                        "source_row", Type.BIGINT,
                        "program_code", Type.VARCHAR,
                        "person_id", Type.BIGINT,
                        "household_id", Type.BIGINT,
                        "faults", Type.VARCHAR,
                        "reject_rule", Type.VARCHAR),
                duckdb,
                allocator);
        this.enrollment = new TruthTable(
                folder.resolve("enrollment"),
                columns(
                        "program_code", Type.VARCHAR,
                        "person_id", Type.BIGINT,
                        "household_id", Type.BIGINT,
                        "kode_desa", Type.VARCHAR,
                        "kode_kecamatan", Type.VARCHAR,
                        "benefit_rupiah", Type.BIGINT,
                        "holdover_fault", Type.VARCHAR),
                duckdb,
                allocator);
        this.population = new TruthTable(
                folder.resolve("population"),
                columns(
                        "person_id", Type.BIGINT,
                        "household_id", Type.BIGINT,
                        "nik", Type.VARCHAR,
                        "no_kk", Type.VARCHAR,
                        "nama", Type.VARCHAR,
                        "sex", Type.VARCHAR,
                        "birth_date", Type.DATE,
                        "kode_desa", Type.VARCHAR,
                        "role", Type.VARCHAR,
                        "desil", Type.BIGINT,
                        "status", Type.VARCHAR,
                        "left_date", Type.DATE,
                        "pregnant", Type.VARCHAR,
                        "disabled", Type.VARCHAR,
                        "dtsen", Type.VARCHAR),
                duckdb,
                allocator);
    }

    void rosterRow(String file, long sourceRow, Program program, RosterRecord record, String rejectRule)
            throws IOException {
        rosterRows.set(0, file);
        rosterRows.set(1, sourceRow);
        rosterRows.set(2, program.code());
        rosterRows.set(3, record.person);
        rosterRows.set(4, record.household);
        rosterRows.set(5, faults(record.faults));
        rosterRows.set(6, rejectRule);
        rosterRows.endRow();
    }

    void enrollment(Population people, Enrollment enrolled) throws IOException {
        for (Program program : Program.values()) {
            BitSet units = enrolled.enrolled(program);
            for (int unit = units.nextSetBit(0); unit >= 0; unit = units.nextSetBit(unit + 1)) {
                int person = enrolled.listed(program, unit);
                int household = people.personHousehold[person];
                if (program.unit() != Program.BenefitUnit.PERSON) {
                    household = unit;
                }
                int village = people.householdVillage[household];
                enrollment.set(0, program.code());
                enrollment.set(1, person);
                enrollment.set(2, household);
                enrollment.set(3, people.villageCodes[village]);
                enrollment.set(4, people.kecamatanCodes[people.villageKecamatan[village]]);
                enrollment.set(5, benefit(program, enrolled, unit));
                FaultKind holdover = enrolled.holdover(program, unit);
                enrollment.set(6, holdover == null ? null : holdover.name());
                enrollment.endRow();
            }
        }
    }

    private static long benefit(Program program, Enrollment enrolled, int unit) {
        return switch (program) {
            case PKH -> enrolled.pkh(unit).perTahap();
            case BPNT -> RosterLayout.BPNT_PER_MONTH;
            case BLT_DD -> RosterLayout.BLT_DD_PER_MONTH;
            case BANSOS_DAERAH -> RosterLayout.BANSOS_DAERAH_PER_MONTH;
            case PBI_JK, LISTRIK -> Long.MIN_VALUE;
        };
    }

    void population(Population people, YearMonth period) throws IOException {
        LocalDate date = period.atDay(1);
        long leftSince = period.minusMonths(1).atDay(1).toEpochDay();
        for (int person = 0; person < people.personCount(); person++) {
            boolean present = people.isPresent(person);
            if (!present && people.personLeftEpochDay[person] < leftSince) {
                continue;
            }
            int household = people.personHousehold[person];
            population.set(0, person);
            population.set(1, household);
            population.set(2, Long.toString(people.personNik[person]));
            population.set(3, Long.toString(people.householdKk[household]));
            population.set(4, people.personName[person]);
            population.set(5, people.personFemale[person] ? "P" : "L");
            population.set(6, people.personBirthEpochDay[person]);
            population.set(7, people.villageCode(household));
            population.set(8, people.role(person).name());
            population.set(9, people.householdDesil[household]);
            population.set(10, people.status(person).name());
            population.set(11, present ? Long.MIN_VALUE : people.personLeftEpochDay[person]);
            population.set(12, people.isPregnant(person, date) ? "Y" : "N");
            population.set(13, people.personDisabled[person] ? "Y" : "N");
            population.set(14, present && DtsenExtract.registered(people, household) ? "Y" : "N");
            population.endRow();
        }
    }

    static String faults(int bits) {
        if (bits == 0) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (FaultKind fault : FaultKind.values()) {
            if ((bits & fault.bit()) != 0) {
                names.add(fault.name());
            }
        }
        return String.join(",", names);
    }

    @Override
    public void close() throws IOException {
        try (rosterRows;
                enrollment;
                population) {
            // each table writes its last part
        }
    }
}
