package dev.khabar.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.jboss.logging.Logger;

import dev.khabar.change.ArticleChanged;
import dev.khabar.change.ArticlesChanged;
import dev.khabar.config.ContentConfig;
import dev.khabar.http.Conditional;
import dev.khabar.http.ContentCoding;
import dev.khabar.search.PageScope;
import dev.khabar.search.SearchScope;
import dev.khabar.search.SuggestScope;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.netty.util.AsciiString;

/**
 * What anonymous readers are shown, rendered once and kept as bytes: published articles (each representation a
 * client asked for), the slug lookups that lead to them, and pages: lists, search results and type-ahead suggestions.
 * Served by {@code PublishedReads} without Hibernate or the database.
 *
 * <p>Correct with several instances on one database: every write, whoever makes it, notifies every instance
 * ({@link ChangeListener}), which drops what the write touched; the writing instance drops it itself as soon as the
 * write commits. Nothing is served from here while this instance is not listening (at start, or after losing its
 * database connection), and everything is dropped when it listens again, since notifications sent meanwhile are lost.
 *
 * <p>Filling is racy by nature: a reader that loaded an article just before a write committed must not store its copy
 * after the write's notification was handled. Readers take a {@link #ticket()} before they read the database and
 * present it when they offer what they rendered; any invalidation in between voids the ticket.
 *
 * <p>Only what cannot change by the passing of time is kept without limit: articles that are published and due.
 * List pages can also change when a scheduled article comes due, so they are kept until the next publication time
 * ({@link #nextDue}), which the listener maintains.
 */
@ApplicationScoped
public class ReadCache {

    /** Responses of at least this size are also kept compressed (smaller ones gain nothing worth the header). */
    static final int COMPRESS_FROM = 1024;

    /**
     * One representation: its bytes with the headers that describe them, kept as {@link AsciiString}s, which the HTTP
     * server writes as they are. Bodies of at least {@value #COMPRESS_FROM} bytes are also sent compressed: gzipped,
     * made the first time a client takes gzip, and with Brotli, made in the background ({@link Brotli}) the first time
     * a client of the cache takes it. Each is made once and kept.
     */
    public static final class Body {
        private final byte[] identity;
        private final AsciiString etag;
        private final AsciiString gzipEtag;
        private final AsciiString contentType;
        private volatile byte[] gzip;
        private volatile byte[] brotli;
        private AsciiString brotliEtag; // set before brotli, read after it
        private volatile boolean brotliAsked;
        private volatile Runnable grown;

        private Body(byte[] identity, String etag, String contentType) {
            this.identity = identity;
            this.etag = AsciiString.of(etag);
            this.gzipEtag = AsciiString.of(ContentCoding.GZIP.tag(etag));
            this.contentType = AsciiString.of(contentType);
        }

        public static Body of(byte[] identity, String etag, String contentType) {
            return new Body(identity, etag, contentType);
        }

        public byte[] identity() {
            return identity;
        }

        /** Whether the body is large enough to be sent compressed to clients that take it. */
        public boolean compressible() {
            return identity.length >= COMPRESS_FROM;
        }

        /**
         * The coding to send this body in to a client with this {@code Accept-Encoding} (identity for a body too small
         * to gain from any): the one it prefers, Brotli only once its copy is made. With {@code makeBrotli}, a client
         * that would take Brotli gets its copy started, for later requests.
         */
        public ContentCoding coding(String acceptEncoding, boolean makeBrotli) {
            if (!compressible()) {
                return ContentCoding.IDENTITY;
            }
            ContentCoding preferred = ContentCoding.preferred(acceptEncoding, true);
            if (preferred != ContentCoding.BROTLI || brotli != null) {
                return preferred;
            }
            if (makeBrotli && !brotliAsked && Brotli.available()) {
                brotliAsked = Brotli.makeLater(this);
            }
            return ContentCoding.preferred(acceptEncoding, false);
        }

        /** The bytes in a coding {@link #coding} chose; the gzipped ones are made on first use (two threads may both). */
        public byte[] bytes(ContentCoding coding) {
            return switch (coding) {
                case IDENTITY -> identity;
                case BROTLI -> brotli;
                case GZIP -> {
                    byte[] made = gzip;
                    if (made == null) {
                        made = gzip(identity);
                        gzip = made;
                        grew();
                    }
                    yield made;
                }
            };
        }

