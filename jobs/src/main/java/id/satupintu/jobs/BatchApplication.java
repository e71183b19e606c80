package id.satupintu.jobs;

import id.satupintu.pipeline.lake.DataDirectory;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring Boot application behind the commands that run jobs. Commands that need no job
 * (generate, query) run without it, so they start in a fraction of a second.
 */
@SpringBootApplication
public class BatchApplication {
    /** Starts the application on a data directory, hands the context to {@code work}, then stops it. */
    public static <T> T run(DataDirectory dataDirectory, Function<ConfigurableApplicationContext, T> work) {
        return run(dataDirectory, Map.of(), work);
    }

    /** As {@link #run(DataDirectory, Function)}, with properties that override the configuration. */
    public static <T> T run(
            DataDirectory dataDirectory,
            Map<String, Object> properties,
            Function<ConfigurableApplicationContext, T> work) {
        // before the embedded job repository and Quartz store create their files under metadata/
        dataDirectory.createRestrictedFolders();
        SpringApplication application = new SpringApplication(BatchApplication.class);
        application.setDefaultProperties(
                Map.of("satupintu.data-dir", dataDirectory.root().toString()));
        Map<String, Object> overrides = new java.util.HashMap<>(properties);
        application.addInitializers(context -> context.getEnvironment()
                .getPropertySources()
                .addFirst(new org.springframework.core.env.MapPropertySource("satupintu-command", overrides)));
        try (ConfigurableApplicationContext context = application.run()) {
            return work.apply(context);
        }
    }
}
