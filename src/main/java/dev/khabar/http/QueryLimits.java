package dev.khabar.http;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Limits on query strings for every API request, before any endpoint parses them: each value at most
 * {@value #MAX_VALUE} characters, at most {@value #MAX_PARAMETERS} values in all. Endpoints keep their own, tighter
 * limits (a page size, a number of filter values); this one guards what no endpoint reads.
 */
public class QueryLimits {

    static final int MAX_VALUE = 2000;
    static final int MAX_PARAMETERS = 100;

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        Map<String, List<String>> parameters;
        try {
            parameters = request.getUriInfo().getQueryParameters();
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, ProblemTypes.INVALID_PARAMETER, "Invalid request parameter",
                    "The query string is not valid percent-encoded UTF-8.", List.of(), Map.of());
        }
        // PostgreSQL text cannot hold NUL: a value with one would fail the query it is bound to.
        if (request.getUriInfo().getPath().indexOf('\u0000') >= 0) {
            throw ProblemException.notFound("No resource has a NUL character (%00) in its path.");
        }
        int count = 0;
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            count += parameter.getValue().size();
            for (String value : parameter.getValue()) {
                if (value.indexOf('\u0000') >= 0) {
                    throw ProblemException.badParameter(abbreviated(parameter.getKey()), "holds a NUL character (%00).");
                }
                if (value.length() > MAX_VALUE) {
                    throw ProblemException.badParameter(abbreviated(parameter.getKey()),
                            "is longer than " + MAX_VALUE + " characters.");
                }
            }
        }
        if (count > MAX_PARAMETERS) {
            throw ProblemException.badParameter(abbreviated(parameters.keySet().iterator().next()),
                    "and the others make more than " + MAX_PARAMETERS + " query parameters.");
        }
    }

    private static String abbreviated(String name) {
        return name.length() > 40 ? name.substring(0, 40) + "…" : name;
    }
}