        /** The entity tag of the bytes in a coding {@link #coding} chose. */
        public AsciiString etag(ContentCoding coding) {
            return switch (coding) {
                case IDENTITY -> etag;
                case GZIP -> gzipEtag;
                case BROTLI -> brotliEtag;
            };
        }

        public AsciiString etag() {
            return etag;
        }

        public AsciiString contentType() {
            return contentType;
        }

        void makeBrotli() {
            if (brotli == null) {
                brotliEtag = AsciiString.of(ContentCoding.BROTLI.tag(etag.toString()));
                brotli = Brotli.compress(identity);
                grew();
            }
        }

        /** The bytes held: the body and the compressed copies made so far, which the cache weighs again as they come. */
        int weight() {
            byte[] gzipped = gzip;
            byte[] brotlied = brotli;
            return identity.length + (gzipped == null ? 0 : gzipped.length) + (brotlied == null ? 0 : brotlied.length)
                    + 4 * etag.length() + 200;
        }

        /** Called by the cache that keeps this body: how to weigh its entry again once a compressed copy is added. */
        void keptBy(Runnable reweigh) {
            grown = reweigh;
        }

        private void grew() {
            Runnable reweigh = grown;
            if (reweigh != null) {
                reweigh.run();
            }
        }
    }

    /** Fired (asynchronously) each time the cache starts to serve again, empty: at start-up, and after an outage. */
    public record Emptied() {
    }

    /** A published article: what all its representations share, and those rendered so far, by variant name. */
    public record ArticleEntry(UUID id, int version, String language, String slug, Instant modifiedAt,
            AsciiString lastModified, AsciiString contentLanguage, AsciiString surrogateKeys, Map<String, Body> variants) {

        public static ArticleEntry of(UUID id, int version, String language, String slug, Instant modifiedAt,
                String surrogateKeys) {
            return new ArticleEntry(id, version, language, slug, modifiedAt, AsciiString.of(Conditional.httpDate(
                    modifiedAt)), AsciiString.of(language), AsciiString.of(surrogateKeys), Map.of());
        }

        int weight() {
            return 300 + slug.length() * 2 + surrogateKeys.length()
                    + variants.values().stream().mapToInt(Body::weight).sum();
        }
    }

    /**
     * A page (list, search, suggestions) with the headers that go with it; {@code link}: the Link header, or null;
     * {@code scope}: what a page of search results or suggestions depends on, null for pages that every write may
     * change.
     */
    public record PageEntry(Body body, Instant modifiedAt, AsciiString lastModified, String link, Instant validUntil,
            PageScope scope) {

        int weight() {
            return body.weight() + (scope == null ? 0 : scope.weight());
        }

        SearchScope search() {
            return scope instanceof SearchScope search ? search : null;
        }

        SuggestScope suggest() {
            return scope instanceof SuggestScope suggest ? suggest : null;
        }

        /**
         * Whether a page of search results or suggestions, none of whose articles was written, is the same after writes
         * of articles that match these queries and would be suggested for these texts.
         */
        boolean unchangedBy(Map<String, List<SearchScope.Match>> matches, Set<String> suggested) {
            if (scope instanceof SearchScope search) {
                return search.keeps(matches.getOrDefault(search.tsquery(), List.of()));
            }
            return scope instanceof SuggestScope suggest && !suggested.contains(suggest.text());
        }
    }

    /** What {@link #changed} asks the database about written articles, as anonymous readers see them now. */
    public interface SearchMatcher {

        /** The given queries ({@code tsquery} text) that the articles match, with where each would rank. */
        List<SearchScope.Match> matching(Set<UUID> articles, Set<String> tsqueries) throws SQLException;

        /** The given normalised texts for which the articles' titles would be suggested. */
        Set<String> suggesting(Set<UUID> articles, Set<String> texts) throws SQLException;
    }

    /** Writes of more articles than this at once (a bulk import's batch) drop every search page without testing them. */
    static final int TESTED_ARTICLES = 32;
    /** More distinct cached queries (or texts) than this are not tested either: every such page is dropped. */
    static final int TESTED_QUERIES = 4096;
    private static final Logger LOG = Logger.getLogger(ReadCache.class);

    private final Cache<UUID, ArticleEntry> articles;
    /** slug → (lang parameter + Accept-Language, as sent) → article id. */
    private final Cache<String, Map<String, UUID>> slugs;
    private final Cache<String, PageEntry> pages;
    private final AtomicLong generation = new AtomicLong();
    private final boolean enabled;
    private volatile boolean live;
    private volatile Instant nextDue = Instant.MAX;
    private final AgroalDataSource database;

