package id.satupintu.pipeline.generate;

import static java.util.Objects.requireNonNull;

import id.satupintu.schemas.wilayah.Wilayah;
import id.satupintu.schemas.wilayah.WilayahLevel;
import id.satupintu.schemas.wilayah.WilayahTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The synthetic Dukcapil: issues NIK and No. KK numbers with the real structure (DOMAIN.md §1) and
 * unique serials. A NIK is {@code PP KK CC DD MM YY SSSS} with 40 added to a woman's day of birth; a
 * No. KK is the kecamatan of issuance, the registration date DDMMYY and a serial.
 *
 * <p>Serials of primary NIKs count up from 0001 per region and birth date; the numbers a roster
 * may carry by mistake (a second registration) take serials from 9001 down, so they never collide
 * with a primary NIK.
 */
final class CivilRegistry {
    private static final int SECOND_REGISTRATION_SERIAL = 9_000;

    private final int[] nationalKecamatan;
    private final Map<Long, Integer> nikSerials = new HashMap<>();
    private final Map<Long, Integer> kkSerials = new HashMap<>();
    private final Map<Long, Integer> secondSerials = new HashMap<>();

    CivilRegistry(WilayahTable table) {
        List<String> codes = new ArrayList<>();
        for (Wilayah wilayah : requireNonNull(table, "table is null").all()) {
            if (wilayah.level() == WilayahLevel.KECAMATAN) {
                codes.add(wilayah.code());
            }
        }
        codes.sort(null);
        this.nationalKecamatan = codes.stream().mapToInt(CivilRegistry::digits).toArray();
    }

    /** A kecamatan anywhere in Indonesia, as the number {@code PPKKCC}. */
    int anyKecamatan(SplittableRandom random) {
        return nationalKecamatan[random.nextInt(nationalKecamatan.length)];
    }

    long nik(int kecamatanDigits, LocalDate birth, boolean female) {
        long prefix = nikPrefix(kecamatanDigits, birth, female);
        return prefix * 10_000L + serial(nikSerials, prefix, 1);
    }

    /** A second NIK for the same person, first registered in another kecamatan. */
    long secondRegistration(int otherKecamatanDigits, LocalDate birth, boolean female) {
        long prefix = nikPrefix(otherKecamatanDigits, birth, female);
        return prefix * 10_000L + SECOND_REGISTRATION_SERIAL + serial(secondSerials, prefix, 1);
    }

    long kk(int kecamatanDigits, LocalDate registered) {
        long prefix = kecamatanDigits * 1_000_000L
                + registered.getDayOfMonth() * 10_000L
                + registered.getMonthValue() * 100L
                + registered.getYear() % 100;
        return prefix * 10_000L + serial(kkSerials, prefix, 1);
    }

    private static long nikPrefix(int kecamatanDigits, LocalDate birth, boolean female) {
        return kecamatanDigits * 1_000_000L
                + (birth.getDayOfMonth() + (female ? 40 : 0)) * 10_000L
                + birth.getMonthValue() * 100L
                + birth.getYear() % 100;
    }

    private static int serial(Map<Long, Integer> serials, long prefix, int step) {
        int serial = serials.merge(prefix, step, Integer::sum);
        if (serial >= SECOND_REGISTRATION_SERIAL) {
            throw new IllegalStateException(
                    "More than " + (SECOND_REGISTRATION_SERIAL - 1) + " serial numbers for one region and date");
        }
        return serial;
    }

    /** {@code 51.08.01} as the number 510801. */
    static int digits(String dottedCode) {
        return Integer.parseInt(dottedCode.replace(".", ""));
    }
}
