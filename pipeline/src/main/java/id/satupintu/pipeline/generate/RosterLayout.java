package id.satupintu.pipeline.generate;

import id.satupintu.schemas.program.Program;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The file layout each program's roster arrives in: name, encoding, separator, header and how one
 * row is written. The ingest side is configured for exactly these headers.
 */
enum RosterLayout {
    PKH(Program.PKH, "pkh", StandardCharsets.UTF_8, ';', new String[] {
        "NO",
        "NIK",
        "NO KK",
        "NAMA KPM",
        "JENIS KELAMIN",
        "TANGGAL LAHIR",
        "ALAMAT",
        "RT",
        "RW",
        "KODE WILAYAH",
        "TAHAP",
        "NOMINAL"
    }) {
        @Override
        String[] row(RosterRow row) {
            Population population = row.population();
            int person = row.person();
            int household = row.household();
            return new String[] {
                Long.toString(row.sequence()),
                row.nik(),
                Long.toString(population.householdKk[household]),
                population.personName[person],
                population.personFemale[person] ? "P" : "L",
                date(population.birthDate(person), DAY_FIRST, '/'),
                population.householdAlamat[household],
                threeDigits(population.householdRt[household]),
                threeDigits(population.householdRw[household]),
                population.villageCode(household),
                PkhBenefit.tahap(row.period()),
                Long.toString(PkhBenefit.perTahap(population, household, row.periodStart()))
            };
        }
    },
    BPNT(Program.BPNT, "bpnt", StandardCharsets.UTF_8, ',', new String[] {
        "nik",
        "nokk",
        "nama_penerima",
        "jenis_kelamin",
        "tgl_lahir",
        "alamat",
        "rt",
        "rw",
        "kode_desa",
        "bulan",
        "nilai_bantuan"
    }) {
        @Override
        String[] row(RosterRow row) {
            Population population = row.population();
            int person = row.person();
            int household = row.household();
            return new String[] {
                row.nik(),
                Long.toString(population.householdKk[household]),
                population.personName[person],
                population.personFemale[person] ? "PEREMPUAN" : "LAKI-LAKI",
                date(population.birthDate(person), YEAR_FIRST, '-'),
                population.householdAlamat[household],
                threeDigits(population.householdRt[household]),
                threeDigits(population.householdRw[household]),
                population.villageCode(household),
                row.period().toString(),
                Long.toString(BPNT_PER_MONTH)
            };
        }
    },
    BLT_DD(Program.BLT_DD, "blt_dd", Charset.forName("windows-1252"), ';', new String[] {
        "NIK", "NOMOR KK", "NAMA", "L/P", "TGL LAHIR", "DUSUN", "KODE DESA", "BULAN", "JUMLAH"
    }) {
        @Override
        String[] row(RosterRow row) {
            Population population = row.population();
            int person = row.person();
            int household = row.household();
            return new String[] {
                row.nik(),
                Long.toString(population.householdKk[household]),
                population.personName[person],
                population.personFemale[person] ? "P" : "L",
                date(population.birthDate(person), DAY_FIRST, '-'),
                population.householdDusun[household],
                population.villageCode(household),
                row.period().toString(),
                Long.toString(BLT_DD_PER_MONTH)
            };
        }
    },
    PBI_JK(Program.PBI_JK, "pbi_jk", StandardCharsets.UTF_8, ',', new String[] {
        "NOKA_JKN", "NIK", "NO_KK", "NAMA", "JNS_KEL", "TGL_LAHIR", "KODE_DESA", "RT", "RW", "DESIL"
    }) {
        @Override
        String[] row(RosterRow row) {
            Population population = row.population();
            int person = row.person();
            int household = row.household();
            return new String[] {
                row.nokaJkn(),
                row.nik(),
                Long.toString(population.householdKk[household]),
                population.personName[person],
                population.personFemale[person] ? "2" : "1",
                date(population.birthDate(person), YEAR_FIRST, '-'),
                population.villageCode(household),
                threeDigits(population.householdRt[household]),
                threeDigits(population.householdRw[household]),
                Integer.toString(population.householdDesil[household])
            };
        }
    },
    LISTRIK(Program.LISTRIK, "listrik", StandardCharsets.UTF_8, '|', new String[] {
        "IDPEL", "NIK", "NAMA_PELANGGAN", "DAYA_VA", "KD_WILAYAH", "ALAMAT"
    }) {
        @Override
        String[] row(RosterRow row) {
            Population population = row.population();
            int household = row.household();
            return new String[] {
                row.idpel(),
                row.nik(),
                population.personName[row.person()],
                population.householdDaya450[household] ? "450" : "900",
                population.villageCode(household),
                population.householdAlamat[household]
            };
        }
    };