    @Inject
    public ReadCache(ContentConfig config, MeterRegistry registry, AgroalDataSource database) {
        this.enabled = config.readCacheEnabled();
        this.database = database;
        long bytes = config.readCacheMaxBytes().asLongValue();
        // Articles get most of the budget: they are most of the traffic. Pages are few (one per filter in use).
        this.articles = Caffeine.newBuilder().maximumWeight(bytes * 3 / 4)
                .weigher((UUID id, ArticleEntry e) -> e.weight()).expireAfterWrite(config.readCacheTtl())
                .recordStats().build();
        this.pages = Caffeine.newBuilder().maximumWeight(bytes / 4)
                .weigher((String k, PageEntry e) -> e.weight() + k.length() * 2)
                .expireAfterWrite(config.readCacheTtl()).recordStats().build();
        this.slugs = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(config.readCacheTtl()).build();
        CaffeineCacheMetrics.monitor(registry, articles, "khabar.articles");
        CaffeineCacheMetrics.monitor(registry, pages, "khabar.pages");
        bytesGauge(registry, articles, "khabar.articles");
        bytesGauge(registry, pages, "khabar.pages");
    }

    /** {@code khabar_read_cache_bytes{cache=...}}: the bytes an instance keeps, bodies and compressed copies. */
    private static void bytesGauge(MeterRegistry registry, Cache<?, ?> cache, String name) {
        Gauge.builder("khabar.read.cache.bytes", cache,
                c -> c.policy().eviction().map(e -> (double) e.weightedSize().orElse(0)).orElse(0.0))
                .description("Bytes kept by the read cache: rendered bodies and their compressed copies")
                .baseUnit("bytes").tag("cache", name).register(registry);
    }

    /** Whether reads may be answered from here now. */
    public boolean live() {
        return live;
    }

    /** Taken before reading the database; offers made with it count only if nothing changed meanwhile. */
    public long ticket() {
        return generation.get();
    }

    public Optional<ArticleEntry> article(UUID id) {
        return live ? Optional.ofNullable(articles.getIfPresent(id)) : Optional.empty();
    }

    /** The article a slug read leads to, by the slug, the {@code lang} parameter and the {@code Accept-Language} sent. */
    public Optional<UUID> slug(String slug, String lookup) {
        if (!live) {
            return Optional.empty();
        }
        Map<String, UUID> found = slugs.getIfPresent(slug);
        return found == null ? Optional.empty() : Optional.ofNullable(found.get(lookup));
    }

    public Optional<PageEntry> page(String key, Instant now) {
        PageEntry page = live ? pages.getIfPresent(key) : null;
        return page != null && now.isBefore(page.validUntil()) ? Optional.of(page) : Optional.empty();
    }

    /** Until when a list page read now stays correct without a write: the next scheduled publication. */
    public Instant nextDue() {
        return nextDue;
    }

    /** Keeps one representation of a published, due article, unless {@code ticket} is void. */
    public synchronized void offerArticle(long ticket, ArticleEntry shared, String variant, Body body) {
        if (!current(ticket)) {
            return;
        }
        // Before the entry is written: a copy made from then on is weighed either by that write or by the reweigh.
        body.keptBy(() -> reweigh(articles, shared.id()));
        articles.asMap().compute(shared.id(), (id, old) -> {
            Map<String, Body> variants = new HashMap<>();
            if (old != null && old.version() == shared.version()) {
                variants.putAll(old.variants());
            }
            variants.put(variant, body);
            return new ArticleEntry(shared.id(), shared.version(), shared.language(), shared.slug(),
                    shared.modifiedAt(), shared.lastModified(), shared.contentLanguage(), shared.surrogateKeys(),
                    Map.copyOf(variants));
        });
    }

    public synchronized void offerSlug(long ticket, String slug, String lookup, UUID id) {
        if (!current(ticket)) {
            return;
        }
        slugs.asMap().compute(slug, (s, old) -> {
            if (old != null && old.size() >= 32) {
                return old; // that many Accept-Language variants of one slug: the rest go to the database
            }
            Map<String, UUID> lookups = old == null ? new HashMap<>() : new HashMap<>(old);
            lookups.put(lookup, id);
            return Map.copyOf(lookups);
        });
    }

