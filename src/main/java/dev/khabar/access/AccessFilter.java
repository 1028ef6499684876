package dev.khabar.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.khabar.config.ContentConfig;
import dev.khabar.http.DatabaseProblems;
import dev.khabar.http.ProblemException;
import dev.khabar.http.ProblemTypes;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

/**
 * Who may do what, for every request under {@code /api/}: identifies the caller from its bearer key (or the bootstrap
 * admin token), counts the request against its rate limit, and checks the role the endpoint needs ({@link Requires};
 * by default, reads are open and writes need an editor). A key that is presented but wrong, revoked or expired is
 * refused, never silently downgraded to anonymous. Writes are recorded in the audit log, whatever their outcome.
 */
public class AccessFilter {

    static final String CHALLENGE = "Bearer realm=\"khabar\"";
    /** How revisions and the audit log name the bootstrap token. */
    static final String ADMIN_ACTOR = "admin-token";
    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String DECISION = AccessFilter.class.getName() + ".decision";
    private static final Logger LOG = Logger.getLogger(AccessFilter.class);

    /** Looked up per request: filters are created before runtime configuration exists. */
    @Inject
    Instance<ContentConfig> config;
    @Inject
    Caller caller;
    @Inject
    ApiKeyService keys;
    @Inject
    RateLimiter limiter;
    @Inject
    AuditLog audit;
    @Inject
    Vertx vertx;

    @ServerRequestFilter
    public void authorise(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        ContentConfig settings = config.get();
        caller.from(http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            identify(header, settings);
        }
        limit(request, settings);
        boolean write = !READS.contains(request.getMethod());
        Role needed = Optional.ofNullable(resource.getResourceMethod())
                .map(m -> Optional.ofNullable(m.getAnnotation(Requires.class))
                        .or(() -> Optional.ofNullable(resource.getResourceClass().getAnnotation(Requires.class))))
                .flatMap(r -> r).map(Requires::value).orElse(write ? Role.EDITOR : null);
        if (needed == null) {
            return;
        }
        Role role = caller.role().orElseThrow(() -> unauthorized(write && settings.adminToken().filter(t -> !t.isBlank())
                .isEmpty() && !keys.anyValidAdmin()
                        ? "This deployment has no admin token and no admin key: set CONTENT_ADMIN_TOKEN (content.admin-token) "
                                + "and send it as 'Authorization: Bearer <token>', then create keys at /api/v1/keys."
                        : "This needs a key with the role " + needed.wire() + " or above: 'Authorization: Bearer <key>'.",
                CHALLENGE));
        if (!role.includes(needed)) {
            throw new ProblemException(403, ProblemTypes.FORBIDDEN, "Forbidden", "This needs the role " + needed.wire()
                    + " or above; the key presented is " + role.wire() + ".", List.of(), Map.of());
        }
    }

    @ServerResponseFilter
    public void report(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimiter.Decision decision && decision.limit() > 0) {
            response.getHeaders().putSingle("RateLimit-Policy", decision.policyHeader());
            response.getHeaders().putSingle("RateLimit", decision.limitHeader());
        }
        if (request.getUriInfo().getPath().startsWith("/api/") && !READS.contains(request.getMethod())) {
            AuditLog.Request entry = new AuditLog.Request(caller, request.getMethod(), request.getUriInfo().getPath(),
                    response.getStatus());
            if (DatabaseProblems.answeredUnavailable(request)) {
                // Refused because the database cannot be reached: trying it again would only double the wait.
                LOG.warnf("Audit entry not stored, the database cannot be reached: %s", entry);
            } else if (Context.isOnEventLoopThread()) {
                // Refused before reaching an endpoint (405, 413, 415...): the event loop may not block on the database.
                vertx.executeBlocking(() -> {
                    record(entry);
                    return null;
                }, false);
            } else {
                record(entry);
            }
        }
    }

    /**
     * The answer is decided by now, and a write may have committed: an entry that cannot be stored (the database went
     * away) is logged instead, rather than turning the answer into a 500.
     */
    private void record(AuditLog.Request entry) {
        try {
            audit.record(entry);
        } catch (RuntimeException e) {
            if (DatabaseProblems.isDatabaseUnreachable(e)) {
                LOG.warnf("Audit entry not stored, the database cannot be reached: %s", entry);
            } else {
                LOG.errorf(e, "Audit entry not stored: %s", entry);
            }
        }
    }

    private void identify(String header, ContentConfig settings) {
        String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        Optional<String> bootstrap = settings.adminToken().filter(t -> !t.isBlank());
        if (!token.isEmpty() && bootstrap.isPresent() && constantTimeEquals(token, bootstrap.get())) {
            caller.authenticate(Role.ADMIN, ADMIN_ACTOR, Optional.empty());
            return;
        }
        Optional<ApiKey> key = token.isEmpty() ? Optional.empty() : keys.identify(token);
        if (key.isPresent() && key.get().validAt(Instant.now())) {
            caller.authenticate(key.get().role(), key.get().name(), Optional.of(key.get().id()));
            return;
        }
        // Guessing keys costs the guesser's address its quota.
        take("anonymous", caller.client(), settings.rateLimitAnonymous(), settings);
        String why = key.map(k -> k.revokedAt().isPresent() ? "The key has been revoked." : "The key has expired.")
                .orElse("The bearer token is missing, malformed or not valid.");
        throw unauthorized(why, CHALLENGE + ", error=\"invalid_token\"");
    }

    private void limit(ContainerRequestContext request, ContentConfig settings) {
        RateLimiter.Decision decision = caller.role().isPresent()
                ? take("key", caller.keyId().map(Object::toString).orElse(ADMIN_ACTOR), settings.rateLimitKey(), settings)
                : take("anonymous", caller.client(), settings.rateLimitAnonymous(), settings);
        request.setProperty(DECISION, decision);
    }

    private RateLimiter.Decision take(String policy, String client, int limit, ContentConfig settings) {
        RateLimiter.Decision decision = limiter.take(policy, client, limit, settings.rateLimitWindow(),
                System.currentTimeMillis());
        if (!decision.allowed()) {
            throw new ProblemException(429, ProblemTypes.RATE_LIMITED, "Too Many Requests", "The " + policy
                    + " limit is " + decision.limit() + " requests per " + decision.windowSeconds() + " s; retry in "
                    + decision.resetSeconds() + " s.", List.of(), Map.of(HttpHeaders.RETRY_AFTER,
                            Long.toString(decision.resetSeconds()), "RateLimit-Policy", decision.policyHeader(),
                            "RateLimit", decision.limitHeader()));
        }
        return decision;
    }

    private static boolean constantTimeEquals(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    static ProblemException unauthorized(String detail, String challenge) {
        return new ProblemException(401, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail, List.of(),
                Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge));
    }
}
