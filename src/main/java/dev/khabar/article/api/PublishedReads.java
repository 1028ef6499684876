package dev.khabar.article.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import dev.khabar.access.RateLimiter;
import dev.khabar.cache.ReadCache;
import dev.khabar.config.ContentConfig;
import dev.khabar.format.Format;
import dev.khabar.http.Conditional;
import dev.khabar.http.ContentCoding;
import dev.khabar.text.Slugs;
import io.netty.util.AsciiString;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The hot path: anonymous reads of published articles answered on the event loop from the {@link ReadCache}, with no
 * Hibernate, no database and no worker thread. Everything else, and every miss, goes on to {@link ArticleResource}
 * (or the search resource), which renders the answer and offers it to the cache: the bytes, status and headers a
 * client gets are the same either way (ArticleCacheTest compares them).
 *
 * <p>Taken here: {@code GET} of an article by id or by slug (with {@code lang} or {@code Accept-Language}), in a
 * representation already rendered, and of a list page, a search page or type-ahead suggestions already kept, all
 * without {@code Authorization}. The anonymous rate limit is counted here as {@code AccessFilter} counts it; a request
 * over the limit goes on, to be refused there.
 */
@ApplicationScoped
public class PublishedReads {

    /** Routing-context keys that tell {@link Representations} what a miss may offer to the cache. */
    static final String TICKET = "khabar.cache.ticket";
    static final String SLUG_LOOKUP = "khabar.cache.slug";
    static final String PAGE_KEY = "khabar.cache.page";
    /** The slug lookup of a read by slug with neither {@code lang} nor {@code Accept-Language}. */
    static final String NO_LANGUAGE = lookup(null, null);
    /** Set on a request that waited for another to render its page: it does not wait again. */
    private static final String WAITED = "khabar.cache.waited";

    private static final String LIST = "/api/v1/articles";
    private static final String BASE = LIST + "/";
    private static final String SLUG = BASE + "slug/";
    private static final String SEARCH = "/api/v1/search";
    private static final String SUGGEST = SEARCH + "/suggest";
    private static final AsciiString VARY = AsciiString.of("Accept, Authorization");
    private static final AsciiString VARY_ENCODING = AsciiString.of("Accept, Authorization, Accept-Encoding");
    private static final AsciiString VARY_LANGUAGE = AsciiString.of("Accept, Authorization, Accept-Language");
    private static final AsciiString VARY_LANGUAGE_ENCODING = AsciiString.of(
            "Accept, Authorization, Accept-Language, Accept-Encoding");
    private static final AsciiString SURROGATE_KEY = AsciiString.of(Representations.SURROGATE_KEY);
    private static final AsciiString LISTS_KEY = AsciiString.of(Representations.LISTS_KEY);
    private static final Set<String> FORMAT = Set.of("format");
    private static final Optional<String> JSON = Optional.of(Format.JSON.wireName());
    private static final Set<String> FORMAT_AND_LANG = Set.of("format", "lang");

    @Inject
    ReadCache cache;
    @Inject
    RateLimiter limiter;
    @Inject
    ContentConfig config;
    @Inject
    Representations http;
    private AsciiString cacheControl;
    private final Renderings renderings = new Renderings();

