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
        SpringApplication application = new SpringApplication(BatchApplication.class);
        application.setDefaultProperties(
                Map.of("satupintu.data-dir", dataDirectory.root().toString()));
        try (ConfigurableApplicationContext context = application.run()) {
            return work.apply(context);
        }
    }
}
