package dev.khabar.article.api;

import java.net.URI;
import java.time.Instant;
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
import dev.khabar.search.PageScope;
import dev.khabar.config.ContentConfig;
import dev.khabar.format.ArticleFormats;
import dev.khabar.format.ArticleLinks;
import dev.khabar.format.Format;
import dev.khabar.http.Conditional;
import dev.khabar.http.ContentCoding;
import dev.khabar.http.Links;
import dev.khabar.http.ProblemException;
import dev.khabar.http.ProblemTypes;
import dev.khabar.taxonomy.Tag;
import io.netty.util.AsciiString;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * How articles go over HTTP: representations and their entity tags, conditional reads, caching headers, and the
 * {@code If-Match} of writes.
 *
 * <p>An article's entity tag names the article, its version and the representation: {@code "<id>-v<version>-<variant>"},
 * with {@code -s} before the variant while it is scheduled (its status reads differently once the time has come). The
 * variants: {@code json}, {@code json-<hash of the selected fields>}, and one per other format ({@code text},
 * {@code md}, {@code html}, {@code jsonld}, {@code ninjs}: see {@link Format}).
 * Every distinct body has its own tag, and {@code If-Match} accepts the tag of any representation of the current
 * version. Lists are tagged with a hash of their bytes.
 */
@ApplicationScoped
public class Representations {

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
    ArticleLinks links;
    @Inject
    ReadCache cache;
    @Inject
    CurrentVertxRequest vertxRequest;

    static String etag(UUID id, int version, ArticleState state, String variant) {
        return "\"" + id + "-v" + version + (state == ArticleState.SCHEDULED ? "-s-" : "-") + variant + "\"";
    }

    /**
     * The representation a read asks for: {@code ?format=} when given, else the client's most preferred type in
     * {@code Accept} that we make. Decided before the article is looked up: 400 for an unknown format or for
     * {@code fields} with another format than JSON (it selects JSON members), 406 when {@code Accept} names nothing
     * we make.
     */
    Format negotiate(String format, String fields, HttpHeaders headers) {
        Format chosen;
        if (format != null && !format.isBlank()) {
            chosen = Format.fromWire(format.strip()).orElseThrow(() -> ProblemException.badParameter("format",
                    "must be one of " + Format.NAMES + "."));
        } else {
            String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
            chosen = Format.preferred(accept).orElseThrow(() -> new ProblemException(406, ProblemTypes.BLANK,
                    "Not Acceptable", "None of the media types in Accept (" + accept + ") can be produced here. An "
                            + "article is available as " + Format.MEDIA_TYPES + ", or with ?format=" + Format.NAMES
                            + ".", List.of(), Map.of()));
        }
        if (chosen != Format.JSON && fields != null && !fields.isBlank()) {
            throw ProblemException.badParameter("fields", "selects members of the JSON representation; the "
                    + chosen.wireName() + " representation always holds the whole article.");
        }
        return chosen;
    }

    /**
     * A read of one article: 200 in {@code format} (see {@link #negotiate}), or 304 when the client's copy is current.
     * {@code base} is the service's address, for the article's web page when no URL template is configured.
     */
    Response article(Article article, Format format, String fields, HttpHeaders headers, String vary, URI base) {
        Instant now = Instant.now();
        Fields selected = format == Format.JSON ? Fields.parse(fields, Fields.EVERY) : null;
        String etag = etag(article.stamp(), now, format, selected);
        Instant lastModified = article.lastModified(now);
        Response.ResponseBuilder response;
        if (Conditional.notModified(headers, etag, lastModified)) {
            response = Response.notModified();
        } else if (selected != null && !selected.isAll()) {
            response = Response.ok(selected.apply(ArticleView.of(article, now), json), MediaType.APPLICATION_JSON_TYPE);
        } else {
            ArticleView view = ArticleView.of(article, now);
            ReadCache.Body body = ReadCache.Body.of(format == Format.JSON ? bytes(view)
                    : ArticleFormats.render(format, view, links.webUrl(article, base)), etag, format.mediaType());
            // JSON-LD and ninjs name the article's web page; without a URL template it is on this request's host.
            if (!format.linksToWebPage() || links.configured()) {
                offer(article, now, format.wireName(), body);
            }
            return encoded(validators(Response.ok(), etag, lastModified, vary, article.getLanguage())
                    .header(SURROGATE_KEY, surrogateKeys(article)), body, headers, vary).build();
        }
        return validators(response, etag, lastModified, vary, article.getLanguage())
                .header(SURROGATE_KEY, surrogateKeys(article))
                .build();
    }

