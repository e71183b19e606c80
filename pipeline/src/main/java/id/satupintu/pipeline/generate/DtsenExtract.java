package id.satupintu.pipeline.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;

/**
 * The monthly DTSEN extract Kemensos hands a kabupaten (DOMAIN.md §4.2): one row per member of
 * each family (KK) registered in DTSEN, with the family's desil nasional, in the shape of the
 * PBI-JK verivali reference and the P3KE individu export (DOMAIN.md §5.1). The desil is the
 * family's desil of the month; the edition is dated the last day of the month before.
 *
 * <p>Who is registered: a family, by a fixed draw from its household id against the rate of its
 * current desil ({@link #REGISTERED_PER_MILLE}): the poorer desils mostly, the richer ones partly.
 * The draw is fixed, so a family stays in or out from month to month while its desil holds; one
 * whose desil changes is drawn against the new rate (a family that rises may leave the extract).
 *
 * <p>No row faults: DTSEN is NIK-matched against Dukcapil and deduplicated before Kemensos hands it
 * out (padan Dukcapil), so its NIKs, KKs and names are the registry's.
 */
final class DtsenExtract {
    static final String SOURCE = "DTSEN";

    /** Families registered per mille, by desil 1 … 10. */
    static final int[] REGISTERED_PER_MILLE = {950, 950, 900, 900, 700, 700, 400, 400, 150, 150};

    static final String[] HEADER = {
        "NIK",
        "NO_KK",
        "NAMA",
        "JENIS_KELAMIN",
        "TGL_LAHIR",
        "KODE_DESA",
        "RT",
        "RW",
        "ALAMAT",
        "DESIL_NASIONAL",
        "HUBUNGAN",
        "TANGGAL_PEMUTAKHIRAN"
    };

    private static final String[] DESIL_TEXT = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"};
    private static final int SALT = 11;

    private DtsenExtract() {}

    /** Whether a household is in DTSEN this month: its fixed draw against the rate of its desil. */
    static boolean registered(Population population, int household) {
        return ReferenceExtracts.hash(household, SALT) % 1000
                < REGISTERED_PER_MILLE[population.householdDesil[household] - 1];
    }

    /** Writes {@code dtsen_<KAB>_<YYYYMM>.csv}: the members of every registered, occupied household. */
    static GeneratedFile write(Population population, String kabupatenCode, YearMonth period, Path inbox)
            throws IOException {
        Path file = inbox.resolve(String.format(
                "dtsen_%s_%04d%02d.csv", kabupatenCode.replace(".", ""), period.getYear(), period.getMonthValue()));
        String edition = RosterLayout.date(period.atDay(1).minusDays(1), '-', false);
        long rows = 0;
        Object[] cells = new Object[HEADER.length];
        try (RosterSink sink = RosterSink.csv(file, StandardCharsets.UTF_8, ',', false, false, HEADER)) {
            for (int household = 0; household < population.householdCount(); household++) {
                if (!population.isOccupied(household) || !registered(population, household)) {
                    continue;
                }
                String kk = Long.toString(population.householdKk[household]);
                String village = population.villageCode(household).replace(".", "");
                String rt = RosterLayout.threeDigits(population.householdRt[household]);
                String rw = RosterLayout.threeDigits(population.householdRw[household]);
                String desil = DESIL_TEXT[population.householdDesil[household] - 1];
                for (int person : population.members(household)) {
                    cells[0] = Long.toString(population.personNik[person]);
                    cells[1] = kk;
                    cells[2] = population.personName[person];
                    cells[3] = population.personFemale[person] ? "PEREMPUAN" : "LAKI-LAKI";
                    cells[4] = RosterLayout.date(population.birthDate(person), '-', false);
                    cells[5] = village;
                    cells[6] = rt;
                    cells[7] = rw;
                    cells[8] = population.householdAlamat[household];
                    cells[9] = desil;
                    cells[10] = hubungan(population, person);
                    cells[11] = edition;
                    sink.row(cells);
                    rows++;
                }
            }
        }
        return new GeneratedFile(period, SOURCE, file, rows, 0, 0);
    }

    /** Hubungan dengan kepala keluarga as DTSEN and P3KE write it. */
    private static String hubungan(Population population, int person) {
        return switch (population.role(person)) {
            case HEAD -> "KEPALA KELUARGA";
            case SPOUSE -> population.personFemale[person] ? "ISTRI" : "SUAMI";
            case CHILD -> "ANAK";
            case PARENT -> "ORANG TUA";
        };
    }
}
