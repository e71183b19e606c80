package id.satupintu.pipeline.generate;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.pipeline.generate.Population.Role;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PopulationSimulatorTest {
    private static final GeneratorSettings BULELENG =
            new GeneratorSettings("51.08", YearMonth.of(2026, 10), 1, 5_000, 42L, FaultRates.defaults());

    private static Population population;

    @BeforeAll
    static void simulate() {
        population = PopulationSimulator.simulate(
                BULELENG,
                WilayahTable.national(),
                new CivilRegistry(WilayahTable.national()),
                new SplittableRandom(42L));
    }

    @Test
    void simulatesExactlyTheRequestedNumberOfPersons() {
        assertThat(population.personCount()).isEqualTo(5_000);
        int members = 0;
        for (int household = 0; household < population.householdCount(); household++) {
            assertThat(population.role(population.head(household))).isEqualTo(Role.HEAD);
            for (int member : population.members(household)) {
                assertThat(population.personHousehold[member]).isEqualTo(household);
            }
            members += population.size(household);
        }
        assertThat(members).isEqualTo(5_000);
        double meanSize = 5_000.0 / population.householdCount();
        assertThat(meanSize).isBetween(3.0, 3.4);
    }

    @Test
    void everyNikAndEveryKkIsUnique() {
        assertThat(Arrays.stream(population.personNik, 0, 5_000).distinct().count())
                .isEqualTo(5_000);
        assertThat(Arrays.stream(population.householdKk, 0, population.householdCount())
                        .distinct()
                        .count())
                .isEqualTo(population.householdCount());
    }

    @Test
    void nikEncodesBirthDateAndSex() {
        for (int person = 0; person < population.personCount(); person++) {
            String nik = Long.toString(population.personNik[person]);
            LocalDate birth = population.birthDate(person);
            assertThat(nik).hasSize(16);
            int day = Integer.parseInt(nik.substring(6, 8));
            assertThat(day).isEqualTo(birth.getDayOfMonth() + (population.personFemale[person] ? 40 : 0));
            assertThat(Integer.parseInt(nik.substring(8, 10))).isEqualTo(birth.getMonthValue());
            assertThat(Integer.parseInt(nik.substring(10, 12))).isEqualTo(birth.getYear() % 100);
            assertThat(Integer.parseInt(nik.substring(12))).isPositive();
        }
    }

    @Test
    void mostNiksWereFirstRegisteredInTheHouseholdsKecamatan() {
        int own = 0;
        for (int person = 0; person < population.personCount(); person++) {
            String kecamatan = population.kecamatanCodes[population.kecamatan(population.personHousehold[person])];
            if (Long.toString(population.personNik[person]).startsWith(kecamatan.replace(".", ""))) {
                own++;
            }
        }
        assertThat(own).isBetween(4_700, 4_800);
    }

    @Test
    void kkStartsWithTheKecamatanOfTheHousehold() {
        for (int household = 0; household < population.householdCount(); household++) {
            String kk = Long.toString(population.householdKk[household]);
            assertThat(kk).hasSize(16);
            assertThat(kk).startsWith(population.kecamatanCodes[population.kecamatan(household)].replace(".", ""));
        }
    }

    @Test
    void householdsFillEveryDesaInCodeOrder() {
        int villages = population.villageCodes.length;
        assertThat(villages)
                .isEqualTo(WilayahTable.national().villagesUnder("51.08").size());
        int[] perVillage = new int[villages];
        for (int household = 0; household < population.householdCount(); household++) {
            perVillage[population.householdVillage[household]]++;
            if (household > 0) {
                assertThat(population.householdVillage[household])
                        .isGreaterThanOrEqualTo(population.householdVillage[household - 1]);
            }
        }
        assertThat(Arrays.stream(perVillage).min().orElseThrow()).isPositive();
    }

    @Test
    void addressesUseBanjarInDesaAndStreetsInKelurahan() {
        for (int household = 0; household < population.householdCount(); household++) {
            if (population.inDesa(household)) {
                assertThat(population.householdAlamat[household]).startsWith("BANJAR DINAS ");
            } else {
                assertThat(population.householdAlamat[household]).matches("JL\\. [A-Z ]+ NO\\. \\d+");
                assertThat(population.householdDusun[household]).startsWith("LINGKUNGAN ");
            }
        }
    }

    @Test
    void aboutFortyPercentOfHouseholdsAreInDesilOneToFour() {
        long poor = 0;
        for (int household = 0; household < population.householdCount(); household++) {
            byte desil = population.householdDesil[household];
            assertThat(desil).isBetween((byte) 1, (byte) 10);
            if (desil <= 4) {
                poor++;
            }
        }
        assertThat((double) poor / population.householdCount()).isBetween(0.36, 0.44);
    }

    @Test
    void childrenCarryBalineseBirthOrderNames() {
        for (int household = 0; household < population.householdCount(); household++) {
            int order = 0;
            for (int person : population.members(household)) {
                if (population.role(person) != Role.CHILD) {
                    continue;
                }
                order++;
                String[] words = population.personName[person].split(" ");
                assertThat(words[0]).isEqualTo(population.personFemale[person] ? "NI" : "I");
                assertThat(BalineseNames.birthOrderNames(population.personFemale[person], order))
                        .contains(words[1]);
            }
        }
    }

    @Test
    void outsideBaliNamesComeFromTheFakerList() {
        GeneratorSettings cirebon =
                new GeneratorSettings("32.09", YearMonth.of(2026, 10), 1, 500, 1L, FaultRates.none());
        Population sundanese = PopulationSimulator.simulate(
                cirebon, WilayahTable.national(), new CivilRegistry(WilayahTable.national()), new SplittableRandom(1L));

        assertThat(Arrays.copyOf(sundanese.personName, 500)).allMatch(name -> name.matches("[A-Z]+( [A-Z]+){0,2}"));
        assertThat(Arrays.copyOf(sundanese.householdAlamat, sundanese.householdCount()))
                .allMatch(alamat -> alamat.startsWith("DUSUN ") || alamat.startsWith("JL. "));
    }

    @Test
    void kalimantanBaratFamiliesKeepOneCultureOfNames() {
        GeneratorSettings pontianak =
                new GeneratorSettings("61.71", YearMonth.of(2026, 10), 1, 3_000, 7L, FaultRates.none());
        Population kalbar = PopulationSimulator.simulate(
                pontianak,
                WilayahTable.national(),
                new CivilRegistry(WilayahTable.national()),
                new SplittableRandom(7L));

        long chineseSurnames = Arrays.stream(kalbar.personName, 0, 3_000)
                .filter(name -> name.matches(".* (LIM|TAN|OEI|LIE|GO|KWEE|BONG|TJHAI|SALIM|WIJAYA|HALIM|KUSUMA)"))
                .count();
        long christianNames = Arrays.stream(kalbar.personName, 0, 3_000)
                .filter(name -> name.matches("(YOHANES|PETRUS|PAULUS|ANTONIUS|MARIA|ROSALIA|MAGDALENA)( .*)?"))
                .count();
        assertThat(chineseSurnames).isBetween(150L, 450L);
        assertThat(christianNames).isBetween(100L, 400L);
    }
}
