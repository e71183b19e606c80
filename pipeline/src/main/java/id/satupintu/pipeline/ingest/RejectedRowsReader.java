package id.satupintu.pipeline.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import id.satupintu.schemas.contract.LakeContracts;
import java.io.IOException;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/** The rejected rows the judge kept aside, as Arrow batches for DuckDB to write. */
final class RejectedRowsReader extends ArrowReader {
    private static final int BATCH_ROWS = 32_768;
    /** The rejected-row contract less the columns SQL adds ({@link RosterBatchReader#FILE_COLUMNS}). */
    private static final Schema SCHEMA = new Schema(LakeContracts.REJECTED_ROW.arrowSchema().getFields().stream()
            .filter(field -> !RosterBatchReader.FILE_COLUMNS.contains(field.getName()))
            .toList());

    private final List<RowJudge.RejectedRow> rows;
    private int next;

    RejectedRowsReader(BufferAllocator allocator, List<RowJudge.RejectedRow> rows) {
        super(allocator);
        this.rows = requireNonNull(rows, "rows is null");
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
        BigIntVector sourceRow = (BigIntVector) root.getVector("source_row");
        VarCharVector ruleId = (VarCharVector) root.getVector("rule_id");
        VarCharVector messageId = (VarCharVector) root.getVector("message_id");
        VarCharVector messageEn = (VarCharVector) root.getVector("message_en");
        VarCharVector rawRecord = (VarCharVector) root.getVector("raw_record");
        VarCharVector nama = (VarCharVector) root.getVector("nama_normalized");
        VarCharVector sex = (VarCharVector) root.getVector("sex");
        DateDayVector birthDate = (DateDayVector) root.getVector("birth_date");
        VarCharVector kodeDesa = (VarCharVector) root.getVector("kode_desa");
        VarCharVector noKk = (VarCharVector) root.getVector("no_kk");
        VarCharVector rt = (VarCharVector) root.getVector("rt");
        VarCharVector rw = (VarCharVector) root.getVector("rw");
        VarCharVector alamat = (VarCharVector) root.getVector("alamat");
        VarCharVector sourceRecordId = (VarCharVector) root.getVector("source_record_id");
        int row = 0;
        while (row < BATCH_ROWS && next < rows.size()) {
            RowJudge.RejectedRow rejected = rows.get(next++);
            sourceRow.setSafe(row, rejected.sourceRow());
            ruleId.setSafe(row, rejected.rule().id().getBytes(UTF_8));
            messageId.setSafe(row, rejected.rule().messageIndonesian().getBytes(UTF_8));
            messageEn.setSafe(row, rejected.rule().messageEnglish().getBytes(UTF_8));
            rawRecord.setSafe(row, rejected.rawRecord().getBytes(UTF_8));
            RowJudge.Identity identity = rejected.identity();
            if (identity != null) {
                set(nama, row, identity.namaNormalized());
                set(sex, row, identity.sex());
                if (identity.birthDate() != null) {
                    birthDate.setSafe(row, (int) identity.birthDate().toEpochDay());
                }
                set(kodeDesa, row, identity.kodeDesa());
                set(noKk, row, identity.noKk());
                set(rt, row, identity.rt());
                set(rw, row, identity.rw());
                set(alamat, row, identity.alamat());
                set(sourceRecordId, row, identity.sourceRecordId());
            }
            row++;
        }
        root.setRowCount(row);
        return row > 0;
    }

    /** Leaves the cell null (allocateNew clears validity) when there is no value. */
    private static void set(VarCharVector vector, int row, String value) {
        if (value != null) {
            vector.setSafe(row, value.getBytes(UTF_8));
        }
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    protected void closeReadSource() {
        // the rows stay with the judge
    }
}
