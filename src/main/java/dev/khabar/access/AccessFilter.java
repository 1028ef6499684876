package dev.khabar.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import dev.khabar.article.Audience;
import dev.khabar.config.ContentConfig;
import dev.khabar.http.ProblemException;
import dev.khabar.http.ProblemTypes;

/**
 * Bearer-token access for the API: anonymous callers read published content only; writes need the admin token
 * ({@code content.admin-token}). A token that is presented but wrong is refused, never silently downgraded.
 */
@Provider
public class AccessFilter implements ContainerRequestFilter {

    private static final String CHALLENGE = "Bearer realm=\"khabar\"";
    /** How revisions name writes made with the bootstrap token. */
    static final String ADMIN_ACTOR = "admin-token";

    /** Looked up per request: providers are created before runtime configuration exists. */
    @Inject
    Instance<ContentConfig> config;
    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        boolean write = !List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS).contains(request.getMethod());
        Optional<String> expected = config.get().adminToken().filter(t -> !t.isBlank());
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            if (write) {
                throw unauthorized(expected.isEmpty()
                        ? "Writes need a bearer token, and this deployment has none configured: set CONTENT_ADMIN_TOKEN "
                                + "(content.admin-token) and send it as 'Authorization: Bearer <token>'."
                        : "Writes need 'Authorization: Bearer <token>'.", CHALLENGE);
            }
            return;
        }
        String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        if (token == null || expected.isEmpty() || !constantTimeEquals(token, expected.get())) {
            throw unauthorized("The bearer token is missing, malformed or not valid.",
                    CHALLENGE + ", error=\"invalid_token\"");
        }
        caller.authenticate(Audience.EDITORIAL, ADMIN_ACTOR);
    }

    private static boolean constantTimeEquals(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    static ProblemException unauthorized(String detail, String challenge) {
        return new ProblemException(401, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail, List.of(),
                Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge));
    }
}
