package dev.khabar.http;

import java.util.List;
import java.util.Map;

/** An error that the HTTP layer raises with its problem document already decided. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.Error> errors;
    private final Map<String, String> headers;

    public ProblemException(int status, String type, String title, String detail, List<Problem.Error> errors,
            Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors;
        this.headers = headers;
    }

    /** 400: a query or path parameter that cannot be parsed or is out of range. */
    public static ProblemException badParameter(String parameter, String detail) {
        return new ProblemException(400, ProblemTypes.INVALID_PARAMETER, "Invalid request parameter",
                "Parameter '" + parameter + "' " + detail,
                List.of(new Problem.Error(null, parameter, null, detail)), Map.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, ProblemTypes.NOT_FOUND, "Not Found", detail, null, Map.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Problem.Error> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
