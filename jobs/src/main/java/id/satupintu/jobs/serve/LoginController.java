package id.satupintu.jobs.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ResourceBundle;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** The log-in page: {@code login.html} of the web folder with its labels and the form's CSRF token filled in. */
@RestController
class LoginController {
    private final String template = read();

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> login(
            CsrfToken csrf,
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout) {
        boolean english = "en".equalsIgnoreCase(lang);
        ResourceBundle labels = FiguresResponse.labels(english ? Locale.ENGLISH : Locale.ROOT);
        String notice = error != null
                ? "<p class=\"notice error\" id=\"login-error\">" + escape(labels.getString("login.failed")) + "</p>"
                : logout != null
                        ? "<p class=\"notice\" id=\"logged-out\">" + escape(labels.getString("login.loggedOut"))
                                + "</p>"
                        : "";
        String page = template.replace("{{lang}}", english ? "en" : "id")
                .replace("{{title}}", escape(labels.getString("app.title")))
                .replace("{{heading}}", escape(labels.getString("login.heading")))
                .replace("{{username}}", escape(labels.getString("login.username")))
                .replace("{{password}}", escape(labels.getString("login.password")))
                .replace("{{submit}}", escape(labels.getString("login.submit")))
                .replace("{{other-language}}", english ? "Bahasa Indonesia" : "English")
                .replace("{{other-lang}}", english ? "id" : "en")
                .replace("{{action}}", english ? "/login?lang=en" : "/login")
                .replace("{{notice}}", notice)
                .replace("{{csrf-parameter}}", escape(csrf.getParameterName()))
                .replace("{{csrf-token}}", escape(csrf.getToken()));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(page);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }

    private static String read() {
        try (InputStream in = LoginController.class.getResourceAsStream("login.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
