package id.satupintu.jobs.serve;

import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/** Failures as the client reads them: a status and {@code {"error": "one sentence"}} in the language asked for. */
@RestControllerAdvice
class ServeErrors {
    private static final Logger log = LoggerFactory.getLogger(ServeErrors.class);

    @ExceptionHandler(ServeRequestException.class)
    ResponseEntity<Map<String, String>> refused(ServeRequestException e, WebRequest request) {
        return body(e.status(), e.message(locale(request)));
    }

    @ExceptionHandler(WarehouseConnections.NotPublished.class)
    ResponseEntity<Map<String, String>> notPublished(WarehouseConnections.NotPublished e, WebRequest request) {
        return body(
                HttpStatus.SERVICE_UNAVAILABLE,
                english(request)
                        ? "No warehouse has been published yet; run refresh first"
                        : "Belum ada gudang data yang diterbitkan; jalankan refresh dahulu");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> failed(Exception e, WebRequest request) {
        // the message of a failed query names the query and DuckDB's reason, never a row's values
        log.error("Request {} failed: {}", request.getDescription(false), e.getMessage());
        return body(
                HttpStatus.INTERNAL_SERVER_ERROR,
                english(request)
                        ? "The server could not answer: " + e.getMessage()
                        : "Server tidak dapat menjawab: " + e.getMessage());
    }

    private static ResponseEntity<Map<String, String>> body(HttpStatus status, String message) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", message));
    }

    private static boolean english(WebRequest request) {
        return "en".equalsIgnoreCase(request.getParameter("lang"));
    }

    private static Locale locale(WebRequest request) {
        return english(request) ? Locale.ENGLISH : Locale.forLanguageTag("id");
    }
}
