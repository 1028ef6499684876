package dev.khabar.http;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Builds problem responses. The body is serialised here, to bytes, so that an error is written the same way whatever
 * the request asked for in {@code Accept} (a 406 must still carry its problem document).
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    /** A private mapper: problems must serialise even when the application mapper is what failed. */
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    public static byte[] bytes(Problem problem) {
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document always serialises", e);
        }
    }

    public static Problem problem(int status, String type, String title, String detail, String instance,
            List<Problem.Error> errors) {
        return new Problem(type, title, status, detail, instance, errors == null || errors.isEmpty() ? null : errors, null,
                null);
    }

    public static Response.ResponseBuilder response(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(bytes(problem));
    }

    /** The standard reason phrase for a status, used as the title of {@code about:blank} problems. */
    public static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }
}
