package dev.khabar.feed;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.khabar.article.Audience;
import dev.khabar.article.Cursor;
import dev.khabar.change.ChangeLog;
import dev.khabar.config.ContentConfig;
import dev.khabar.format.ArticleLinks;

/**
 * Sitemaps of what anonymous readers can see: an index of keyset pages of at most {@code content.sitemap-page-size}
 * article pages, each page with its translations as hreflang alternates, and the Google News sitemap of the last 48
 * hours.
 */
@ApplicationScoped
public class SitemapService {

    /** Google News lists articles published in the last two days. */
    static final Duration NEWS_WINDOW = Duration.ofHours(48);

    @Inject
    SitemapRepository sitemaps;
    @Inject
    ChangeLog changes;
    @Inject
    ArticleLinks links;
    @Inject
    ContentConfig config;

    /** A document and when what it lists last changed (its {@code Last-Modified}). */
    public record Result<T>(T body, Optional<Instant> lastModified) {
    }

    /** Where each page starts (the first has no start: it begins with the oldest article) and when it changed. */
    public record PageRef(Optional<Cursor> from, Optional<Instant> lastModified) {
    }

    @Transactional
    public Result<List<PageRef>> index() {
        Optional<Instant> lastChange = changes.lastChange(true);
        List<SitemapRepository.PageStart> starts = sitemaps.pages(Audience.PUBLIC, config.sitemapPageSize());
        List<PageRef> pages = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            pages.add(new PageRef(i == 0 ? Optional.empty() : Optional.of(starts.get(i).first()),
                    Optional.of(starts.get(i).lastModified())));
        }
        if (pages.isEmpty()) {
            // An index lists at least one sitemap: the first page, empty until an article is published.
            pages.add(new PageRef(Optional.empty(), Optional.empty()));
        }
        return new Result<>(pages, latest(lastChange, starts.stream().map(SitemapRepository.PageStart::lastModified)));
    }

    /** The articles of the page that starts at {@code from}, each with its translations. */
    @Transactional
    public Result<List<Sitemaps.Url>> page(Optional<Cursor> from, URI apiBase) {
        Optional<Instant> lastChange = changes.lastChange(true);
        int size = config.sitemapPageSize();
        List<SitemapRepository.Row> rows = sitemaps.page(Audience.PUBLIC, from, size);
        Map<UUID, List<Sitemaps.Alternate>> groups = new LinkedHashMap<>();
        for (SitemapRepository.Row t : sitemaps.translations(Audience.PUBLIC, from, size)) {
            groups.computeIfAbsent(t.translationGroup(), g -> new ArrayList<>())
                    .add(new Sitemaps.Alternate(t.link().language(), links.webUrl(t.link(), apiBase)));
        }
        List<Sitemaps.Url> urls = rows.stream().map(r -> new Sitemaps.Url(links.webUrl(r.link(), apiBase),
                r.lastModified(), groups.getOrDefault(r.translationGroup(), List.of()))).toList();
        return new Result<>(urls, latest(lastChange, rows.stream().map(SitemapRepository.Row::lastModified)));
    }

    /** Articles published in the last 48 hours, newest first, at most 1,000. */
    @Transactional
    public Result<List<Sitemaps.NewsUrl>> news(URI apiBase) {
        Optional<Instant> lastChange = changes.lastChange(true);
        List<SitemapRepository.NewsRow> rows = sitemaps.publishedSince(Audience.PUBLIC,
                Instant.now().minus(NEWS_WINDOW), Sitemaps.MAX_NEWS_URLS);
        List<Sitemaps.NewsUrl> urls = rows.stream().map(r -> new Sitemaps.NewsUrl(links.webUrl(r.link(), apiBase),
                r.title(), r.link().language(), r.link().publishedAt())).toList();
        return new Result<>(urls, lastChange);
    }

    private static Optional<Instant> latest(Optional<Instant> lastChange, Stream<Instant> modified) {
        return Stream.concat(lastChange.stream(), modified).max(Instant::compareTo);
    }
}
