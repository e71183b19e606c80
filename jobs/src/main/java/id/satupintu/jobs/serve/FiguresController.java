package id.satupintu.jobs.serve;

import id.satupintu.jobs.serve.ServeApplication.SmallCellThreshold;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The aggregate figures of the published warehouse, each from one query of {@code sql/}, and the
 * reference lists the dashboard needs. Every endpoint reads the version published at the time of the
 * request; no endpoint takes SQL.
 */
@RestController
@RequestMapping("/api/v1")
class FiguresController {
    static final DateTimeFormatter VERSION =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final WarehouseConnections warehouse;
    private final AccountDirectory accounts;
    private final int threshold;

    FiguresController(WarehouseConnections warehouse, AccountDirectory accounts, SmallCellThreshold threshold) {
        this.warehouse = warehouse;
        this.accounts = accounts;
        this.threshold = threshold.value();
    }

    /** What the signed-in user may ask for: the kabupaten, months, programs, their role and the version. */
    @GetMapping("/meta")
    Map<String, Object> meta(Authentication authentication, CsrfToken csrf) throws SQLException {
        Account account = account(authentication);
        try (WarehouseConnections.Lease lease = warehouse.lease()) {
            Connection connection = lease.connection();
            FigureRequest.Wilayah kabupaten = FigureRequest.kabupaten(lease);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kabupaten", Map.of("kode_wilayah", kabupaten.kode(), "nama", kabupaten.nama()));
            Figures periods = Figures.query(connection, "periods");
            List<String> months = new ArrayList<>();
            for (int row = 0; row < periods.size(); row++) {
                months.add((String) periods.value(row, 0));
            }
            body.put("periods", months);
            body.put("programs", Figures.query(connection, "programs").jsonRows());
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("name", account.name());
            user.put("role", account.role().label());
            user.put("full_nik", account.fullNik());
            body.put("user", user);
            body.put("figures", figuresOf(account.role()));
            body.put("threshold", account.role().aggregatesOnly() ? threshold : null);
            body.put("warehouse", VERSION.format(lease.writtenAt()));
            body.put("csrf", csrf == null ? null : Map.of("header", csrf.getHeaderName(), "token", csrf.getToken()));
            return body;
        }
    }

    /** The figures a role may ask for, in the dashboard's order. */
    static List<String> figuresOf(Role role) {
        return switch (role) {
            case PLANNER -> List.of("recipients", "trend", "overlap", "changes", "targeting", "coverage");
            case DINSOS -> List.of("recipients", "trend", "overlap", "changes", "targeting", "coverage", "named");
            case BUDGET -> List.of("spending");
            case ADMIN -> List.of("runs");
        };
    }

