package dev.khabar.config;

import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.spi.Converter;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/** Settings of the content API itself ({@code content.*}, or {@code CONTENT_*} in the environment). */
@ConfigMapping(prefix = "content")
public interface ContentConfig {

    /** The bearer token that authorises writes and the reading of drafts (env {@code CONTENT_ADMIN_TOKEN}). */
    Optional<String> adminToken();

    /** Start an embedded PostgreSQL when no datasource URL is configured (for trying the service out). */
    @WithDefault("true")
    boolean embeddedDatabase();

    /**
     * The longest a search may run in the database (env {@code CONTENT_SEARCH_TIMEOUT}); past it the reader gets a 503
     * asking for a narrower query, and the database is free again.
     */
    @WithDefault("3s")
    Duration searchTimeout();

    /** Requests per window from one client address without a key; 0 for no limit. */
    @WithDefault("600")
    int rateLimitAnonymous();

    /** Requests per window with one key; 0 for no limit. */
    @WithDefault("6000")
    int rateLimitKey();

    /** The window of the rate limits. */
    @WithDefault("60s")
    Duration rateLimitWindow();

    /** Refuse writes without {@code If-Match} (428), so that no client can overwrite a change it has not seen. */
    @WithDefault("false")
    boolean requireIfMatch();

    /** How long shared caches and browsers may keep published content ({@code max-age}). */
    @WithDefault("60s")
    Duration cacheMaxAge();

    /** How long after that a cache may still serve it while it fetches a fresh copy ({@code stale-while-revalidate}). */
    @WithDefault("300s")
    Duration cacheStaleWhileRevalidate();

    /** The {@code Cache-Control} of what anonymous readers get: public content, kept and revalidated as set above. */
    default String publicCacheControl() {
        return "public, max-age=" + cacheMaxAge().toSeconds() + ", stale-while-revalidate="
                + cacheStaleWhileRevalidate().toSeconds();
    }

    /**
     * The address of an article's public web page (env {@code CONTENT_ARTICLE_URL_TEMPLATE}), e.g.
     * {@code https://news.example/{lang}/{slug}}; used by feeds, sitemaps, JSON-LD and ninjs. Placeholders:
     * {@code {id} {lang} {slug} {category} {yyyy} {mm} {dd}}. Unset, links point to the API's read by slug.
     */
    Optional<String> articleUrlTemplate();

    /** Where the embedded PostgreSQL keeps its data, relative to the working directory. */
    @WithDefault("data/postgres")
    String embeddedDatabaseDir();

    /**
     * Serve anonymous reads of published articles and list pages from rendered bytes in memory (README, "Performance");
     * off, every read goes to the database.
     */
    @WithDefault("true")
    boolean readCacheEnabled();

    /** The memory the read cache may use, in all (articles three quarters, list pages one quarter). */
    @WithDefault("64M")
    MemorySize readCacheMaxBytes();

    /**
     * The longest anything stays in the read cache. Changes reach every instance within milliseconds by notification;
     * this only bounds what a lost notification could cost.
     */
    @WithDefault("10m")
    Duration readCacheTtl();

    /**
     * How many of the newest published articles the read cache renders whenever it starts empty (env
     * {@code CONTENT_READ_CACHE_WARM_ARTICLES}); 0 for none.
     */
    @WithDefault("1000")
    @WithConverter(NaturalInt.class)
    int readCacheWarmArticles();

    /** The publication's name: the title of feeds and the publication of the news sitemap. */
    @WithDefault("Khabar")
    String siteName();

    /**
     * The publication's home page (env {@code CONTENT_SITE_URL}), e.g. {@code https://news.example/}: the link of
     * feeds. Unset, feeds link to the API's own address. Checked at start-up: an absolute http(s) address.
     */
    Optional<String> siteUrl();

    /** What feeds say they are about; unset, a feed's description is its title. */
    Optional<String> siteDescription();

    /** URLs per page of the article sitemap (sitemaps.org allows at most 50,000). */
    @WithDefault("50000")
    @WithConverter(SitemapPageSize.class)
    int sitemapPageSize();

    /**
     * The largest body of a bulk import (env {@code CONTENT_BULK_MAX_BYTES}), e.g. {@code 1G} or {@code 500M}; past it
     * the answer is 413. Keep {@code quarkus.http.limits.max-body-size}, the HTTP server's own cap, above it.
     */
    @WithDefault("1G")
    MemorySize bulkMaxBytes();

    /** Lines of a bulk import written per transaction (env {@code CONTENT_BULK_BATCH_SIZE}), answered as each commits. */
    @WithDefault("500")
    @WithConverter(PositiveInt.class)
    int bulkBatchSize();

    /** The longest an export may stream (env {@code CONTENT_EXPORT_TIMEOUT}): its snapshot transaction ends then. */
    @WithDefault("1h")
    Duration exportTimeout();

    /*
     * Bounds are checked by converters, not by Bean Validation constraints: one constraint on a config mapping makes
     * Quarkus bootstrap a validator factory for the configuration before anything else starts, 0.5 s of a 3 s start-up.
     */

    /** Refuses a negative value at start-up. */
    class NaturalInt implements Converter<Integer> {
        @Override
        public Integer convert(String value) {
            return within(value, 0, Integer.MAX_VALUE);
        }
    }

    /** Refuses a value below 1 at start-up. */
    class PositiveInt implements Converter<Integer> {
        @Override
        public Integer convert(String value) {
            return within(value, 1, Integer.MAX_VALUE);
        }
    }

    /** Refuses a sitemap page size the protocol does not allow (1 to 50,000) at start-up. */
    class SitemapPageSize implements Converter<Integer> {
        @Override
        public Integer convert(String value) {
            return within(value, 1, 50_000);
        }
    }

    private static int within(String value, int min, int max) {
        int n = Integer.parseInt(value.strip());
        if (n < min || n > max) {
            throw new IllegalArgumentException(max == Integer.MAX_VALUE ? "must be at least " + min + ", was " + n
                    : "must be from " + min + " to " + max + ", was " + n);
        }
        return n;
    }
}
