package dev.khabar.article.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.khabar.access.Caller;
import dev.khabar.article.Article;
import dev.khabar.article.ArticleStamp;
import dev.khabar.article.ArticleState;
import dev.khabar.article.VersionCheck;
import dev.khabar.cache.ReadCache;
import dev.khabar.config.ContentConfig;
import dev.khabar.http.Conditional;
import dev.khabar.http.Links;
import dev.khabar.http.ProblemException;
import dev.khabar.http.ProblemTypes;
import dev.khabar.taxonomy.Tag;
import dev.khabar.text.SeedLayout;
import io.netty.util.AsciiString;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * How articles go over HTTP: representations and their entity tags, conditional reads, caching headers, and the
 * {@code If-Match} of writes.
 *
 * <p>An article's entity tag names the article, its version and the representation: {@code "<id>-v<version>-<variant>"},
 * with {@code -s} before the variant while it is scheduled (its status reads differently once the time has come).
 * Every distinct body has its own tag, and {@code If-Match} accepts the tag of any representation of the current
 * version. Lists are tagged with a hash of their bytes.
 */
@ApplicationScoped
public class Representations {

    static final String TEXT_UTF8 = MediaType.TEXT_PLAIN + ";charset=utf-8";
    static final String SURROGATE_KEY = "Surrogate-Key";
    /** The surrogate key of every list, search result and feed: any change to any article purges it. */
    static final String LISTS_KEY = "articles";
    private static final Pattern ARTICLE_TAG = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-v([0-9]{1,9})(-.*)?");

    @Inject
    ContentConfig config;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;
    @Inject
    ReadCache cache;
    @Inject
    CurrentVertxRequest vertxRequest;

    static String etag(UUID id, int version, ArticleState state, String variant) {
        return "\"" + id + "-v" + version + (state == ArticleState.SCHEDULED ? "-s-" : "-") + variant + "\"";
    }

    /** A read of one article: 200 in the negotiated representation, or 304 when the client's copy is current. */
    Response article(Article article, String fields, HttpHeaders headers, String vary) {
        Instant now = Instant.now();
        boolean text = prefersText(headers);
        Fields selected = text ? null : Fields.parse(fields, Fields.EVERY);
        String etag = etag(article.stamp(), now, text, selected);
        Instant lastModified = article.lastModified(now);
        Response.ResponseBuilder response;
        if (Conditional.notModified(headers, etag, lastModified)) {
            response = Response.notModified();
        } else if (text) {
            response = Response.ok(SeedLayout.render(article.structuredText()), TEXT_UTF8);
        } else if (selected.isAll()) {
            byte[] bytes = bytes(ArticleView.of(article, now));
            offer(article, now, "json", bytes, etag, MediaType.APPLICATION_JSON);
            response = Response.ok(bytes, MediaType.APPLICATION_JSON_TYPE);
        } else {
            response = Response.ok(selected.apply(ArticleView.of(article, now), json), MediaType.APPLICATION_JSON_TYPE);
        }
        return validators(response, etag, lastModified, vary, article.getLanguage())
                .header(SURROGATE_KEY, surrogateKeys(article))
                .build();
    }

