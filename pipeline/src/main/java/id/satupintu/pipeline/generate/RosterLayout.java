package id.satupintu.pipeline.generate;

import id.satupintu.schemas.program.Program;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * The file each program's roster arrives in, as its real source writes it (docs/roster-layouts.md):
 * name, format, encoding, header and the cells of one row. The default source catalogue of ingest
 * reads exactly these layouts.
 */
enum RosterLayout {
    PKH(Program.PKH, "pkh", "csv", true, true, new String[] {
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
        "KOMPONEN",
        "NOMINAL"
    }) {
        @Override
        RosterSink open(Path file, Context context) throws IOException {
            return RosterSink.csv(file, StandardCharsets.UTF_8, ';', true, true, header());
        }

        @Override
        Object[] cells(RosterRecord row, Context context) {
            Population population = context.population();
            int household = row.household;
            return new Object[] {
                Long.toString(row.sequence),
                row.nik,
                Long.toString(row.noKk),
                row.name,
                row.female ? "P" : "L",
                date(row.birthDate, '/', true),
                population.householdAlamat[household],
                threeDigits(population.householdRt[household]),
                threeDigits(population.householdRw[household]),
                context.villageCode(row),
                PkhBenefit.tahap(row.period),
                row.pkh.componentsText(),
                Long.toString(row.amount)
            };
        }
    },
    BPNT(Program.BPNT, "bpnt", "csv", true, false, new String[] {
        "IDARTBDT",
        "KDPROP",
        "KDKAB",
        "KDKEC",
        "KDDESA",
        "NAMA_PENERIMA",
        "NIK",
        "NOKK",
        "JNSKEL",
        "TGL_LAHIR",
        "ALAMAT",
        "RT",
        "RW",
        "BULAN",
        "NILAI_BANTUAN"
    }) {
        @Override
        RosterSink open(Path file, Context context) throws IOException {
            return RosterSink.csv(file, StandardCharsets.UTF_8, ',', false, false, header());
        }

        @Override
        Object[] cells(RosterRecord row, Context context) {
            Population population = context.population();
            int household = row.household;
            String bps = context.bpsCode(row);
            return new Object[] {
                row.idArt,
                bps.substring(0, 2),
                bps.substring(2, 4),
                // operators' spreadsheets drop the leading zeros of the kecamatan and desa parts
                Integer.toString(Integer.parseInt(bps.substring(4, 7))),
                bps.substring(7, 10),
                row.name,
                row.nik,
                Long.toString(row.noKk),
                row.female ? "2" : "1",
                date(row.birthDate, '-', false),
                population.householdAlamat[household],
                Integer.toString(population.householdRt[household]),
                Integer.toString(population.householdRw[household]),
                row.period.toString(),
                Long.toString(row.amount)
            };
        }
    },
    BLT_DD(Program.BLT_DD, "blt_dd", "xlsx", true, true, new String[] {
        "NO",
        "NIK",
        "NOMOR KK",
        "NAMA",
        "L/P",
        "TGL LAHIR",
        "DUSUN",
        "DESA",
        "KECAMATAN",
        "KODE DESA",
        "BULAN",
        "JUMLAH"
    }) {
        @Override
        RosterSink open(Path file, Context context) throws IOException {
            YearMonth period = context.period();
            return RosterSink.xlsx(
                    file,
                    "BLT DD",
                    List.of(
                            "DAFTAR KELUARGA PENERIMA MANFAAT BLT DANA DESA",
                            context.kabupatenName().toUpperCase(Locale.ROOT),
                            "BULAN "
                                    + period.getMonth()
                                            .getDisplayName(TextStyle.FULL, Locale.forLanguageTag("id"))
                                            .toUpperCase(Locale.ROOT)
                                    + " " + period.getYear()),
                    header(),
                    period.atDay(1));
        }

        @Override
        Object[] cells(RosterRecord row, Context context) {
            Population population = context.population();
            int household = row.household;
            // most offices keep real date cells; a few type the date as text
            Object birth = row.sequence % 7 == 0 ? date(row.birthDate, '-', true) : row.birthDate;
            return new Object[] {
                (int) row.sequence,
                row.nikNumber != null ? (Object) row.nikNumber : row.nik,
                Long.toString(row.noKk),
                row.name,
                row.female ? "P" : "L",
                birth,
                population.householdDusun[household],
                population.villageNames[row.village].toUpperCase(Locale.ROOT),
                population.kecamatanNames[population.villageKecamatan[row.village]].toUpperCase(Locale.ROOT),
                context.villageCode(row),
                row.period.toString(),
                row.amount
            };
        }
    },
    PBI_JK(Program.PBI_JK, "pbi_jk", "csv", true, true, new String[] {
        "NOKA_JKN", "NIK", "NO_KK", "NAMA", "JNS_KEL", "TGL_LAHIR", "KODE_DESA", "RT", "RW", "DESIL"
    }) {
        @Override
        RosterSink open(Path file, Context context) throws IOException {
            return RosterSink.csv(file, StandardCharsets.UTF_8, ',', false, false, header());
        }

        @Override
        Object[] cells(RosterRecord row, Context context) {
            Population population = context.population();
            int household = row.household;
            return new Object[] {
                row.nokaJkn,
                row.nik,
                Long.toString(row.noKk),
                row.name,
                row.female ? "2" : "1",
                date(row.birthDate, '-', false),
                context.villageCode(row).replace(".", ""),
                threeDigits(population.householdRt[household]),
                threeDigits(population.householdRw[household]),
                Integer.toString(population.householdDesil[household])
            };
        }
    },
    LISTRIK(Program.LISTRIK, "listrik", "jsonl", false, true, new String[] {
        "idpel", "nik", "nama_pelanggan", "tarif", "daya_va", "kd_wilayah", "alamat", "kwh"
    }) {
        @Override
        RosterSink open(Path file, Context context) throws IOException {
            return RosterSink.jsonLines(file, header());
        }

        @Override
        Object[] cells(RosterRecord row, Context context) {
            Population population = context.population();
            int household = row.household;
            return new Object[] {
                row.idpel,
                row.nikNumber != null ? (Object) row.nikNumber : row.nik,
                row.name,
                "R1",
                population.householdDaya450[household] ? 450L : 900L,
                context.villageCode(row),
                population.householdAlamat[household],
                (long) row.kwh
            };
        }
    },
    BANSOS_DAERAH(Program.BANSOS_DAERAH, "bansos_daerah", "csv", false, false, new String[] {
        "No.",
        "N I K",
        "Nama Lengkap",
        "Jenis Kelamin",
        "Tempat Lahir",
        "Tgl Lahir",
        "Alamat",
        "Desa/Kelurahan",
        "Kecamatan",
        "Nominal"
    }) {
        @Override
        RosterSink open(Path file, Context context) throws IOException {
            return RosterSink.csv(file, Charset.forName("windows-1252"), ';', false, true, header());
        }

        @Override
        Object[] cells(RosterRecord row, Context context) {
            Population population = context.population();
            int household = row.household;
            LocalDate birth = row.birthDate;
            return new Object[] {
                Long.toString(row.sequence),
                row.nik,
                titleCase(row.name),
                row.female ? "Perempuan" : "Laki-laki",
                titleCase(context.kabupatenName().replaceFirst("^(Kabupaten|Kota) ", "")),
                birth.getDayOfMonth() + "/" + birth.getMonthValue() + "/" + birth.getYear(),
                titleCase(population.householdDusun[household]) + " RT "
                        + threeDigits(population.householdRt[household]) + " RW "
                        + threeDigits(population.householdRw[household]),
                context.villageName(row),
                population.kecamatanNames[population.villageKecamatan[row.village]],
                rupiahText(row.amount)
            };
        }
    };

