package id.satupintu.jobs.refresh;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** One ingest partition per inbox file of the period, named after the file so logs and history say which. */
final class InboxPartitioner implements Partitioner {
    private final List<Path> files;

    InboxPartitioner(List<Path> files) {
        this.files = List.copyOf(files);
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (Path file : files) {
            ExecutionContext context = new ExecutionContext();
            context.putString("file", file.toAbsolutePath().toString());
            partitions.put("file:" + file.getFileName(), context);
        }
        return partitions;
    }
}
