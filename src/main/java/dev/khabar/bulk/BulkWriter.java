package dev.khabar.bulk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.khabar.article.Article;
import dev.khabar.article.ArticleContent;
import dev.khabar.article.ArticleRepository;
import dev.khabar.article.ArticleService;
import dev.khabar.article.FieldError;
import dev.khabar.article.InvalidArticleException;
import dev.khabar.article.Revision;
import dev.khabar.article.RevisionAction;
import dev.khabar.article.SlugTakenException;
import dev.khabar.article.VersionCheck;
import dev.khabar.change.ChangeLog;
import dev.khabar.taxonomy.Category;
import dev.khabar.taxonomy.Tag;
import dev.khabar.text.Languages;
import dev.khabar.text.Slugs;

/**
 * Writes the lines of a bulk import: a batch of new articles in one transaction, with the rules of single creates
 * (validation, slugs unique per language under the same locks, terms created on first use, a revision and change-feed
 * entries per article), and single lines in their own transaction through {@link ArticleService} (updates, translations,
 * and every line of a batch that failed as a whole).
 */
@ApplicationScoped
public class BulkWriter {

    private static final Pattern VALID_EXTERNAL_ID = Pattern.compile("[!-~]{1," + ArticleContent.EXTERNAL_ID_LENGTH + "}");

    private static final UUID NO_ARTICLE = new UUID(0, 0);

    @Inject
    ArticleService articles;
    @Inject
    ArticleRepository articleRepository;
    @Inject
    BulkRepository bulk;
    @Inject
    ChangeLog changes;
    @Inject
    EntityManager em;

    /**
     * What a batch did: the lines it decided (created, unchanged, or refused by a rule checked in Java), the lines left
     * for {@link #one} once it has committed (in line order), and the categories and tags it made sure exist.
     */
    public record Batch(List<Outcome> outcomes, List<BulkLine> deferred, Set<String> categories, Set<String> tags) {
    }

    /** A new article of the batch and the slug it gets. */
    private record Candidate(BulkLine line, String language, String slug, boolean requested, String base) {
    }

    /**
     * Creates the batch's new articles in one transaction. Lines that update an article are answered here when they
     * change nothing, else left for {@link #one}, as are translations and a second line with the same key. Terms in
     * {@code knownCategories} and {@code knownTags} exist already (an earlier batch of the import saw them).
     * {@code locked} runs once the batch holds the locks of its external ids, if it leaves no line for later: a next
     * batch that waits for it before taking its own locks is then ordered after this one wherever they overlap.
     */
    @Transactional
    public Batch batch(List<BulkLine> lines, String actor, Set<String> knownCategories, Set<String> knownTags,
            Runnable locked) {
        Instant now = ArticleService.clock();
        List<Outcome> outcomes = new ArrayList<>();
        List<BulkLine> deferred = new ArrayList<>();

        Set<String> externalIds = new LinkedHashSet<>();
        Set<UUID> ids = new LinkedHashSet<>();
        for (BulkLine line : lines) {
            Optional.ofNullable(line.content().externalId()).ifPresent(externalIds::add);
            line.id().ifPresent(ids::add);
        }
        // Like ArticleRepository.lockExternalId, for every id at once: a concurrent import of the same new external id
        // waits for this batch, then updates what it created.
        bulk.lock(externalIds.stream().map(e -> "external-id " + e).toList());
        Map<String, Article> byExternalId = new HashMap<>();
        Map<UUID, Article> byId = new HashMap<>();
        for (Article a : bulk.existing(externalIds, ids)) {
            byId.put(a.getId(), a);
            if (a.getExternalId() != null) {
                byExternalId.put(a.getExternalId(), a);
            }
        }

        List<BulkLine> creates = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (BulkLine line : lines) {
            ArticleContent content = line.content();
            if (line.key().isPresent() && !keys.add(line.key().get())) {
                deferred.add(line); // the same article twice in a batch: the second updates what the first wrote
                continue;
            }
            Article target = content.externalId() != null ? byExternalId.get(content.externalId())
                    : line.id().map(byId::get).orElse(null);
            if (target != null) {
                if (unchanged(target, content)) {
                    outcomes.add(Outcome.updated(line.number(), target.getId(), target.getVersion(), true));
                } else {
                    deferred.add(line);
                }
                continue;
            }
            if (content.translationOf() != null || line.id().filter(byId::containsKey).isPresent()) {
                deferred.add(line);
                continue;
            }
            try {
                articles.checkNew(content, line.textLines());
                creates.add(line);
            } catch (RuntimeException refused) {
                outcomes.add(Outcome.failed(line.number(), refused));
            }
        }

        if (deferred.isEmpty()) {
            // The external ids of this batch are locked and it leaves nothing for later: the next batch may start.
            locked.run();
        }
        List<Candidate> candidates = slugs(creates, outcomes);
        Map<String, String> categoryNames = new LinkedHashMap<>();
        Map<String, String> tagNames = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            ArticleContent content = c.line().content();
            categoryNames.putIfAbsent(ArticleService.categorySlug(content.category()), content.category().name().strip());
            ArticleService.tagNames(content.tagsOrEmpty()).forEach(tagNames::putIfAbsent);
        }
        Map<String, Category> categories = bulk.categories(categoryNames, knownCategories);
        Map<String, Tag> tags = bulk.tags(tagNames, knownTags);

