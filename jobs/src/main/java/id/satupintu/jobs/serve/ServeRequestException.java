package id.satupintu.jobs.serve;

import id.satupintu.jobs.OperatorMessage;
import org.springframework.http.HttpStatus;

/** A request the server cannot answer, with its status and one sentence in both languages. */
final class ServeRequestException extends RuntimeException implements OperatorMessage {
    private final HttpStatus status;
    private final String messageIndonesian;

    ServeRequestException(HttpStatus status, String messageIndonesian, String messageEnglish) {
        super(messageEnglish);
        this.status = status;
        this.messageIndonesian = messageIndonesian;
    }

    static ServeRequestException badRequest(String messageIndonesian, String messageEnglish) {
        return new ServeRequestException(HttpStatus.BAD_REQUEST, messageIndonesian, messageEnglish);
    }

    HttpStatus status() {
        return status;
    }

    @Override
    public String messageIndonesian() {
        return messageIndonesian;
    }

    @Override
    public String messageEnglish() {
        return getMessage();
    }
}
