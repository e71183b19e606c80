package id.satupintu.jobs;

import id.satupintu.pipeline.lake.DataDirectory;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The Spring Boot application behind the commands that run jobs. Commands that need no job
 * (generate, query) run without it, so they start in a fraction of a second. It never starts a web
 * server: the web application of {@code satupintu serve} is another application ({@code
 * id.satupintu.jobs.serve.ServeApplication}), left out of this one's component scan.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
        excludeName = {
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"
        })
@ComponentScan(
        excludeFilters = {
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.REGEX, pattern = "id\\.satupintu\\.jobs\\.serve\\..*")
        })
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
        application.setWebApplicationType(WebApplicationType.NONE);
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
