package dev.khabar.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Hibernate;

import dev.khabar.article.Article;
import dev.khabar.article.ArticleFilter;
import dev.khabar.article.ArticleRepository;
import dev.khabar.article.Audience;
import dev.khabar.config.ContentConfig;
import dev.khabar.db.SqlValues;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Streams every article a list filter matches, in list order, from one snapshot of the database: a single
 * REPEATABLE READ, read-only transaction for the whole export, so an article written meanwhile is in it as it was
 * when the export began, or not at all. Memory holds one chunk of articles, whatever the size of the archive.
 */
@ApplicationScoped
public class ArticleExport {

    /** Rows fetched per round trip of the cursor, and articles per chunk (their tags are read in one query). */
    static final int CHUNK = 100;

    @Inject
    ArticleRepository articles;
    @Inject
    EntityManager em;
    @Inject
    ContentConfig config;

    /** Receives each article (its category and tags loaded) and the moment of the snapshot, to show it as of then. */
    @FunctionalInterface
    public interface Sink {
        void accept(Article article, Instant at) throws IOException;
    }

    /** Every key holder sees every article: the export is for key holders only. */
    public void export(ArticleFilter filter, Sink sink) throws IOException {
        try {
            QuarkusTransaction.requiringNew().timeout((int) Math.min(Integer.MAX_VALUE, config.exportTimeout().toSeconds()))
                    .run(() -> stream(filter, sink));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void stream(ArticleFilter filter, Sink sink) {
        // The first statement of the transaction: every later read sees the database as it was at the next one.
        em.createNativeQuery("set transaction isolation level repeatable read, read only").executeUpdate();
        Instant at = SqlValues.instant(em.createNativeQuery("select now()").getSingleResult()).truncatedTo(ChronoUnit.MILLIS);
        List<Article> chunk = new ArrayList<>(CHUNK);
        try (Stream<Article> found = articles.streamList(filter, Audience.EDITORIAL, at, CHUNK)) {
            for (Iterator<Article> it = found.iterator(); it.hasNext(); ) {
                chunk.add(it.next());
                if (chunk.size() == CHUNK) {
                    emit(chunk, at, sink);
                }
            }
            emit(chunk, at, sink);
        }
    }

    private void emit(List<Article> chunk, Instant at, Sink sink) {
        // The first initialisation loads the tags of the whole chunk (Article.tags is batch-fetched).
        chunk.forEach(a -> Hibernate.initialize(a.getTags()));
        try {
            for (Article article : chunk) {
                sink.accept(article, at);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chunk.clear();
        // Articles already written leave the session, so memory stays flat however many follow.
        em.clear();
    }
}