    /**
     * One prefix route for every article read, dispatched here by plain string tests: a route per shape would make the
     * router try a regular expression on every request.
     */
    void install(@Observes Router router) {
        router.get(LIST + "*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::route);
        router.get(SEARCH).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::searchPage);
        router.get(SUGGEST).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::searchPage);
        cacheControl = AsciiString.of(http.cacheControl(false));
    }

    /** Search results and type-ahead suggestions: pages like lists, kept until the next change or publication. */
    private void searchPage(RoutingContext ctx) {
        if (!cache.live() || ctx.request().headers().contains(HttpHeaders.AUTHORIZATION)) {
            ctx.next();
        } else {
            page(ctx);
        }
    }

    private void route(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String path = request.path();
        if (!cache.live() || request.headers().contains(HttpHeaders.AUTHORIZATION)) {
            ctx.next();
        } else if (path.length() == BASE.length() + 36 && path.startsWith(BASE)) {
            byId(ctx, path.substring(BASE.length()));
        } else if (path.startsWith(SLUG) && path.indexOf('/', SLUG.length()) < 0 && path.length() > SLUG.length()) {
            bySlug(ctx, path.substring(SLUG.length()));
        } else if (path.equals(LIST)) {
            page(ctx);
        } else {
            ctx.next();
        }
    }

    private void byId(RoutingContext ctx, String id) {
        Optional<String> variant = request(ctx, FORMAT);
        UUID uuid = variant.isPresent() ? uuid(id) : null;
        if (uuid == null) {
            ctx.next();
            return;
        }
        Optional<ReadCache.ArticleEntry> entry = cache.article(uuid);
        if (entry.isEmpty() || !serve(ctx, entry.get(), variant.get(), false)) {
            miss(ctx);
        }
    }

    private void bySlug(RoutingContext ctx, String rawSlug) {
        Optional<String> variant = request(ctx, FORMAT_AND_LANG);
        String decoded = variant.isPresent() ? decodePath(rawSlug) : null;
        if (decoded == null) {
            ctx.next();
            return;
        }
        String lang = ctx.request().query() == null ? null : ctx.queryParams().get("lang");
        String acceptLanguage = lang == null ? ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE) : null;
        String slug = Slugs.normaliseLookup(decoded);
        String lookup = lookup(lang, acceptLanguage);
        Optional<ReadCache.ArticleEntry> entry = cache.slug(slug, lookup).flatMap(cache::article)
                // The slug may have moved to another article since the lookup was kept: the database decides then.
                .filter(e -> e.slug().equals(slug));
        if (entry.isEmpty() || !serve(ctx, entry.get(), variant.get(), lang == null)) {
            ctx.put(SLUG_LOOKUP, lookup);
            miss(ctx);
        }
    }

    /** A read by slug's key in the slug cache, after the slug: the {@code lang} parameter and {@code Accept-Language}. */
    private static String lookup(String lang, String acceptLanguage) {
        return (lang == null ? "" : lang) + '|' + (acceptLanguage == null ? "" : acceptLanguage);
    }

    private void page(RoutingContext ctx) {
        // Lists and search results are JSON only; what else a client may accept is for the resource to settle.
        Optional<String> variant = variant(ctx).filter(Format.JSON.wireName()::equals);
        String status = ctx.request().query() == null ? null : ctx.queryParams().get("status");
        if (variant.isEmpty() || status != null && !status.strip().equals("published")) {
            ctx.next();
            return;
        }
        // The Link header names the host the client used: pages are kept per host.
        String key = ctx.request().host() + ' ' + variant.get() + ' ' + ctx.request().path() + '?'
                + ctx.request().query();
        Optional<ReadCache.PageEntry> page = cache.page(key, Instant.now());
        if (page.isPresent() && serve(ctx, page.get().body(), page.get().modifiedAt(), page.get().lastModified(), false,
                response -> {
                    response.putHeader(SURROGATE_KEY, LISTS_KEY);
                    if (page.get().link() != null) {
                        response.putHeader(HttpHeaders.LINK, page.get().link());
                    }
                })) {
            return;
        }
        if (page.isEmpty() && ctx.get(WAITED) == null) {
            // One reader renders a page the others asked for at the same time; they are answered from its copy.
            Renderings.Role role = renderings.join(key, () -> {
                ctx.put(WAITED, Boolean.TRUE);
                page(ctx);
            });
            if (role == Renderings.Role.WAIT) {
                return;
            }
            if (role == Renderings.Role.RENDER) {
                ctx.addEndHandler(ended -> renderings.done(key));
            }
        }
        ctx.put(PAGE_KEY, key);
        miss(ctx);
    }

    /**
     * Hands a read the cache could not answer to the resource, with a ticket for what it renders. Taken now, before
     * the resource reads the database: an invalidation after this voids the ticket, one before it is already seen by
     * that read.
     */
    private void miss(RoutingContext ctx) {
        ctx.put(TICKET, cache.ticket());
        ctx.next();
    }

    private boolean serve(RoutingContext ctx, ReadCache.ArticleEntry entry, String variant, boolean byLanguage) {
        ReadCache.Body body = entry.variants().get(variant);
        return body != null && serve(ctx, body, entry.modifiedAt(), entry.lastModified(), byLanguage, response -> response
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, entry.contentLanguage())
                .putHeader(SURROGATE_KEY, entry.surrogateKeys()));
    }

    /** Answers with the body (or 304); false when the caller is over its limit, to be refused by the resource. */
    private boolean serve(RoutingContext ctx, ReadCache.Body body, Instant modifiedAt, AsciiString lastModified,
            boolean byLanguage, Consumer<HttpServerResponse> headers) {
        HttpServerRequest request = ctx.request();
        RateLimiter.Decision decision = limiter.take("anonymous", client(request), config.rateLimitAnonymous(),
                config.rateLimitWindow(), System.currentTimeMillis());
        if (!decision.allowed()) {
            return false;
        }
        ContentCoding coding = body.coding(request.getHeader(HttpHeaders.ACCEPT_ENCODING), true);
        HttpServerResponse response = ctx.response();
        if (decision.limit() > 0) {
            response.putHeader("RateLimit-Policy", decision.policyHeader()).putHeader("RateLimit", decision.limitHeader());
        }
        response.putHeader(HttpHeaders.ETAG, body.etag(coding));
        if (lastModified != null) {
            response.putHeader(HttpHeaders.LAST_MODIFIED, lastModified);
        }
        response.putHeader(HttpHeaders.CACHE_CONTROL, cacheControl).putHeader(HttpHeaders.VARY, !body.compressible()
                ? byLanguage ? VARY_LANGUAGE : VARY
                : byLanguage ? VARY_LANGUAGE_ENCODING : VARY_ENCODING);
        headers.accept(response);
        String noneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        String since = request.getHeader(HttpHeaders.IF_MODIFIED_SINCE);
        if ((noneMatch != null || since != null)
                && Conditional.notModified(noneMatch, since, body.etag().toString(), modifiedAt)) {
            response.setStatusCode(304).end();
            return true;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, body.contentType());
        if (coding != ContentCoding.IDENTITY) {
            response.putHeader(HttpHeaders.CONTENT_ENCODING, coding.token());
        }
        response.end(Buffer.buffer(body.bytes(coding)));
        return true;
    }

    /**
     * The variant a request for one article asks for, when it has no query parameters but {@code allowed} ones (any
     * other, such as {@code fields}, is for the resource to handle).
     */
    private static Optional<String> request(RoutingContext ctx, Set<String> allowed) {
        if (ctx.request().query() != null && !allowed.containsAll(ctx.queryParams().names())) {
            return Optional.empty();
        }
        return variant(ctx);
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Percent-decodes a path segment as UTF-8 (clients also send unencoded UTF-8, which the server reads byte by byte);
     * null when it is malformed, and the resource answers.
     */
    static String decodePath(String raw) {
        byte[] bytes = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else if (c < 0x100) {
                bytes[n++] = (byte) c; // a byte of unencoded UTF-8, as the request line carried it
            } else {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * The representation a read of one article asks for, decided as {@link Representations#negotiate} decides it;
     * empty when that would be an error (the resource then answers 400 or 406).
     */
    private static Optional<String> variant(RoutingContext ctx) {
        String format = ctx.request().query() == null ? null : ctx.queryParams().get("format");
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        if (format == null && (accept == null || accept.equals("application/json") || accept.equals("*/*"))) {
            return JSON; // most reads: no need to parse
        }
        return (format != null && !format.isBlank() ? Format.fromWire(format.strip())
                : Format.preferred(accept)).map(Format::wireName);
    }

    private static String client(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
