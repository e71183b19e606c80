package id.satupintu.jobs.serve;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The parameters every figure takes, checked against the warehouse: the month ({@code period},
 * YYYY-MM, default the latest), the programs ({@code program}, repeated or comma-separated, default
 * all), the wilayah ({@code wilayah}: the kabupaten, one of its kecamatan or one of its desa; default
 * the kabupaten), the format ({@code json}, {@code csv}, {@code xlsx}) and the language of headers and
 * messages ({@code lang}: id or en).
 */
record FigureRequest(
        String period, List<String> programs, Wilayah wilayah, Wilayah kabupaten, String format, Locale locale) {
    /** One region of the national table. */
    record Wilayah(String kode, String nama, String level, String parent) {
        boolean isKabupaten() {
            return level.equals("kabupaten") || level.equals("kota");
        }

        boolean isKecamatan() {
            return level.equals("kecamatan");
        }

        boolean isDesa() {
            return level.equals("desa") || level.equals("kelurahan");
        }
    }

    static final Set<String> FORMATS = Set.of("json", "csv", "xlsx");

    /** The programs as the queries take them: codes joined by commas, empty for all. */
    String programList() {
        return String.join(",", programs);
    }

    /** The kecamatan the request is about, or empty for the kabupaten (a desa's kecamatan for a desa). */
    String kecamatanOrAll() {
        if (wilayah.isKabupaten()) {
            return "";
        }
        return wilayah.isKecamatan() ? wilayah.kode() : wilayah.parent();
    }

    static FigureRequest read(
            WarehouseConnections.Lease warehouse,
            String period,
            List<String> programs,
            String wilayah,
            String format,
            String lang)
            throws SQLException {
        Locale locale = "en".equalsIgnoreCase(lang) ? Locale.ENGLISH : Locale.forLanguageTag("id");
        String chosenFormat =
                format == null || format.isBlank() ? "json" : format.strip().toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(chosenFormat)) {
            throw ServeRequestException.badRequest(
                    "Format tidak dikenal: " + format + " (json, csv, xlsx)",
                    "Unknown format: " + format + " (json, csv, xlsx)");
        }
        Wilayah kabupaten = kabupaten(warehouse);
        return new FigureRequest(
                period(warehouse, period),
                programs(warehouse, programs),
                wilayah(warehouse, kabupaten, wilayah),
                kabupaten,
                chosenFormat,
                locale);
    }

    /** The kabupaten of the warehouse, its months and programs are asked once per version. */
    static Wilayah kabupaten(WarehouseConnections.Lease warehouse) throws SQLException {
        return warehouse.remembered("kabupaten", FigureRequest::kabupaten);
    }

    private static Wilayah kabupaten(Connection warehouse) throws SQLException {
        Figures kabupaten = Figures.query(warehouse, "kabupaten");
        if (kabupaten.size() == 0) {
            throw new ServeRequestException(
                    org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                    "Gudang data yang diterbitkan belum memuat penerima",
                    "The published warehouse holds no recipient yet");
        }
        String kode = (String) kabupaten.value(0, 0);
        return one(warehouse, kode);
    }

    static String period(WarehouseConnections.Lease warehouse, String period) throws SQLException {
        List<String> periods =
                warehouse.remembered("periods", connection -> strings(Figures.query(connection, "periods")));
        if (period == null || period.isBlank()) {
            if (periods.isEmpty()) {
                throw ServeRequestException.badRequest(
                        "Gudang data belum memuat periode", "The warehouse holds no period yet");
            }
            return periods.get(periods.size() - 1);
        }
        if (!periods.contains(period.strip())) {
            String held = String.join(", ", periods);
            throw ServeRequestException.badRequest(
                    "Periode " + period + " tidak ada di gudang data (periode yang ada: " + held + ")",
                    "Period " + period + " is not in the warehouse (periods it holds: " + held + ")");
        }
        return period.strip();
    }

    static List<String> programs(WarehouseConnections.Lease warehouse, List<String> programs) throws SQLException {
        List<String> known =
                warehouse.remembered("programs", connection -> strings(Figures.query(connection, "programs")));
        Set<String> chosen = new LinkedHashSet<>();
        if (programs != null) {
            for (String value : programs) {
                for (String code : value.split(",")) {
                    if (!code.isBlank()) {
                        chosen.add(code.strip().toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        for (String code : chosen) {
            if (!known.contains(code)) {
                String list = String.join(", ", known);
                throw ServeRequestException.badRequest(
                        "Program tidak dikenal: " + code + " (" + list + ")",
                        "Unknown program: " + code + " (" + list + ")");
            }
        }
        return new ArrayList<>(chosen);
    }

    static Wilayah wilayah(WarehouseConnections.Lease warehouse, Wilayah kabupaten, String kode) throws SQLException {
        if (kode == null || kode.isBlank() || kode.strip().equals(kabupaten.kode())) {
            return kabupaten;
        }
        String wanted = kode.strip();
        // only codes of the kabupaten that exist are remembered, so what is kept stays bounded
        Wilayah found = wanted.startsWith(kabupaten.kode() + ".") && wanted.matches("[0-9.]{5,13}")
                ? warehouse
                        .remembered(
                                "wilayah " + wanted,
                                connection -> java.util.Optional.ofNullable(one(connection, wanted)))
                        .map(Wilayah.class::cast)
                        .orElse(null)
                : null;
        if (found == null || !(found.isKecamatan() || found.isDesa())) {
            throw ServeRequestException.badRequest(
                    "Wilayah " + wanted + " bukan kecamatan atau desa/kelurahan di " + kabupaten.nama(),
                    "Wilayah " + wanted + " is not a kecamatan or desa/kelurahan of " + kabupaten.nama());
        }
        return found;
    }

    static Wilayah one(Connection warehouse, String kode) throws SQLException {
        Figures found = Figures.query(warehouse, "wilayah_one", kode);
        if (found.size() == 0) {
            return null;
        }
        return new Wilayah((String) found.value(0, 0), (String) found.value(0, 1), (String) found.value(0, 2), (String)
                found.value(0, 3));
    }

    private static List<String> strings(Figures figures) {
        List<String> values = new ArrayList<>();
        for (int row = 0; row < figures.size(); row++) {
            values.add((String) figures.value(row, 0));
        }
        return values;
    }
}
