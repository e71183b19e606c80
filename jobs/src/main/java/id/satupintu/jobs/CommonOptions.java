package id.satupintu.jobs;

import id.satupintu.pipeline.lake.DataDirectory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import picocli.CommandLine.Option;

/** Options every command takes: where the data lives and which language to speak. */
public final class CommonOptions {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "satupintu-data", descriptionKey = "data-dir")
    Path dataDir;

    @Option(names = "--lang", paramLabel = "id|en", defaultValue = "id", descriptionKey = "lang")
    String lang;

    public DataDirectory dataDirectory() {
        return new DataDirectory(dataDir);
    }

    public Locale locale() {
        return Language.locale(lang);
    }

    public ResourceBundle messages() {
        return Language.messages(locale());
    }

    /** The language as a property of the application, for what a job writes (the HTML run report). */
    public java.util.Map<String, Object> languageProperty() {
        return java.util.Map.of(Language.PROPERTY, locale().equals(Language.INDONESIAN) ? "id" : "en");
    }
}
