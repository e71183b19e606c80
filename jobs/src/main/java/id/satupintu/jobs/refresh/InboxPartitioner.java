package id.satupintu.jobs.refresh;

import id.satupintu.pipeline.ingest.Inbox;
import id.satupintu.pipeline.ingest.SourceDefinition;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One ingest partition per inbox file of the period ({@code file:<name>}) and one per JDBC source
 * of the catalogue ({@code jdbc:<source id>.jdbc}, the name its manifest and lake files carry),
 * named so logs, history and the run report say which.
 */
final class InboxPartitioner implements Partitioner {
    static final String FILE = "file";
    static final String JDBC_SOURCE = "jdbcSource";
    static final String STEP_PREFIX = "ingestFile:";

    private final List<Path> files;
    private final List<SourceDefinition> jdbcSources;

    InboxPartitioner(List<Path> files, List<SourceDefinition> jdbcSources) {
        this.files = List.copyOf(files);
        this.jdbcSources = List.copyOf(jdbcSources);
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (Path file : files) {
            ExecutionContext context = new ExecutionContext();
            context.putString(FILE, file.toAbsolutePath().toString());
            // a name the job repository cannot hold (control characters, too long) goes by its shown name,
            // as its manifest does: ingest refuses it
            partitions.put("file:" + Inbox.shownName(file.getFileName().toString()), context);
        }
        for (SourceDefinition source : jdbcSources) {
            ExecutionContext context = new ExecutionContext();
            context.putString(JDBC_SOURCE, source.id());
            partitions.put("jdbc:" + source.id() + ".jdbc", context);
        }
        return partitions;
    }

    /** Whether a step execution is one ingest partition. */
    static boolean isPartition(String stepName) {
        return stepName.startsWith(STEP_PREFIX);
    }

    /**
     * The source a partition step ingested, as its manifest names it: the file name, or
     * {@code <source id>.jdbc}.
     */
    static String sourceName(String stepName) {
        String partition = stepName.substring(STEP_PREFIX.length());
        return partition.substring(partition.indexOf(':') + 1);
    }
}