        List<Article> created = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            ArticleContent content = c.line().content();
            Article article = articles.assemble(c.line().id().orElseGet(UUID::randomUUID), c.slug(), content,
                    categories.get(ArticleService.categorySlug(content.category())),
                    ArticleService.tagNames(content.tagsOrEmpty()).keySet().stream().map(tags::get).toList(), now);
            articleRepository.persist(article);
            created.add(article);
            outcomes.add(Outcome.created(c.line().number(), article.getId(), article.getVersion()));
        }
        em.flush();
        List<Revision> revisions = new ArrayList<>(created.size());
        List<ChangeLog.Write> writes = new ArrayList<>(created.size());
        for (Article article : created) {
            revisions.add(articles.revisionOf(article, RevisionAction.CREATED, actor, now));
            writes.add(ArticleService.changeOf(article, false, now));
        }
        // Written: nothing left for the commit to check in 500 articles and their terms.
        em.clear();
        bulk.insertRevisions(revisions);
        changes.appendAll(writes);
        return new Batch(outcomes, deferred, categoryNames.keySet(), tagNames.keySet());
    }

    /**
     * One line in its own transaction, through the single-article service: updates the article with the line's
     * external id (else its id) unless nothing changes, or creates it. Errors are thrown as a single write throws them.
     */
    @Transactional
    public Outcome one(BulkLine line) {
        ArticleContent content = line.content();
        Optional<Article> target;
        if (content.externalId() != null) {
            // Checked before it is used as a lock key: a value PostgreSQL cannot hold (a NUL) must be a 400 for the line.
            if (!VALID_EXTERNAL_ID.matcher(content.externalId()).matches()) {
                throw new InvalidArticleException(List.of(new FieldError("/externalId", "must be 1 to "
                        + ArticleContent.EXTERNAL_ID_LENGTH + " visible ASCII characters (U+0021 to U+007E).")));
            }
            articleRepository.lockExternalId(content.externalId());
            target = articleRepository.findIdByExternalId(content.externalId()).flatMap(articleRepository::findWithCategory);
        } else {
            target = line.id().flatMap(articleRepository::findWithCategory);
        }
        if (target.isPresent()) {
            Article article = target.get();
            if (unchanged(article, content)) {
                return Outcome.updated(line.number(), article.getId(), article.getVersion(), true);
            }
            Article written = articles.replace(article.getId(), content, VersionCheck.ANY).orElseThrow();
            return Outcome.updated(line.number(), written.getId(), written.getVersion(), false);
        }
        if (line.id().flatMap(articleRepository::findByIdOptional).isPresent()) {
            throw new IdTakenException(line.id().get());
        }
        articles.checkNew(content, line.textLines());
        Article created = articles.create(content, line.id());
        return Outcome.created(line.number(), created.getId(), created.getVersion());
    }

    /** Whether the line would leave the article as it is (a resent import); false for content that is not valid. */
    private static boolean unchanged(Article article, ArticleContent content) {
        if (content.title() == null || content.category() == null || content.category().name() == null
                || content.language() == null || content.tagsOrEmpty().stream().anyMatch(Objects::isNull)) {
            return false;
        }
        Optional<String> language = Languages.normalise(content.language());
        return language.isPresent() && article.holds(content, language.get(),
                ArticleService.categorySlug(content.category()),
                List.copyOf(ArticleService.tagNames(content.tagsOrEmpty()).keySet()));
    }

    /**
     * Chooses the slugs of the new articles as single creates do (the one asked for, else the title's, made free with
     * -2, -3... within the language), under the same advisory locks, taken for the whole batch at once. A slug asked
     * for that is taken refuses its line.
     */
    private List<Candidate> slugs(List<BulkLine> creates, List<Outcome> outcomes) {
        List<Candidate> wanted = new ArrayList<>();
        for (BulkLine line : creates) {
            ArticleContent content = line.content();
            String language = Languages.normalise(content.language()).orElseThrow();
            if (content.slug() != null) {
                try {
                    String slug = ArticleService.requestedSlug(content.slug());
                    wanted.add(new Candidate(line, language, slug, true, slug));
                } catch (RuntimeException refused) {
                    outcomes.add(Outcome.failed(line.number(), refused));
                }
            } else {
                String base = Slugs.slugify(content.title());
                wanted.add(new Candidate(line, language, null, false, base.isEmpty() ? "article" : base));
            }
        }
        bulk.lock(wanted.stream().map(c -> c.language() + ' ' + c.base()).toList());
        Set<String> taken = bulk.slugsLike(wanted.stream().map(c -> new BulkRepository.SlugBase(c.language(), c.base()))
                .distinct().toList());
        List<Candidate> chosen = new ArrayList<>(wanted.size());
        for (Candidate c : wanted) {
            if (c.requested()) {
                if (!taken.add(c.language() + ' ' + c.slug())) {
                    outcomes.add(Outcome.failed(c.line().number(), new SlugTakenException(c.slug(), c.language())));
                } else {
                    chosen.add(c);
                }
                continue;
            }
            String slug = c.base();
            for (int n = 2; taken.contains(c.language() + ' ' + slug); n++) {
                String candidate = Slugs.withSuffix(c.base(), n);
                // Near 80 code points the suffix shortens the base: the candidate may fall outside what was looked up.
                if (!candidate.startsWith(c.base() + "-") && !taken.contains(c.language() + ' ' + candidate)
                        && articleRepository.slugTaken(c.language(), candidate, NO_ARTICLE)) {
                    taken.add(c.language() + ' ' + candidate);
                }
                slug = candidate;
            }
            taken.add(c.language() + ' ' + slug);
            chosen.add(new Candidate(c.line(), c.language(), slug, false, c.base()));
        }
        return chosen;
    }
}
