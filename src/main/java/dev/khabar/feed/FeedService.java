package dev.khabar.feed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.khabar.article.Article;
import dev.khabar.article.ArticleFilter;
import dev.khabar.article.ArticleService;
import dev.khabar.article.Audience;
import dev.khabar.article.Byline;
import dev.khabar.article.api.ArticleView;
import dev.khabar.format.ArticleLinks;
import dev.khabar.format.HtmlFormat;
import dev.khabar.taxonomy.Tag;
import dev.khabar.text.SeedLayout;

/**
 * The latest articles as a {@link Feed}: the article list's query and filters, always as an anonymous reader sees them
 * ({@link Audience#PUBLIC}), whoever asks. A feed is a public document that readers and aggregators cache and pass on:
 * a key holder asking for one must not get drafts into it.
 *
 * <p>The feed's language: the {@code lang} filter when given; else the language all its entries share; else none (a
 * feed of several languages), and each entry still names its own.
 */
@ApplicationScoped
public class FeedService {

    @Inject
    ArticleService articles;
    @Inject
    ArticleLinks links;
    @Inject
    Site site;

    /** What a feed shows: list filters (slugs, a BCP 47 tag) and how many entries. */
    public record Query(List<String> categories, List<String> tags, Optional<String> language, int limit) {
    }

    /** The feed, and when what anonymous readers can list last changed (its {@code Last-Modified}). */
    public record Result(Feed feed, Optional<Instant> lastModified) {
    }

    @Transactional
    public Result latest(Query query, URI apiBase, String selfUrl) {
        ArticleService.Page page = articles.list(new ArticleFilter(query.categories(), query.tags(), query.language(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), query.limit()), Audience.PUBLIC);
        Instant now = Instant.now();
        List<Article> items = page.items();
        List<Feed.Entry> entries = items.stream().map(a -> entry(a, now, apiBase)).toList();
        String home = site.home(apiBase);
        String title = title(query, items);
        Optional<String> language = query.language().or(() -> entries.stream().map(Feed.Entry::language).distinct()
                .reduce((a, b) -> "").filter(l -> !l.isEmpty()));
        // The newest change among the entries: the feed's body changes only when they do.
        Instant updated = entries.stream().map(Feed.Entry::updated).max(Instant::compareTo)
                .or(page::lastModified).orElse(Instant.EPOCH);
        Feed feed = new Feed(id(home, query), title, site.description(title), home, selfUrl, language, updated,
                site.name(), entries);
        return new Result(feed, page.lastModified());
    }

    private Feed.Entry entry(Article article, Instant now, URI apiBase) {
        return new Feed.Entry("urn:uuid:" + article.getId(), links.webUrl(article, apiBase), article.getTitle(),
                article.getLead(), SeedLayout.render(article.structuredText()),
                // The whole article as the HTML fragment of GET ?format=html: content:encoded, Atom content, content_html.
                HtmlFormat.render(ArticleView.of(article, now)),
                article.getLanguage(), article.getPublishedAt(), article.lastModified(now),
                article.getAuthors().stream().map(Byline::name).toList(),
                new Feed.Term(article.getCategory().getSlug(), article.getCategory().getName()),
                article.getTags().stream().map(t -> new Feed.Term(t.getSlug(), t.getName())).toList());
    }

    /** The site's name, then the names of the categories and tags filtered on (their slugs when no entry has them). */
    private String title(Query query, List<Article> items) {
        List<String> names = new ArrayList<>();
        for (String slug : query.categories()) {
            names.add(items.stream().map(Article::getCategory).filter(c -> c.getSlug().equals(slug)).findFirst()
                    .map(c -> c.getName()).orElse(slug));
        }
        for (String slug : query.tags()) {
            names.add(items.stream().flatMap(a -> a.getTags().stream()).filter(t -> t.getSlug().equals(slug))
                    .findFirst().map(Tag::getName).orElse(slug));
        }
        return names.isEmpty() ? site.name() : site.name() + " — " + String.join(" · ", names);
    }

    /** A name-based UUID of the site and the filters: the same feed keeps its id, whatever its limit or format. */
    private static String id(String home, Query query) {
        String key = Stream.of(home, "categories=" + query.categories().stream().sorted().toList(),
                "tags=" + query.tags().stream().sorted().toList(), "lang=" + query.language().orElse(""))
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("khabar feed\n" + key).getBytes(StandardCharsets.UTF_8));
    }
}