    /**
     * Sends a body as {@link PublishedReads} sends it from the cache, so that a client cannot tell a miss from a hit:
     * compressed (with its own entity tag) when the client takes a coding and the body is large enough to gain from it,
     * and then {@code Vary: Accept-Encoding} whichever coding was sent. Brotli only if this body's copy is made: this is
     * a miss, whose body may not be kept, so it starts none; the cache does when it serves the body.
     */
    private static Response.ResponseBuilder encoded(Response.ResponseBuilder response, ReadCache.Body body,
            HttpHeaders headers, String vary) {
        String type = body.contentType().toString();
        if (!body.compressible()) {
            return response.entity(body.identity()).type(type);
        }
        response.header(HttpHeaders.VARY, null).header(HttpHeaders.VARY, vary + ", " + HttpHeaders.ACCEPT_ENCODING);
        ContentCoding coding = body.coding(headers.getHeaderString(HttpHeaders.ACCEPT_ENCODING), false);
        if (coding == ContentCoding.IDENTITY) {
            return response.entity(body.identity()).type(type);
        }
        return response.entity(body.bytes(coding)).type(type)
                .header(HttpHeaders.CONTENT_ENCODING, coding.token().toString())
                .header(HttpHeaders.ETAG, null).header(HttpHeaders.ETAG, body.etag(coding).toString());
    }

    /**
     * Keeps what an anonymous reader was just sent, when {@link PublishedReads} could serve it next time: a published,
     * due article, read with a cache ticket (taken there before this request read the database).
     */
    private void offer(Article article, Instant now, String variant, ReadCache.Body body) {
        RoutingContext context = vertxRequest.getCurrent();
        Long ticket = context == null ? null : context.get(PublishedReads.TICKET);
        if (ticket != null && !caller.audience().seesEverything()) {
            offer(ticket, article, now, variant, body, context.get(PublishedReads.SLUG_LOOKUP));
        }
    }

    /**
     * Offers a representation of an article to the cache if the article is published and due, and with it the slug
     * lookup ({@code lang} parameter and {@code Accept-Language}, see PublishedReads) that led to it, if any.
     */
    private void offer(long ticket, Article article, Instant now, String variant, ReadCache.Body body,
            String slugLookup) {
        if (article.state(now) != ArticleState.PUBLISHED) {
            return;
        }
        cache.offerArticle(ticket, ReadCache.ArticleEntry.of(article.getId(), article.getVersion(), article.getLanguage(),
                article.getSlug(), article.lastModified(now), surrogateKeys(article)), variant, body);
        if (slugLookup != null) {
            cache.offerSlug(ticket, article.getSlug(), slugLookup, article.getId());
        }
    }

