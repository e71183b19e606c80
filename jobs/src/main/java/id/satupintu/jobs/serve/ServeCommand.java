package id.satupintu.jobs.serve;

import id.satupintu.jobs.CommonOptions;
import id.satupintu.jobs.Language;
import id.satupintu.jobs.PublishedWarehouse;
import id.satupintu.pipeline.lake.DataDirectory;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs the dashboard and data API in the foreground until the process is stopped (Ctrl-C or
 * SIGTERM). It needs a published warehouse and at least one user; it reads, never writes, the
 * warehouse and the lake, and takes no lock, so refreshes run beside it.
 */
@Command(name = "serve", mixinStandardHelpOptions = true)
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--port", paramLabel = "PORT", descriptionKey = "serve-port")
    Integer port;

    @Option(names = "--address", paramLabel = "ADDRESS", descriptionKey = "serve-address")
    String address;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        DataDirectory data = options.dataDirectory();
        PublishedWarehouse.require(data);
        PrintWriter out = spec.commandLine().getOut();
        if (AccountFile.read(AccountFile.of(data)).isEmpty()) {
            out.println(Language.format(options.messages(), "serve.no-users", AccountFile.of(data)));
        }
        Map<String, Object> overrides = new HashMap<>();
        if (port != null) {
            overrides.put("server.port", port);
        }
        if (address != null) {
            overrides.put("server.address", address);
        }
        ConfigurableApplicationContext context = ServeApplication.start(data, overrides);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            stopped.countDown();
        }));
        out.println(Language.format(
                options.messages(),
                "serve.started",
                context.getEnvironment().getProperty("server.address"),
                Integer.parseInt(context.getEnvironment().getProperty("local.server.port")),
                data.publishedWarehouse()));
        stopped.await();
        return 0;
    }
}
