package dev.khabar.format;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;

import dev.khabar.article.Article;
import dev.khabar.config.ContentConfig;

/**
 * Links to articles' public web pages, for feeds, sitemaps, JSON-LD {@code url} and ninjs {@code uri}: from
 * {@code content.article-url-template} when it is set (checked at start-up, so a typo stops the service instead of
 * publishing wrong links), else the API's own address of the article by slug.
 */
@ApplicationScoped
@Startup
public class ArticleLinks {

    private final Optional<UrlTemplate> template;

    @Inject
    public ArticleLinks(ContentConfig config) {
        this.template = config.articleUrlTemplate().filter(t -> !t.isBlank()).map(UrlTemplate::parse);
    }

    /** The page of {@code article}; {@code apiBase} is the service's base address (for the fallback). */
    public String webUrl(Article article, URI apiBase) {
        return webUrl(new UrlTemplate.Values(article.getId(), article.getLanguage(), article.getSlug(),
                article.getCategory().getSlug(),
                article.getPublishedAt() != null ? article.getPublishedAt() : article.getCreatedAt()), apiBase);
    }

    /**
     * The page of an article known by these values only: sitemaps list tens of thousands of articles and read just
     * these columns, not whole articles.
     */
    public String webUrl(UrlTemplate.Values article, URI apiBase) {
        if (template.isPresent()) {
            return template.get().expand(article);
        }
        String base = apiBase.toString();
        return (base.endsWith("/") ? base : base + "/") + "api/v1/articles/slug/" + UrlTemplate.encodeSegment(
                article.slug()) + "?lang=" + UrlTemplate.encodeSegment(article.language());
    }

    /** Whether links point to the newsroom's site rather than to the API. */
    public boolean configured() {
        return template.isPresent();
    }
}