    /**
     * Renders an article's JSON as an anonymous read with no parameters would get it, and offers it to the cache (see
     * {@link CacheWarmer}); also as what a read of its slug alone leads to, when {@code bySlug}.
     */
    void keep(long ticket, Article article, Instant now, boolean bySlug) {
        String etag = etag(article.stamp(), now, Format.JSON, Fields.parse(null, Fields.EVERY));
        offer(ticket, article, now, Format.JSON.wireName(), ReadCache.Body.of(bytes(ArticleView.of(article, now)), etag,
                Format.JSON.mediaType()), bySlug ? PublishedReads.NO_LANGUAGE : null);
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
    Optional<Response> notModified(ArticleStamp stamp, Format format, String fields, HttpHeaders headers, String vary) {
        Instant now = Instant.now();
        String etag = etag(stamp, now, format, format == Format.JSON ? Fields.parse(fields, Fields.EVERY) : null);
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

    private static String etag(ArticleStamp stamp, Instant now, Format format, Fields selected) {
        return etag(stamp.id(), stamp.version(), stamp.state(now), format != Format.JSON ? format.etagVariant()
                : selected.isAll() ? "json" : "json-" + selected.key());
    }

    /**
     * A list-like body (list page, translations): tagged by a hash of its bytes, last modified at the latest change
     * the reader can see, 304 when the client's copy is current.
     */
    Response.ResponseBuilder collection(Object body, Optional<Instant> lastModified, HttpHeaders headers) {
        byte[] bytes = bytes(body);
        return collection(ReadCache.Body.of(bytes, listTag(bytes), MediaType.APPLICATION_JSON), lastModified, headers);
    }

    private Response.ResponseBuilder collection(ReadCache.Body body, Optional<Instant> lastModified,
            HttpHeaders headers) {
        String etag = body.etag().toString();
        String vary = HttpHeaders.ACCEPT + ", " + HttpHeaders.AUTHORIZATION;
        boolean notModified = Conditional.notModified(headers, etag, lastModified.orElse(null));
        Response.ResponseBuilder response = notModified ? Response.notModified() : Response.ok();
        lastModified.ifPresent(at -> response.header(HttpHeaders.LAST_MODIFIED, Conditional.httpDate(at)));
        response.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl())
                .header(HttpHeaders.VARY, vary)
                .header(SURROGATE_KEY, LISTS_KEY);
        return notModified ? response : encoded(response, body, headers, vary);
    }

    /** The entity tag of a list-like body: a hash of its bytes. */
    private static String listTag(byte[] bytes) {
        return Conditional.bodyTag("l", bytes);
    }

    /**
     * A page of a list, of search results or of suggestions: {@link #collection} with its {@code Link: rel="next"}
     * (when {@code nextCursor} is not null), offered to the cache when an anonymous reader asked for it through
     * {@link PublishedReads}: kept until the next scheduled publication, and until the next write of an article, or,
     * for search results and suggestions ({@code scope}), the next write that can change them.
     */
    public Response page(Object body, Optional<Instant> lastModified, HttpHeaders headers, UriInfo uri, String nextCursor,
            Optional<? extends PageScope> scope) {
        byte[] bytes = bytes(body);
        ReadCache.Body cached = ReadCache.Body.of(bytes, listTag(bytes), MediaType.APPLICATION_JSON);
        Response response = Links.next(collection(cached, lastModified, headers), uri, nextCursor).build();
        RoutingContext context = vertxRequest.getCurrent();
        Long ticket = context == null ? null : context.get(PublishedReads.TICKET);
        String key = context == null ? null : context.get(PublishedReads.PAGE_KEY);
        if (ticket != null && key != null && !caller.audience().seesEverything()) {
            cache.offerPage(ticket, key, new ReadCache.PageEntry(cached, lastModified.orElse(null),
                    lastModified.map(Conditional::httpDate).map(AsciiString::of).orElse(null),
                    response.getHeaderString(HttpHeaders.LINK), cache.nextDue(), scope.orElse(null)));
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

    /** Public content may be cached anywhere for a while; what a key holder reads is never stored. */
    String cacheControl() {
        return cacheControl(caller.audience().seesEverything());
    }

    String cacheControl(boolean editorial) {
        return editorial ? "private, no-store" : config.publicCacheControl();
    }

    /** Keys a CDN can purge by: the article, its category and its tags (see README, "Caching"). */
    static String surrogateKeys(Article article) {
        return Stream.concat(Stream.of("article-" + article.getId(), "category-" + article.getCategory().getId()),
                article.getTags().stream().map(Tag::getId).map(id -> "tag-" + id)).collect(Collectors.joining(" "));
    }
}
