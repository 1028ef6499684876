package dev.khabar.article.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.khabar.article.Article;
import dev.khabar.article.ArticleFilter;
import dev.khabar.article.ArticleRepository;
import dev.khabar.article.ArticleService;
import dev.khabar.article.ArticleState;
import dev.khabar.article.Audience;
import dev.khabar.article.Cursor;
import dev.khabar.cache.ReadCache;
import dev.khabar.config.ContentConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Renders the newest published articles into the read cache whenever it starts empty: at start-up, and when the change
 * listener listens again after an outage. Most readers ask for the newest articles, so a new instance behind a load
 * balancer serves them from memory a second or two after it starts, instead of sending each first read to PostgreSQL
 * while its JIT compilers are still cold.
 *
 * <p>Each article is rendered as a miss renders it (JSON, every field; by id, and by slug alone unless another language
 * has the same slug) and offered with a ticket taken before its page was read: a change committed in between keeps
 * that page out of the cache, as it would a miss's copy.
 */
@ApplicationScoped
public class CacheWarmer {

    /** Articles read per transaction. */
    static final int PAGE = 100;
    private static final Logger LOG = Logger.getLogger(CacheWarmer.class);

    @Inject
    ArticleService articles;
    @Inject
    ArticleRepository repository;
    @Inject
    Representations http;
    @Inject
    ReadCache cache;
    @Inject
    ContentConfig config;

    private record Batch(ArticleService.Page page, Set<String> sharedSlugs) {
    }

    void warm(@ObservesAsync ReadCache.Emptied emptied) {
        int wanted = config.readCacheWarmArticles();
        long started = System.nanoTime();
        int rendered = 0;
        Optional<Cursor> after = Optional.empty();
        try {
            while (rendered < wanted && cache.live()) {
                long ticket = cache.ticket();
                Batch batch = newest(after, Math.min(PAGE, wanted - rendered));
                Instant now = Instant.now();
                for (Article article : batch.page().items()) {
                    http.keep(ticket, article, now, !batch.sharedSlugs().contains(article.getSlug()));
                }
                rendered += batch.page().items().size();
                after = batch.page().next();
                if (after.isEmpty()) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Stopped warming the read cache after %d articles: %s", rendered, e.getMessage());
            return;
        }
        if (rendered > 0) {
            LOG.infof("Rendered the newest %d published articles into the read cache in %d ms", rendered,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
    }

    private Batch newest(Optional<Cursor> after, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ArticleService.Page page = articles.list(new ArticleFilter(List.of(), List.of(), Optional.empty(),
                    Optional.of(ArticleState.PUBLISHED), Optional.empty(), Optional.empty(), after, limit),
                    Audience.PUBLIC);
            return new Batch(page, repository.sharedSlugs(page.items().stream().map(Article::getSlug).toList()));
        });
    }
}
