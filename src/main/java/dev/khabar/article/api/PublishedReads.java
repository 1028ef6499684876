package dev.khabar.article.api;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import dev.khabar.access.RateLimiter;
import dev.khabar.cache.ReadCache;
import dev.khabar.config.ContentConfig;
import dev.khabar.http.Conditional;
import dev.khabar.text.Slugs;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The hot path: anonymous reads of published articles answered on the event loop from the {@link ReadCache}, with no
 * Hibernate, no database and no worker thread. Everything else, and every miss, goes on to {@link ArticleResource},
 * which renders the answer and offers it to the cache: the bytes, status and headers a client gets are the same
 * either way (ArticleCacheTest compares them).
 *
 * <p>Taken here: {@code GET} of an article by id or by slug (with {@code lang} or {@code Accept-Language}), without
 * {@code Authorization}, in a representation already rendered. The anonymous rate limit is counted here as
 * {@code AccessFilter} counts it; a request over the limit goes on, to be refused there.
 */
@ApplicationScoped
public class PublishedReads {

    /** Routing-context keys that tell {@link Representations} what a miss may offer to the cache. */
    static final String TICKET = "khabar.cache.ticket";
    static final String SLUG_LOOKUP = "khabar.cache.slug";
    static final String PAGE_KEY = "khabar.cache.page";

    private static final String BASE = "/api/v1/articles/";
    private static final String VARY = HttpHeaders.ACCEPT + ", " + HttpHeaders.AUTHORIZATION;

    @Inject
    ReadCache cache;
    @Inject
    RateLimiter limiter;
    @Inject
    ContentConfig config;
    @Inject
    Representations http;
    private String cacheControl;