    static final long BPNT_PER_MONTH = 200_000;
    static final long BLT_DD_PER_MONTH = 300_000;

    private static final boolean DAY_FIRST = true;
    private static final boolean YEAR_FIRST = false;
    private static final String[] THREE_DIGITS = new String[1000];

    static {
        for (int i = 0; i < THREE_DIGITS.length; i++) {
            THREE_DIGITS[i] = String.format("%03d", i);
        }
    }

    private final Program program;
    private final String fileStem;
    private final Charset charset;
    private final char separator;
    private final String[] header;

    RosterLayout(Program program, String fileStem, Charset charset, char separator, String[] header) {
        this.program = program;
        this.fileStem = fileStem;
        this.charset = charset;
        this.separator = separator;
        this.header = header;
    }

    static RosterLayout of(Program program) {
        for (RosterLayout layout : values()) {
            if (layout.program == program) {
                return layout;
            }
        }
        throw new IllegalArgumentException("No roster layout for " + program);
    }

    Program program() {
        return program;
    }

    Charset charset() {
        return charset;
    }

    char separator() {
        return separator;
    }

    String[] header() {
        return header.clone();
    }

    /** {@code pkh_5108_202610.csv}. */
    String fileName(String kabupatenCode, YearMonth period) {
        return String.format(
                "%s_%s_%04d%02d.csv",
                fileStem, kabupatenCode.replace(".", ""), period.getYear(), period.getMonthValue());
    }

    /** The fields of one data row. */
    abstract String[] row(RosterRow row);

    /**
     * What one data row is about.
     *
     * @param sequence the 1-based row number among the data rows
     * @param nik the NIK as written: the person's NIK, or its broken text on a faulty row
     * @param person the listed person: pengurus, customer (head) or the PBI member
     */
    record RosterRow(
            Population population,
            YearMonth period,
            LocalDate periodStart,
            long sequence,
            int household,
            int person,
            String nik,
            String nokaJkn,
            String idpel) {}

    static String threeDigits(int value) {
        return THREE_DIGITS[value];
    }

    static String date(LocalDate date, boolean dayFirst, char separator) {
        char[] text = new char[10];
        int day = date.getDayOfMonth();
        int month = date.getMonthValue();
        int year = date.getYear();
        int offset = dayFirst ? 0 : 8;
        text[offset] = (char) ('0' + day / 10);
        text[offset + 1] = (char) ('0' + day % 10);
        int monthOffset = dayFirst ? 3 : 5;
        text[monthOffset] = (char) ('0' + month / 10);
        text[monthOffset + 1] = (char) ('0' + month % 10);
        int yearOffset = dayFirst ? 6 : 0;
        text[yearOffset] = (char) ('0' + year / 1000);
        text[yearOffset + 1] = (char) ('0' + year / 100 % 10);
        text[yearOffset + 2] = (char) ('0' + year / 10 % 10);
        text[yearOffset + 3] = (char) ('0' + year % 10);
        text[dayFirst ? 2 : 4] = separator;
        text[dayFirst ? 5 : 7] = separator;
        return new String(text);
    }
}