    public synchronized void offerPage(long ticket, String key, PageEntry page) {
        if (current(ticket)) {
            page.body().keptBy(() -> reweigh(pages, key)); // before the put, as in offerArticle
            pages.put(key, page);
        }
    }

    /** Weighs the entry again (Caffeine weighs an entry when it is written): one of its bodies got a compressed copy. */
    private static <K, V> void reweigh(Cache<K, V> cache, K key) {
        V current = cache.asMap().get(key);
        if (current != null) {
            cache.asMap().replace(key, current, current);
        }
    }

    private boolean current(long ticket) {
        return enabled && live && generation.get() == ticket;
    }

    /**
     * Forgets what writes of these articles may have changed: each article (by id, and every slug lookup of its slug),
     * every page of a list, the pages of search results that ranked one of them or that one of them now enters
     * ({@link SearchScope}), and the suggestions that showed one of them or would now ({@link SuggestScope}).
     * {@code matcher} tells which queries and texts the articles match now; if it fails, every such page goes.
     *
     * <p>Pages offered after the first step carry tickets taken after the writes committed, so they already show them:
     * whether the last step keeps them or not, they are right.
     */
    public void changed(Collection<ArticleChanged> changes, SearchMatcher matcher) {
        if (changes.isEmpty()) {
            return;
        }
        Set<UUID> ids = changes.stream().map(ArticleChanged::articleId).collect(Collectors.toUnmodifiableSet());
        Set<String> queries;
        Set<String> texts;
        synchronized (this) {
            generation.incrementAndGet();
            for (ArticleChanged change : changes) {
                articles.invalidate(change.articleId());
                slugs.invalidate(change.slug());
            }
            boolean tested = ids.size() <= TESTED_ARTICLES;
            pages.asMap().values().removeIf(page -> page.scope() == null || !tested
                    || page.search() != null && ids.stream().anyMatch(page.search()::ranked)
                    || page.suggest() != null && ids.stream().anyMatch(page.suggest()::shows));
            queries = pages.asMap().values().stream().map(PageEntry::search).filter(Objects::nonNull)
                    .map(SearchScope::tsquery).collect(Collectors.toUnmodifiableSet());
            texts = pages.asMap().values().stream().map(PageEntry::suggest).filter(Objects::nonNull)
                    .map(SuggestScope::text).collect(Collectors.toUnmodifiableSet());
        }
        if (queries.isEmpty() && texts.isEmpty()) {
            return;
        }
        // Null when unknown: every search and suggestion page goes.
        Map<String, List<SearchScope.Match>> matches = null;
        Set<String> suggested = null;
        if (queries.size() <= TESTED_QUERIES && texts.size() <= TESTED_QUERIES) {
            try {
                matches = queries.isEmpty() ? Map.of() : matcher.matching(ids, queries).stream()
                        .collect(Collectors.groupingBy(SearchScope.Match::tsquery));
                suggested = texts.isEmpty() ? Set.of() : matcher.suggesting(ids, texts);
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("Could not tell which cached searches a write changed (%s); dropping them all", e.getMessage());
                matches = null;
            }
        }
        Map<String, List<SearchScope.Match>> found = matches;
        Set<String> shown = suggested;
        synchronized (this) {
            pages.asMap().values().removeIf(page -> page.scope() != null
                    && (found == null || shown == null || !page.unchangedBy(found, shown)));
        }
    }

    /**
     * This instance's own writes, as soon as they commit: its next read shows them, notified or not yet. A search page
     * that can have changed goes before the writer hears back.
     */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticlesChanged change) {
        if (enabled) {
            changed(change.articles(), SearchMatches.pooled(database));
        }
    }

    /** Starts (or stops) serving: either way, what is kept may have missed notifications, so it is dropped. */
    synchronized void listening(boolean listening) {
        generation.incrementAndGet();
        articles.invalidateAll();
        slugs.invalidateAll();
        pages.invalidateAll();
        live = listening && enabled;
    }

    /** The next scheduled publication; pages filled before this call may not know of it, so their tickets are void. */
    synchronized void nextDue(Instant at) {
        Instant due = at == null ? Instant.MAX : at;
        if (!due.equals(nextDue)) {
            generation.incrementAndGet();
            nextDue = due;
        }
    }

    boolean enabled() {
        return enabled;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("in memory", e);
        }
        return out.toByteArray();
    }
}