    /**
     * Keeps what an anonymous reader was just sent, when {@link PublishedReads} could serve it next time: a published,
     * due article, read with a cache ticket (taken there before this request read the database).
     */
    private void offer(Article article, Instant now, String variant, byte[] bytes, String etag, String contentType) {
        RoutingContext context = vertxRequest.getCurrent();
        Long ticket = context == null ? null : context.get(PublishedReads.TICKET);
        if (ticket == null || caller.audience().seesEverything() || article.state(now) != ArticleState.PUBLISHED) {
            return;
        }
        Instant modified = article.lastModified(now);
        cache.offerArticle(ticket, ReadCache.ArticleEntry.of(article.getId(), article.getVersion(), article.getLanguage(),
                article.getSlug(), modified, surrogateKeys(article)), variant, ReadCache.Body.of(bytes, etag, contentType));
        String lookup = context.get(PublishedReads.SLUG_LOOKUP);
        if (lookup != null) {
            cache.offerSlug(ticket, article.getSlug(), lookup, article.getId());
        }
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("views always serialise", e);
        }
    }

    /**
     * The 304 of a conditional read, decided from the article's stamp alone; empty when the client's copy is stale
     * (or the request is not conditional), and the article must be read in full.
     */
    Optional<Response> notModified(ArticleStamp stamp, String fields, HttpHeaders headers, String vary) {
        Instant now = Instant.now();
        boolean text = prefersText(headers);
        String etag = etag(stamp, now, text, text ? null : Fields.parse(fields, Fields.EVERY));
        Instant lastModified = stamp.lastModified(now);
        return Conditional.notModified(headers, etag, lastModified)
                ? Optional.of(validators(Response.notModified(), etag, lastModified, vary, stamp.language()).build())
                : Optional.empty();
    }

    private Response.ResponseBuilder validators(Response.ResponseBuilder response, String etag, Instant lastModified,
            String vary, String language) {
        return response.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.LAST_MODIFIED, Conditional.httpDate(lastModified))
                .header(HttpHeaders.CACHE_CONTROL, cacheControl())
                .header(HttpHeaders.VARY, vary)
                .header(HttpHeaders.CONTENT_LANGUAGE, language);
    }

    private static String etag(ArticleStamp stamp, Instant now, boolean text, Fields selected) {
        return etag(stamp.id(), stamp.version(), stamp.state(now),
                text ? "text" : selected.isAll() ? "json" : "json-" + selected.key());
    }

    /**
     * A list-like body (list page, translations): tagged by a hash of its bytes, last modified at the latest change
     * the reader can see, 304 when the client's copy is current.
     */
    Response.ResponseBuilder collection(Object body, Optional<Instant> lastModified, HttpHeaders headers) {
        return collection(bytes(body), lastModified, headers);
    }

    private Response.ResponseBuilder collection(byte[] bytes, Optional<Instant> lastModified, HttpHeaders headers) {
        String etag = "\"l-" + hash(bytes) + "\"";
        Response.ResponseBuilder response = Conditional.notModified(headers, etag, lastModified.orElse(null))
                ? Response.notModified() : Response.ok(bytes, MediaType.APPLICATION_JSON_TYPE);
        lastModified.ifPresent(at -> response.header(HttpHeaders.LAST_MODIFIED, Conditional.httpDate(at)));
        return response.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT + ", " + HttpHeaders.AUTHORIZATION)
                .header(SURROGATE_KEY, LISTS_KEY);
    }

    /**
     * A page of a list or of search results: {@link #collection} with its {@code Link: rel="next"}, offered to the
     * cache when an anonymous reader asked for it through {@link PublishedReads} (kept until the next write or
     * scheduled publication).
     */
    public Response page(Object body, Optional<Instant> lastModified, HttpHeaders headers, UriInfo uri, String nextCursor) {
        byte[] bytes = bytes(body);
        Response response = Links.next(collection(bytes, lastModified, headers), uri, nextCursor).build();
        RoutingContext context = vertxRequest.getCurrent();
        Long ticket = context == null ? null : context.get(PublishedReads.TICKET);
        String key = context == null ? null : context.get(PublishedReads.PAGE_KEY);
        if (ticket != null && key != null && !caller.audience().seesEverything()) {
            cache.offerPage(ticket, key, new ReadCache.PageEntry(ReadCache.Body.of(bytes, response.getHeaderString(
                    HttpHeaders.ETAG), MediaType.APPLICATION_JSON), lastModified.orElse(null),
                    lastModified.map(Conditional::httpDate).map(AsciiString::of).orElse(null),
                    response.getHeaderString(HttpHeaders.LINK), cache.nextDue()));
        }
        return response;
    }

    /** The answer to a write: the article as stored now, with the tag to send in the next {@code If-Match}. */
    Response.ResponseBuilder written(Response.ResponseBuilder response, Article article) {
        Instant now = Instant.now();
        return response.entity(ArticleView.of(article, now)).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ETAG, etag(article.getId(), article.getVersion(), article.state(now), "json"))
                .header(HttpHeaders.LAST_MODIFIED, Conditional.httpDate(article.lastModified(now)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /**
     * What {@code If-Match} expects of the article {@code id}: tags of other articles or weak tags never match (RFC
     * 9110 compares strongly), so a stale or foreign tag fails the write with 412.
     */
    VersionCheck ifMatch(HttpHeaders headers, UUID id) {
        String header = headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (header == null) {
            if (config.requireIfMatch()) {
                throw new ProblemException(428, ProblemTypes.IF_MATCH_REQUIRED, "Precondition Required",
                        "This deployment requires If-Match on writes: read the article, then send its ETag as "
                                + "'If-Match' so that a change made meanwhile is not overwritten.", List.of(), Map.of());
            }
            return VersionCheck.ANY;
        }
        List<String> tags = Conditional.tags(header);
        if (tags.contains("*")) {
            return VersionCheck.ANY;
        }
        return VersionCheck.oneOf(tags.stream().filter(t -> !t.startsWith("W/")).map(Conditional::opaque)
                .map(ARTICLE_TAG::matcher).filter(Matcher::matches)
                .filter(m -> m.group(1).equals(id.toString()))
                .map(m -> Integer.parseInt(m.group(2))).collect(Collectors.toSet()));
    }

    /**
     * Whether the client prefers the text layout to JSON: the first of its acceptable types (by quality) that either
     * matches decides; a wildcard means JSON. Types that match neither were refused with 406 already.
     */
    private static boolean prefersText(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
                return true;
            }
        }
        return false;
    }

    /** Public content may be cached anywhere for a while; what a key holder reads is never stored. */
    String cacheControl() {
        return cacheControl(caller.audience().seesEverything());
    }

    String cacheControl(boolean editorial) {
        return editorial ? "private, no-store"
                : "public, max-age=" + config.cacheMaxAge().toSeconds() + ", stale-while-revalidate="
                        + config.cacheStaleWhileRevalidate().toSeconds();
    }

    /** Keys a CDN can purge by: the article, its category and its tags (see README, "Caching"). */
    static String surrogateKeys(Article article) {
        return Stream.concat(Stream.of("article-" + article.getId(), "category-" + article.getCategory().getId()),
                article.getTags().stream().map(Tag::getId).map(id -> "tag-" + id)).collect(Collectors.joining(" "));
    }

    private static String hash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
