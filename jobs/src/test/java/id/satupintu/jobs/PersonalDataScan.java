package id.satupintu.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.pipeline.duckdb.DuckDb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Looks for the simulated residents' personal data in files and text: any NIK or No. KK (a run of 16
 * digits that is one), any full name (two words or more, in any letter case), and any birth date in
 * the forms the rosters write it ({@code 1985-03-07}, {@code 07-03-1985}, {@code 07/03/1985},
 * {@code 7/3/1985}). The residents come from the generator's ground truth ({@code
 * truth/YYYY-MM/population/}). A DuckDB file is read through DuckDB (every text value of every
 * table, since its storage compresses strings), an XLSX or other zip part by part, any other file as
 * its bytes.
 */
final class PersonalDataScan {
    private static final Pattern SIXTEEN_DIGITS = Pattern.compile("(?<![0-9])[0-9]{16}(?![0-9])");
    private static final Pattern ISO_DATE = Pattern.compile("(?<![0-9])([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])");
    private static final Pattern DAY_FIRST_DATE =
            Pattern.compile("(?<![0-9])([0-9]{1,2})([/-])([0-9]{1,2})\\2([0-9]{4})(?![0-9])");
    private static final Pattern WORD_START = Pattern.compile("(?<![\\p{L}'])\\p{L}");

    private final Set<String> numbers = new HashSet<>();
    /** Full names, lower case, by their first word. */
    private final Map<String, List<String>> namesByFirstWord = new HashMap<>();

    private final Set<LocalDate> birthDates = new HashSet<>();
    private int names;

    private PersonalDataScan() {}

    /** The residents of the ground truth under a data directory's {@code truth/}. */
    static PersonalDataScan ofTruth(Path dataRoot) throws Exception {
        PersonalDataScan scan = new PersonalDataScan();
        try (Connection duckdb = DuckDb.inMemory(1);
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery("SELECT DISTINCT nik, no_kk, lower(nama), birth_date"
                        + " FROM read_parquet('" + dataRoot.resolve("truth/*/population/*.parquet") + "')")) {
            while (result.next()) {
                scan.numbers.add(result.getString(1));
                scan.numbers.add(result.getString(2));
                String name = result.getString(3).strip().replaceAll("\\s+", " ");
                if (name.contains(" ")) {
                    scan.namesByFirstWord
                            .computeIfAbsent(name.substring(0, name.indexOf(' ')), first -> new ArrayList<>())
                            .add(name);
                    scan.names++;
                }
                scan.birthDates.add(result.getObject(4, LocalDate.class));
            }
        }
        assertThat(scan.numbers).hasSizeGreaterThan(1_000);
        assertThat(scan.names).isGreaterThan(1_000);
        assertThat(scan.birthDates).hasSizeGreaterThan(1_000);
        return scan;
    }

    /** The personal data found in a file, one line each ("NIK/KK …", "name …", "birth date …"). */
    List<String> findings(Path file) throws Exception {
        String name = file.getFileName().toString();
        if (name.endsWith(".duckdb")) {
            // the bytes too: a value stored uncompressed would show there as well
            List<String> found = new ArrayList<>(findings(text(Files.readAllBytes(file))));
            found.addAll(findings(duckdbText(file)));
            return found;
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return findings(zipText(file));
        }
        return findings(text(bytes));
    }

    /** The personal data found in a text (a process's output, say). */
    List<String> findings(String text) {
        List<String> found = new ArrayList<>();
        Matcher number = SIXTEEN_DIGITS.matcher(text);
        while (number.find()) {
            if (numbers.contains(number.group())) {
                found.add("NIK/KK " + number.group());
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher word = WORD_START.matcher(lower);
        while (word.find()) {
            int at = word.start();
            int end = at;
            while (end < lower.length() && Character.isLetter(lower.charAt(end))) {
                end++;
            }
            for (String full : namesByFirstWord.getOrDefault(lower.substring(at, end), List.of())) {
                int after = at + full.length();
                if (lower.startsWith(full, at)
                        && (after == lower.length() || !Character.isLetter(lower.charAt(after)))) {
                    found.add("name " + full);
                }
            }
        }
        Matcher iso = ISO_DATE.matcher(text);
        while (iso.find()) {
            date(iso.group(1), iso.group(2), iso.group(3), iso.group(), found);
        }
        Matcher dayFirst = DAY_FIRST_DATE.matcher(text);
        while (dayFirst.find()) {
            date(dayFirst.group(4), dayFirst.group(3), dayFirst.group(1), dayFirst.group(), found);
        }
        return found;
    }

    private void date(String year, String month, String day, String written, List<String> found) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            if (birthDates.contains(date)) {
                found.add("birth date " + written);
            }
        } catch (java.time.DateTimeException | NumberFormatException notADate) {
            // 2026-13-45 is no date
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Every part of a zip (an XLSX: its sheets, shared strings, properties) as text, read by its central directory. */
    private static String zipText(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                text.append(entry.getName())
                        .append('\n')
                        .append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8))
                        .append('\n');
            }
        }
        return text.toString();
    }

    /** Every distinct text value of every table and column of a DuckDB file, one a line. */
    private static String duckdbText(Path file) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Connection warehouse = DuckDb.openReadOnly(file);
                Statement statement = warehouse.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT table_name, column_name FROM duckdb_columns()"
                    + " WHERE NOT internal AND data_type = 'VARCHAR' ORDER BY ALL")) {
                while (result.next()) {
                    columns.add(new String[] {result.getString(1), result.getString(2)});
                }
            }
            assertThat(columns).as(file.toString()).hasSizeGreaterThan(50);
            for (String[] column : columns) {
                try (ResultSet values = statement.executeQuery("SELECT DISTINCT \"" + column[1] + "\" FROM \""
                        + column[0] + "\" WHERE \"" + column[1] + "\" IS NOT NULL")) {
                    while (values.next()) {
                        text.append(values.getString(1)).append('\n');
                    }
                }
            }
        }
        return text.toString();
    }
}
