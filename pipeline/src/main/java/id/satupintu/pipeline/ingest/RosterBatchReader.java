package id.satupintu.pipeline.ingest;

import static java.util.Objects.requireNonNull;

import id.satupintu.schemas.contract.LakeContracts;
import java.io.IOException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Arrow record batches of the staged rows of one source, shaped as {@link LakeContracts#INGESTED_ROW}
 * less the {@link #FILE_COLUMNS} and {@link #VERDICT_COLUMNS}: a format reader yields raw records,
 * the judge stages each (flags recorded) or keeps it aside as rejected with the first rule it
 * broke. Nothing is dropped: rows read = staged + the judge's rejected rows.
 */
final class RosterBatchReader extends ArrowReader {
    static final int DEFAULT_BATCH_ROWS = 32_768;

    /** Columns equal on every row of a file: added in SQL, not carried through Arrow. */
    static final java.util.Set<String> FILE_COLUMNS = java.util.Set.of("period", "program_code", "source_file");

    /** The verdict columns: rejected rows travel apart ({@link RejectedRowsReader}). */
    static final java.util.Set<String> VERDICT_COLUMNS =
            java.util.Set.of("rule_id", "message_id", "message_en", "raw_record");

    private static final Schema SCHEMA = new Schema(LakeContracts.INGESTED_ROW.arrowSchema().getFields().stream()
            .filter(field -> !FILE_COLUMNS.contains(field.getName()))
            .filter(field -> !VERDICT_COLUMNS.contains(field.getName()))
            .toList());

    private final RecordReader records;
    private final RowJudge judge;
    private final int batchRows;
    private long rowsRead;

    RosterBatchReader(BufferAllocator allocator, RecordReader records, RowJudge judge, int batchRows) {
        super(allocator);
        this.records = requireNonNull(records, "records is null");
        this.judge = requireNonNull(judge, "judge is null");
        this.batchRows = batchRows;
    }

    long rowsRead() {
        return rowsRead;
    }

    @Override
    protected Schema readSchema() {
        return SCHEMA;
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        prepareLoadNextBatch();
        VectorSchemaRoot root = getVectorSchemaRoot();
        root.clear();
        root.allocateNew();
        RowJudge.Vectors vectors = new RowJudge.Vectors(root);
        int row = 0;
        RawRecord record;
        while (row < batchRows && (record = records.next()) != null) {
            rowsRead++;
            if (judge.judge(record, vectors, row)) {
                row++;
            }
        }
        root.setRowCount(row);
        return row > 0;
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    protected void closeReadSource() throws IOException {
        records.close();
    }
}