    static final long BPNT_PER_MONTH = 200_000;
    static final long BLT_DD_PER_MONTH = 300_000;
    static final long BANSOS_DAERAH_PER_MONTH = 150_000;

    private static final String[] THREE_DIGITS = new String[1000];

    static {
        for (int i = 0; i < THREE_DIGITS.length; i++) {
            THREE_DIGITS[i] = String.format("%03d", i);
        }
    }

    private final Program program;
    private final String fileStem;
    private final String extension;
    private final boolean carriesKk;
    private final boolean carriesVillageCode;
    private final String[] header;

    RosterLayout(
            Program program,
            String fileStem,
            String extension,
            boolean carriesKk,
            boolean carriesVillageCode,
            String[] header) {
        this.program = program;
        this.fileStem = fileStem;
        this.extension = extension;
        this.carriesKk = carriesKk;
        this.carriesVillageCode = carriesVillageCode;
        this.header = header;
    }

    /** What a layout needs besides the row: the population, the month, region names and codes. */
    interface Context {
        Population population();

        YearMonth period();

        String kabupatenName();

        /** The desa code the row carries: the true one or the faulty one. */
        String villageCode(RosterRecord row);

        /** The 10-digit BPS desa code of the row's desa. */
        String bpsCode(RosterRecord row);

        /** The desa name the row carries, in the spelling of the decree it follows. */
        String villageName(RosterRecord row);
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

    boolean carriesKk() {
        return carriesKk;
    }

    boolean carriesVillageCode() {
        return carriesVillageCode;
    }

    /** Whether a damaged NIK is written as a number (a spreadsheet cell or a JSON number). */
    boolean writesNumbers() {
        return !extension.equals("csv");
    }

    String[] header() {
        return header.clone();
    }

    /** {@code pkh_5108_202610.csv}. */
    String fileName(String kabupatenCode, YearMonth period) {
        return String.format(
                "%s_%s_%04d%02d.%s",
                fileStem, kabupatenCode.replace(".", ""), period.getYear(), period.getMonthValue(), extension);
    }

    abstract RosterSink open(Path file, Context context) throws IOException;

    /** The cells of one data row. */
    abstract Object[] cells(RosterRecord row, Context context);

    static String threeDigits(int value) {
        return THREE_DIGITS[value];
    }

    static String date(LocalDate date, char separator, boolean dayFirst) {
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

    /** {@code Rp 150.000}: rupiah as typed in Indonesian spreadsheets. */
    static String rupiahText(long amount) {
        String digits = Long.toString(amount);
        StringBuilder text = new StringBuilder("Rp ");
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                text.append('.');
            }
            text.append(digits.charAt(i));
        }
        return text.toString();
    }

    /** {@code I WAYAN SUDIARTA} as {@code I Wayan Sudiarta}; titles such as {@code S.PD} too. */
    static String titleCase(String text) {
        char[] chars = text.toLowerCase(Locale.ROOT).toCharArray();
        boolean start = true;
        for (int i = 0; i < chars.length; i++) {
            if (Character.isLetter(chars[i])) {
                if (start) {
                    chars[i] = Character.toUpperCase(chars[i]);
                }
                start = false;
            } else {
                start = chars[i] == ' ' || chars[i] == '.' || chars[i] == '-' || chars[i] == '\'';
            }
        }
        return new String(chars);
    }
}
