package id.satupintu.pipeline.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference lists that arrive beside the rosters (docs/roster-layouts.md): Dukcapil's deaths and
 * moves of the month before, two exclusion lists (civil servants, car owners) and the DTSEN extract
 * ({@link DtsenExtract}). Who is a civil
 * servant or owns a car is a fixed property of a person, drawn from their id, so the lists agree
 * from month to month; a few of them live in poor households, which is what the lists are for.
 */
final class ReferenceExtracts {
    static final String DUKCAPIL = "DUKCAPIL_PERISTIWA";
    static final String ASN = "PENGECUALIAN_ASN";
    static final String KENDARAAN = "PENGECUALIAN_KENDARAAN";

    private static final String[] INSTANSI = {
        "DINAS PENDIDIKAN",
        "DINAS KESEHATAN",
        "SEKRETARIAT DAERAH",
        "DINAS PEKERJAAN UMUM",
        "KECAMATAN",
        "BADAN KEUANGAN DAERAH",
        "DINAS SOSIAL",
        "RSUD"
    };
    private static final String[] KENDARAAN_JENIS = {"MINIBUS", "SEDAN", "JEEP", "PICK UP", "MINIBUS"};

    private ReferenceExtracts() {}

    static List<GeneratedFile> write(
            Population population,
            String kabupatenCode,
            YearMonth period,
            List<PopulationEvolution.Event> events,
            Path inbox)
            throws IOException {
        String suffix = "_" + kabupatenCode.replace(".", "") + "_"
                + String.format("%04d%02d", period.getYear(), period.getMonthValue()) + ".csv";
        List<GeneratedFile> files = new ArrayList<>();
        LocalDate date = period.atDay(1);

        Path dukcapil = inbox.resolve("dukcapil_peristiwa" + suffix);
        try (RosterSink sink = RosterSink.csv(dukcapil, StandardCharsets.UTF_8, ',', false, false, new String[] {
            "NIK",
            "NO_KK",
            "NAMA_LGKP",
            "TGL_LHR",
            "JENIS_PERISTIWA",
            "TGL_PERISTIWA",
            "KODE_DESA_ASAL",
            "KODE_WILAYAH_TUJUAN"
        })) {
            for (PopulationEvolution.Event event : events) {
                int person = event.person();
                sink.row(new Object[] {
                    Long.toString(population.personNik[person]),
                    Long.toString(population.householdKk[event.household()]),
                    population.personName[person],
                    RosterLayout.date(population.birthDate(person), '-', false),
                    event.status() == Population.Status.DECEASED ? "KEMATIAN" : "PINDAH_KELUAR",
                    RosterLayout.date(event.date(), '-', false),
                    event.villageCode(),
                    event.destination()
                });
            }
        }
        files.add(new GeneratedFile(period, DUKCAPIL, dukcapil, events.size(), 0, 0));

        Path asn = inbox.resolve("pengecualian_asn" + suffix);
        long asnRows = 0;
        try (RosterSink sink = RosterSink.csv(
                asn, StandardCharsets.UTF_8, ',', false, false, new String[] {"NIP", "NIK", "NAMA", "INSTANSI"})) {
            for (int person = 0; person < population.personCount(); person++) {
                if (!population.isPresent(person)) {
                    continue;
                }
                int age = population.age(person, date);
                int household = population.personHousehold[person];
                long draw = hash(person, 1) % 1000;
                boolean civilServant =
                        age >= 23 && age <= 58 && (population.householdDesil[household] >= 6 ? draw < 60 : draw < 4);
                if (civilServant) {
                    LocalDate birth = population.birthDate(person);
                    String nip = String.format(
                            "%04d%02d%02d%04d%02d%d%03d",
                            birth.getYear(),
                            birth.getMonthValue(),
                            birth.getDayOfMonth(),
                            birth.getYear() + 24,
                            1 + hash(person, 2) % 12,
                            population.personFemale[person] ? 2 : 1,
                            1 + hash(person, 3) % 999);
                    sink.row(new Object[] {
                        nip,
                        Long.toString(population.personNik[person]),
                        population.personName[person],
                        INSTANSI[(int) (hash(person, 4) % INSTANSI.length)]
                    });
                    asnRows++;
                }
            }
        }
        files.add(new GeneratedFile(period, ASN, asn, asnRows, 0, 0));

        Path vehicles = inbox.resolve("pengecualian_kendaraan" + suffix);
        long vehicleRows = 0;
        try (RosterSink sink = RosterSink.csv(vehicles, StandardCharsets.UTF_8, ';', false, false, new String[] {
            "NIK", "NAMA_PEMILIK", "JENIS_KENDARAAN", "TAHUN_PEMBUATAN"
        })) {
            for (int household = 0; household < population.householdCount(); household++) {
                int head = population.head(household);
                if (head < 0) {
                    continue;
                }
                long draw = hash(household, 5) % 1000;
                boolean owner = population.householdDesil[household] >= 7 ? draw < 450 : draw < 15;
                if (owner) {
                    sink.row(new Object[] {
                        Long.toString(population.personNik[head]),
                        population.personName[head],
                        KENDARAAN_JENIS[(int) (hash(household, 6) % KENDARAAN_JENIS.length)],
                        Long.toString(2008 + hash(household, 7) % 18)
                    });
                    vehicleRows++;
                }
            }
        }
        files.add(new GeneratedFile(period, KENDARAAN, vehicles, vehicleRows, 0, 0));
        files.add(DtsenExtract.write(population, kabupatenCode, period, inbox));
        return files;
    }

    /** A fixed pseudo-random number of an id, never negative. */
    static long hash(int id, int salt) {
        long z = id * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) >>> 1;
    }
}
