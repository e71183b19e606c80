package id.satupintu.jobs.serve;

import id.satupintu.pipeline.lake.AuditLog;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.lake.RestrictedView;
import id.satupintu.pipeline.ujipublik.NameMask;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The recipients of one desa by name, for Dinas Sosial: the golden record of the restricted lake
 * joined with the month's enrollment. Names and NIKs are masked unless asked for: {@code names=full}
 * shows names to any dinsos user, {@code nik=full} shows NIKs only to a user allowed full NIKs ({@code
 * user add --full-nik}); anyone else asking for them is refused. Every request, answered or refused,
 * is appended to {@code metadata/audit.log} with the user, time, endpoint, parameters and row count,
 * never the rows.
 */
@RestController
@RequestMapping("/api/v1")
class NamedDataController {
    static final Set<String> AUDITED_PARAMETERS =
            Set.of("period", "program", "wilayah", "names", "nik", "format", "lang");

    private final DataDirectory data;
    private final WarehouseConnections warehouse;
    private final AccountDirectory accounts;

    NamedDataController(DataDirectory data, WarehouseConnections warehouse, AccountDirectory accounts) {
        this.data = data;
        this.warehouse = warehouse;
        this.accounts = accounts;
    }

    @GetMapping("/named")
    ResponseEntity<?> named(
            Authentication authentication,
            HttpServletRequest http,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) List<String> program,
            @RequestParam(required = false) String wilayah,
            @RequestParam(required = false, defaultValue = "masked") String names,
            @RequestParam(required = false, defaultValue = "masked") String nik,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String lang)
            throws SQLException {
        Account account = accounts.byName(authentication.getName())
                .orElseThrow(() ->
                        new ServeRequestException(HttpStatus.UNAUTHORIZED, "Pengguna tidak dikenal", "Unknown user"));
        int rows = 0;
        String outcome = "refused";
        try {
            boolean fullNames = choice("names", names);
            boolean fullNik = choice("nik", nik);
            if (fullNik && !account.fullNik()) {
                throw new ServeRequestException(
                        HttpStatus.FORBIDDEN,
                        "Pengguna " + account.name() + " tidak boleh melihat NIK lengkap",
                        "The user " + account.name() + " may not see full NIKs");
            }
            try (WarehouseConnections.Lease lease = warehouse.lease()) {
                FigureRequest request = FigureRequest.read(lease, period, program, wilayah, format, lang);
                if (!request.wilayah().isDesa()) {
                    throw ServeRequestException.badRequest(
                            "Data bernama hanya per desa/kelurahan: pilih satu desa (wilayah=PP.KK.CC.DDDD)",
                            "Named data is per desa/kelurahan only: choose one desa (wilayah=PP.KK.CC.DDDD)");
                }
                Figures figures;
                try (Connection restricted = RestrictedView.open(data, warehouse.file())) {
                    figures = Figures.query(
                            restricted,
                            "named_recipients",
                            request.period(),
                            request.programList(),
                            request.wilayah().kode());
                }
                mask(figures, fullNames, fullNik);
                rows = figures.size();
                ResponseEntity<?> response = FiguresResponse.of(
                        figures,
                        new FiguresResponse.About(
                                "named",
                                request,
                                "person_program",
                                null,
                                FiguresController.VERSION.format(lease.writtenAt())));
                outcome = "answered";
                return response;
            }
        } finally {
            audit(data, http, outcome, account.name(), account.role().label(), rows);
        }
    }

    /**
     * Appends one request for named data to the audit log: when, the outcome (answered, refused …),
     * the user and their role (null when unknown: not written), the endpoint and its parameters
     * ({@link #auditedParameters}), the rows given; never the rows themselves.
     */
    static void audit(
            DataDirectory data, HttpServletRequest http, String outcome, String user, String role, long rows) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        entry.put("action", "serve-named");
        entry.put("outcome", outcome);
        entry.put("user", user);
        if (role != null) {
            entry.put("role", role);
        }
        entry.put("endpoint", http.getRequestURI());
        entry.put("parameters", auditedParameters(http.getParameterMap()));
        entry.put("rows", rows);
        AuditLog.append(data.auditLog(), entry);
    }

    private static boolean choice(String parameter, String value) {
        return switch (value) {
            case "masked" -> false;
            case "full" -> true;
            default ->
                throw ServeRequestException.badRequest(
                        parameter + "=" + value + " tidak dikenal (masked, full)",
                        parameter + "=" + value + " is not known (masked, full)");
        };
    }

    /** Names as the uji publik lists show them; NIKs with their first 6 and last 4 digits only. */
    static void mask(Figures figures, boolean fullNames, boolean fullNik) {
        int name = figures.columnIndex("nama");
        int nik = figures.columnIndex("nik");
        for (int row = 0; row < figures.size(); row++) {
            if (!fullNames) {
                figures.replace(row, name, NameMask.mask((String) figures.value(row, name)));
            }
            if (!fullNik) {
                figures.replace(row, nik, maskNik((String) figures.value(row, nik)));
            }
        }
    }

    static String maskNik(String nik) {
        if (nik == null || nik.length() < 10) {
            return nik == null ? null : "*".repeat(nik.length());
        }
        return nik.substring(0, 6) + "*".repeat(nik.length() - 10) + nik.substring(nik.length() - 4);
    }

    /** The request's parameters the audit log keeps: the known ones, each value cut to 64 characters. */
    static Map<String, String> auditedParameters(Map<String, String[]> parameters) {
        Map<String, String> kept = new TreeMap<>();
        parameters.forEach((key, values) -> {
            if (AUDITED_PARAMETERS.contains(key)) {
                String value = String.join(",", values);
                kept.put(key, value.length() > 64 ? value.substring(0, 64) : value);
            }
        });
        return kept;
    }
}