    /** The kecamatans of the kabupaten, or the desa/kelurahan of one of its kecamatans. */
    @GetMapping("/wilayah")
    Map<String, Object> wilayah(@RequestParam(required = false) String parent) throws SQLException {
        try (WarehouseConnections.Lease lease = warehouse.lease()) {
            Connection connection = lease.connection();
            FigureRequest.Wilayah kabupaten = FigureRequest.kabupaten(lease);
            FigureRequest.Wilayah chosen = FigureRequest.wilayah(lease, kabupaten, parent);
            if (chosen.isDesa()) {
                throw ServeRequestException.badRequest(
                        "Desa " + chosen.kode() + " tidak punya wilayah di bawahnya",
                        "Desa " + chosen.kode() + " has no wilayah under it");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("parent", Map.of("kode_wilayah", chosen.kode(), "nama", chosen.nama(), "level", chosen.level()));
            body.put(
                    "children",
                    Figures.query(connection, "wilayah_children", chosen.kode()).jsonRows());
            return body;
        }
    }

    /** The dashboard's labels in one language. */
    @GetMapping("/labels")
    Map<String, String> labels(@RequestParam(required = false) String lang) {
        ResourceBundle bundle =
                FiguresResponse.labels("en".equalsIgnoreCase(lang) ? java.util.Locale.ENGLISH : java.util.Locale.ROOT);
        Map<String, String> labels = new LinkedHashMap<>();
        for (String key : Collections.list(bundle.getKeys())) {
            labels.put(key, bundle.getString(key));
        }
        return labels;
    }

    /**
     * Recipients and households: per kecamatan for the kabupaten, per desa (women, age bands) for a
     * kecamatan, per sex and age band for a desa.
     */
    @GetMapping("/recipients")
    ResponseEntity<?> recipients(Authentication authentication, FigureParameters parameters) throws SQLException {
        return figures(authentication, "recipients", parameters, (connection, request) -> {
            if (request.wilayah().isKabupaten()) {
                return new Answer(
                        "kecamatan",
                        Figures.query(connection, "recipients_kecamatan", request.period(), request.programList()));
            }
            if (request.wilayah().isKecamatan()) {
                return new Answer(
                        "desa",
                        Figures.query(
                                connection,
                                "recipients_desa",
                                request.period(),
                                request.programList(),
                                request.wilayah().kode()));
            }
            return new Answer(
                    "desa_sex_age",
                    Figures.query(
                            connection,
                            "recipients_desa_detail",
                            request.period(),
                            request.programList(),
                            request.wilayah().kode()));
        });
    }

    /** Recipients and households month by month (every month of the warehouse) in the wilayah. */
    @GetMapping("/trend")
    ResponseEntity<?> trend(Authentication authentication, FigureParameters parameters) throws SQLException {
        return figures(authentication, "trend", parameters.withoutPeriod(), (connection, request) -> {
            if (request.wilayah().isDesa()) {
                return new Answer(
                        "month",
                        Figures.query(
                                connection,
                                "trend_desa",
                                request.programList(),
                                request.wilayah().kode()));
            }
            return new Answer(
                    "month",
                    Figures.query(connection, "trend_kecamatan", request.programList(), request.kecamatanOrAll()));
        });
    }

    /** Spending per kecamatan, program and funding source: paid and entitled rupiah. */
    @GetMapping("/spending")
    ResponseEntity<?> spending(Authentication authentication, FigureParameters parameters) throws SQLException {
        return kecamatanFigures(authentication, "spending", parameters);
    }

    /** Persons on both programs of each pair, over the kabupaten or a kecamatan. */
    @GetMapping("/overlap")
    ResponseEntity<?> overlap(Authentication authentication, FigureParameters parameters) throws SQLException {
        return figures(
                authentication,
                "overlap",
                parameters,
                (connection, request) -> new Answer(
                        "program_pair",
                        Figures.query(
                                connection,
                                "overlap",
                                request.period(),
                                request.programList(),
                                request.kecamatanOrAll())));
    }

    /** Month-over-month changes per kecamatan and program: added, exited, moved in and out. */
    @GetMapping("/changes")
    ResponseEntity<?> changes(Authentication authentication, FigureParameters parameters) throws SQLException {
        return kecamatanFigures(authentication, "changes", parameters);
    }

    /** Targeting indicators per kecamatan and program: deceased, moved, well-off, excluded, exclusive programs. */
    @GetMapping("/targeting")
    ResponseEntity<?> targeting(Authentication authentication, FigureParameters parameters) throws SQLException {
        return kecamatanFigures(authentication, "targeting", parameters);
    }

    /** Recipients per DTSEN desil beside DTSEN's families and persons of that desil. */
    @GetMapping("/coverage")
    ResponseEntity<?> coverage(Authentication authentication, FigureParameters parameters) throws SQLException {
        return figures(
                authentication,
                "coverage",
                parameters,
                (connection, request) -> new Answer(
                        "program_desil",
                        Figures.query(
                                connection,
                                "coverage",
                                request.period(),
                                request.programList(),
                                request.kecamatanOrAll())));
    }

    /** A figure kept per kecamatan: every kecamatan of the kabupaten, or the kecamatan (of a desa) asked for. */
    private ResponseEntity<?> kecamatanFigures(Authentication authentication, String name, FigureParameters parameters)
            throws SQLException {
        return figures(
                authentication,
                name,
                parameters,
                (connection, request) -> new Answer(
                        "kecamatan",
                        Figures.query(
                                connection, name, request.period(), request.programList(), request.kecamatanOrAll())));
    }

    /**
     * The query parameters every figure takes, all optional, bound from the request by name: {@code
     * period} (YYYY-MM, default the latest month), {@code program} (repeated, default all), {@code
     * wilayah} (kode of the kabupaten, a kecamatan or a desa; default the kabupaten), {@code format}
     * (json, csv, xlsx) and {@code lang} (id, en). openapi.yaml documents them.
     */
    record FigureParameters(String period, List<String> program, String wilayah, String format, String lang) {
        /** The same parameters for a figure over every month (trend): any month asked for is ignored. */
        FigureParameters withoutPeriod() {
            return new FigureParameters(null, program, wilayah, format, lang);
        }
    }

    /** A table and the grain of its rows. */
    record Answer(String grain, Figures figures) {}

    @FunctionalInterface
    interface Query {
        Answer run(Connection connection, FigureRequest request) throws SQLException;
    }

    private ResponseEntity<?> figures(
            Authentication authentication, String name, FigureParameters parameters, Query query) throws SQLException {
        Account account = account(authentication);
        try (WarehouseConnections.Lease lease = warehouse.lease()) {
            Connection connection = lease.connection();
            FigureRequest request = FigureRequest.read(
                    lease,
                    parameters.period(),
                    parameters.program(),
                    parameters.wilayah(),
                    parameters.format(),
                    parameters.lang());
            Answer answer = query.run(connection, request);
            Integer shownThreshold = null;
            if (account.role().aggregatesOnly()) {
                CellSuppression.apply(answer.figures(), threshold);
                shownThreshold = threshold;
            }
            return FiguresResponse.of(
                    answer.figures(),
                    new FiguresResponse.About(
                            name, request, answer.grain(), shownThreshold, VERSION.format(lease.writtenAt())));
        }
    }

    /** The account of the request as the accounts file holds it now. */
    Account account(Authentication authentication) {
        return accounts.byName(authentication.getName())
                .orElseThrow(() -> new ServeRequestException(
                        org.springframework.http.HttpStatus.UNAUTHORIZED, "Pengguna tidak dikenal", "Unknown user"));
    }
}
