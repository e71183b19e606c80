package id.satupintu.pipeline.generate;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Javanese/Sundanese-style names from the faker id_ID lists in the schemas module: a given name and,
 * for most people, a second name. Birth order plays no part.
 */
final class NusantaraNames implements NameStyle {
    static final String NAMES_RESOURCE = "/id/satupintu/schemas/reference/names/given_and_family_names.csv";

    private static volatile NusantaraNames referenceList;

    private final String[] maleGiven;
    private final String[] femaleGiven;
    private final String[] maleSecond;
    private final String[] femaleSecond;

    NusantaraNames(
            List<String> maleGiven, List<String> femaleGiven, List<String> maleSecond, List<String> femaleSecond) {
        this.maleGiven = nonEmpty(maleGiven, "male given names");
        this.femaleGiven = nonEmpty(femaleGiven, "female given names");
        this.maleSecond = nonEmpty(maleSecond, "male second names");
        this.femaleSecond = nonEmpty(femaleSecond, "female second names");
    }

    static NusantaraNames fromReferenceList() {
        NusantaraNames names = referenceList;
        if (names == null) {
            synchronized (NusantaraNames.class) {
                names = referenceList;
                if (names == null) {
                    names = read();
                    referenceList = names;
                }
            }
        }
        return names;
    }

    @Override
    public String name(boolean female, int birthOrder, SplittableRandom random) {
        String[] given = female ? femaleGiven : maleGiven;
        String first = given[random.nextInt(given.length)];
        if (random.nextInt(10) < 3) {
            return first;
        }
        String[] second = female ? femaleSecond : maleSecond;
        return first + ' ' + second[random.nextInt(second.length)];
    }

    String[] maleGiven() {
        return maleGiven.clone();
    }

    String[] femaleGiven() {
        return femaleGiven.clone();
    }

    String[] maleSecond() {
        return maleSecond.clone();
    }

    String[] femaleSecond() {
        return femaleSecond.clone();
    }

    private static NusantaraNames read() {
        List<String> maleGiven = new ArrayList<>();
        List<String> femaleGiven = new ArrayList<>();
        List<String> maleSecond = new ArrayList<>();
        List<String> femaleSecond = new ArrayList<>();
        InputStream stream = NusantaraNames.class.getResourceAsStream(NAMES_RESOURCE);
        if (stream == null) {
            throw new IllegalStateException("Reference data missing from the classpath: " + NAMES_RESOURCE);
        }
        try (CsvReader<NamedCsvRecord> reader =
                CsvReader.builder().ofNamedCsvRecord(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (NamedCsvRecord row : reader) {
                String name = row.getField("name").trim().toUpperCase(Locale.ROOT);
                boolean female = "F".equals(row.getField("gender"));
                boolean given = "given".equals(row.getField("part"));
                (given ? (female ? femaleGiven : maleGiven) : (female ? femaleSecond : maleSecond)).add(name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference data " + NAMES_RESOURCE, e);
        }
        return new NusantaraNames(maleGiven, femaleGiven, maleSecond, femaleSecond);
    }

    private static String[] nonEmpty(List<String> names, String what) {
        if (names.isEmpty()) {
            throw new IllegalStateException("The name list has no " + what);
        }
        return names.toArray(String[]::new);
    }
}