    void install(@Observes Router router) {
        router.getWithRegex(BASE + "([0-9a-fA-F-]{36})").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(this::byId);
        router.get(BASE + "slug/:slug").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::bySlug);
        router.get("/api/v1/articles").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::page);
        cacheControl = http.cacheControl(false);
    }

    private void byId(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Optional<String> variant = variant(ctx);
        if (variant.isEmpty() || !ctx.queryParams().isEmpty() && !onlyFormat(ctx)) {
            ctx.next();
            return;
        }
        ctx.put(TICKET, cache.ticket());
        UUID id;
        try {
            id = UUID.fromString(ctx.pathParam("param0"));
        } catch (IllegalArgumentException e) {
            ctx.next();
            return;
        }
        Optional<ReadCache.ArticleEntry> entry = cache.article(id);
        if (entry.isEmpty() || !serve(ctx, entry.get(), variant.get(), VARY)) {
            ctx.next();
        }
    }

    private void bySlug(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Optional<String> variant = variant(ctx);
        String lang = ctx.queryParams().get("lang");
        int expected = (lang == null ? 0 : 1) + (ctx.queryParams().get("format") == null ? 0 : 1);
        if (variant.isEmpty() || ctx.queryParams().size() != expected) {
            ctx.next();
            return;
        }
        String acceptLanguage = lang == null ? request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) : null;
        String slug = Slugs.normaliseLookup(ctx.pathParam("slug"));
        String lookup = (lang == null ? "" : lang) + '|' + (acceptLanguage == null ? "" : acceptLanguage);
        long ticket = cache.ticket();
        ctx.put(TICKET, ticket);
        ctx.put(SLUG_LOOKUP, lookup);
        Optional<ReadCache.ArticleEntry> entry = cache.slug(slug, lookup).flatMap(cache::article)
                // The slug may have moved to another article since the lookup was kept: the database decides then.
                .filter(e -> e.slug().equals(slug));
        String vary = lang == null ? VARY + ", " + HttpHeaders.ACCEPT_LANGUAGE : VARY;
        if (entry.isEmpty() || !serve(ctx, entry.get(), variant.get(), vary)) {
            ctx.next();
        }
    }

    private void page(RoutingContext ctx) {
        Optional<String> variant = variant(ctx);
        String status = ctx.queryParams().get("status");
        if (variant.isEmpty() || status != null && !status.strip().equals("published")) {
            ctx.next();
            return;
        }
        // The Link header names the host the client used: pages are kept per host.
        String key = ctx.request().host() + ' ' + variant.get() + ' ' + ctx.request().query();
        ctx.put(TICKET, cache.ticket());
        ctx.put(PAGE_KEY, key);
        Optional<ReadCache.PageEntry> page = cache.page(key, Instant.now());
        if (page.isEmpty() || !serve(ctx, page.get().body(), page.get().modifiedAt(), page.get().lastModified(), VARY,
                response -> {
                    response.putHeader(Representations.SURROGATE_KEY, Representations.LISTS_KEY);
                    if (page.get().link() != null) {
                        response.putHeader(HttpHeaders.LINK, page.get().link());
                    }
                })) {
            ctx.next();
        }
    }

    private boolean serve(RoutingContext ctx, ReadCache.ArticleEntry entry, String variant, String vary) {
        ReadCache.Body body = entry.variants().get(variant);
        return body != null && serve(ctx, body, entry.modifiedAt(), entry.lastModified(), vary, response -> response
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, entry.language())
                .putHeader(Representations.SURROGATE_KEY, entry.surrogateKeys()));
    }

    /** Answers with the body (or 304); false when the caller is over its limit, to be refused by the resource. */
    private boolean serve(RoutingContext ctx, ReadCache.Body body, Instant modifiedAt, String lastModified, String vary,
            Consumer<HttpServerResponse> headers) {
        HttpServerRequest request = ctx.request();
        RateLimiter.Decision decision = limiter.take("anonymous", client(request), config.rateLimitAnonymous(),
                config.rateLimitWindow(), System.currentTimeMillis());
        if (!decision.allowed()) {
            return false;
        }
        boolean gzip = body.gzip() != null && acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        HttpServerResponse response = ctx.response();
        if (decision.limit() > 0) {
            response.putHeader("RateLimit-Policy", decision.policyHeader()).putHeader("RateLimit", decision.limitHeader());
        }
        response.putHeader(HttpHeaders.ETAG, gzip ? Conditional.gzipped(body.etag()) : body.etag());
        if (lastModified != null) {
            response.putHeader(HttpHeaders.LAST_MODIFIED, lastModified);
        }
        response.putHeader(HttpHeaders.CACHE_CONTROL, cacheControl)
                .putHeader(HttpHeaders.VARY, body.gzip() == null ? vary : vary + ", " + HttpHeaders.ACCEPT_ENCODING);
        headers.accept(response);
        if (Conditional.notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH),
                request.getHeader(HttpHeaders.IF_MODIFIED_SINCE), body.etag(), modifiedAt)) {
            response.setStatusCode(304).end();
            return true;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, body.contentType());
        if (gzip) {
            response.putHeader("Content-Encoding", "gzip").end(Buffer.buffer(body.gzip()));
        } else {
            response.end(Buffer.buffer(body.identity()));
        }
        return true;
    }

    /** The cached variant this request asks for, when the choice is one the cache can make without doubt. */
    private static Optional<String> variant(RoutingContext ctx) {
        if (ctx.request().headers().contains(HttpHeaders.AUTHORIZATION)) {
            return Optional.empty();
        }
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        String format = ctx.queryParams().get("format");
        if (format == null && (accept == null || accept.equals("*/*") || accept.equals("application/json"))) {
            return Optional.of("json");
        }
        return Optional.empty();
    }

    private static boolean onlyFormat(RoutingContext ctx) {
        return ctx.queryParams().size() == 1 && ctx.queryParams().get("format") != null;
    }

    private static String client(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    /** Whether {@code Accept-Encoding} allows gzip: named (or {@code *}) without {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip();
            if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].strip();
                    if (parameter.startsWith("q=") && parameter.substring(2).strip().matches("0(\\.0{0,3})?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
