package id.satupintu.jobs;

import id.satupintu.pipeline.lake.AuditLog;
import id.satupintu.pipeline.lake.DataDirectory;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Records an export (report, opendata, uji-publik, review export, match) in the audit log of the
 * data directory: when, by which operating-system user, the command, the month, every file written
 * with its SHA-256, and the counts the command printed. Written after the files are complete, so a
 * line names only files that exist; never a resident's name or NIK (file paths and counts only).
 */
public final class ExportAudit {
    private ExportAudit() {}

    public static void record(
            DataDirectory data, String command, YearMonth period, List<Path> files, Map<String, ?> counts) {
        Map<String, Object> entry = AuditLog.entry("export");
        entry.put("command", command);
        entry.put("period", period.toString());
        entry.put("files", files.stream().map(AuditLog::file).toList());
        entry.put("counts", counts);
        AuditLog.append(data.auditLog(), entry);
    }
}
