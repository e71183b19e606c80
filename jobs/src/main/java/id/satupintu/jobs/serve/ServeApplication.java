package id.satupintu.jobs.serve;

import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.opendata.OpenDataSettings;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.core.env.MapPropertySource;

/**
 * The web application of {@code satupintu serve}: the dashboard and the data API over the published
 * warehouse, read-only. It is its own Spring Boot application, with its own configuration ({@code
 * serve.properties} beside this class, then {@code config/serve.properties} of the data directory):
 * no job repository, no scheduler, no data source, and the batch commands' application never starts a
 * web server.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
        excludeName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration",
            "org.springframework.boot.batch.autoconfigure.BatchJobLauncherAutoConfiguration",
            "org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration",
            "org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"
        })
@ComponentScan
public class ServeApplication {
    /** Starts the server on a data directory; it runs until the returned context is closed. */
    public static ConfigurableApplicationContext start(DataDirectory data, Map<String, Object> overrides) {
        SpringApplication application = new SpringApplication(ServeApplication.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("satupintu.data-dir", data.root().toAbsolutePath().toString());
        defaults.put(
                "spring.config.location",
                "classpath:/id/satupintu/jobs/serve/serve.properties,optional:file:"
                        + data.config().toAbsolutePath().resolve("serve.properties"));
        application.setDefaultProperties(defaults);
        Map<String, Object> command = new HashMap<>(overrides);
        application.addInitializers(context -> context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("satupintu-serve-command", command)));
        return application.run();
    }

    @Bean
    DataDirectory dataDirectory(@Value("${satupintu.data-dir}") String root) {
        return new DataDirectory(java.nio.file.Path.of(root));
    }

    @Bean(destroyMethod = "close")
    WarehouseConnections warehouseConnections(DataDirectory data) {
        return new WarehouseConnections(data.publishedWarehouse());
    }

    @Bean
    AccountDirectory accountDirectory(DataDirectory data) {
        return new AccountDirectory(AccountFile.of(data));
    }

    /** The small-cell threshold of the open data ({@code config/opendata.properties}, default 5), read at start. */
    @Bean
    SmallCellThreshold smallCellThreshold(DataDirectory data) {
        return new SmallCellThreshold(
                OpenDataSettings.read(data.openDataSettings()).smallCellThreshold());
    }

    /** Counts below this are hidden from the roles that see only aggregates. */
    public record SmallCellThreshold(int value) {}
}
