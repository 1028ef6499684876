package dev.khabar.http;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.khabar.article.FieldError;
import dev.khabar.article.InvalidArticleException;
import dev.khabar.article.SlugTakenException;
import dev.khabar.article.validation.Violations;
import dev.khabar.search.SearchTimeoutException;
import io.vertx.core.http.HttpServerRequest;

/**
 * The one place where exceptions become HTTP errors: every error leaves as {@code application/problem+json}, so a new
 * endpoint gets correct errors without writing any.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        Response.ResponseBuilder response = Problems.response(
                Problems.problem(e.status(), e.type(), e.title(), e.getMessage(), request.path(), e.errors()));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response invalidArticle(InvalidArticleException e, HttpServerRequest request) {
        boolean layout = e.errors().size() == 1 && e.errors().get(0).pointer().isEmpty();
        List<Problem.Error> errors = e.errors().stream().map(ProblemMappers::toError).toList();
        String detail = layout ? e.errors().get(0).detail()
                : e.errors().stream().map(f -> f.pointer() + ": " + f.detail()).collect(Collectors.joining("; "));
        if (layout && e.errors().get(0).line() != null) {
            detail = "Line " + e.errors().get(0).line() + ": " + detail;
        }
        return Problems.response(Problems.problem(400, layout ? ProblemTypes.LAYOUT : ProblemTypes.VALIDATION,
                layout ? "The text does not follow the article layout" : "The article is not valid", detail,
                request.path(), errors)).build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpServerRequest request) {
        return invalidArticle(new InvalidArticleException(Violations.toFieldErrors(e.getConstraintViolations())), request);
    }

    @ServerExceptionMapper
    public Response slugTaken(SlugTakenException e, HttpServerRequest request) {
        Problem problem = Problems.problem(409, ProblemTypes.SLUG_TAKEN, "Slug already in use", e.getMessage(),
                request.path(), List.of(new Problem.Error("/slug", null, null, "already used in language " + e.language())));
        return Problems.response(new Problem(problem.type(), problem.title(), 409, problem.detail(), problem.instance(),
                problem.errors(), e.slug(), null)).build();
    }

    @ServerExceptionMapper
    public Response searchTimeout(SearchTimeoutException e, HttpServerRequest request) {
        return Problems.response(Problems.problem(503, ProblemTypes.SEARCH_TIMEOUT, "Search took too long",
                e.getMessage(), request.path(), null)).header(HttpHeaders.RETRY_AFTER, "1").build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        // A limit hit while a chunked body streams in (BodyLimit) reaches here wrapped by Jackson's deserializers.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem, request);
            }
        }
        String pointer = null;
        String detail;
        if (e instanceof UnrecognizedPropertyException unknown) {
            pointer = pointer(unknown);
            detail = "unknown field '" + unknown.getPropertyName() + "'";
        } else if (e instanceof InvalidFormatException invalid) {
            pointer = pointer(invalid);
            detail = "cannot read " + describe(invalid.getValue()) + " as " + simpleType(invalid.getTargetType());
        } else if (e instanceof StreamConstraintsException limit) {
            detail = "the body is over a limit: " + limit.getOriginalMessage();
        } else if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            pointer = pointer(mismatch);
            detail = "expected " + simpleType(mismatch.getTargetType()) + " here";
        } else {
            JsonLocation at = e.getLocation();
            detail = "the body is not well-formed JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + "): " + e.getOriginalMessage());
        }
        List<Problem.Error> errors = pointer == null ? List.of() : List.of(new Problem.Error(pointer, null, null, detail));
        return Problems.response(Problems.problem(400, ProblemTypes.MALFORMED_BODY, "The request body cannot be read",
                pointer == null ? detail : pointer + ": " + detail, request.path(), errors)).build();
    }

    /** Declared apart because the JSON extension maps this subtype itself, with an empty body. */
    @ServerExceptionMapper
    public Response mismatch(MismatchedInputException e, HttpServerRequest request) {
        return json(e, request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, request);
        }
        int status = e.getResponse().getStatus();
        String detail = switch (status) {
            case 404 -> "No resource at " + request.path() + ".";
            case 405 -> request.method() + " is not allowed on " + request.path() + ".";
            case 406 -> "None of the media types in Accept (" + request.getHeader(HttpHeaders.ACCEPT)
                    + ") can be produced here.";
            case 415 -> "Content-Type " + request.getHeader(HttpHeaders.CONTENT_TYPE) + " is not accepted here.";
            default -> e.getMessage();
        };
        Response.ResponseBuilder response = Problems.response(Problems.problem(status,
                status == 404 ? ProblemTypes.NOT_FOUND : ProblemTypes.BLANK, Problems.reason(status), detail,
                request.path(), null));
        if (e instanceof NotAllowedException) {
            response.header(HttpHeaders.ALLOW, AllowedMethods.forPath(request.path()));
        }
        return response.build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        LOG.errorf(e, "Unexpected error on %s %s", request.method(), request.path());
        return Problems.response(Problems.problem(500, ProblemTypes.INTERNAL, "Internal Server Error",
                "The request could not be completed; the error has been logged.", request.path(), null)).build();
    }

    private static Problem.Error toError(FieldError error) {
        return new Problem.Error(error.pointer().isEmpty() ? null : error.pointer(), null, error.line(), error.detail());
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                pointer.append('/').append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else if (ref.getIndex() >= 0) {
                pointer.append('/').append(ref.getIndex());
            }
        }
        return pointer.toString();
    }

    private static String describe(Object value) {
        return value instanceof String s ? "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'" : String.valueOf(value);
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "a value";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .map(String::toLowerCase).collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "String" -> "a string";
            case "Integer", "int" -> "an integer";
            case "Instant" -> "an RFC 3339 date-time";
            case "List" -> "an array";
            default -> "an object";
        };
    }
}
