package dev.khabar.article;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;

import org.hibernate.Hibernate;
import org.hibernate.exception.ConstraintViolationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.khabar.access.Caller;
import dev.khabar.article.api.ArticleView;
import dev.khabar.article.validation.Publishable;
import dev.khabar.article.validation.Violations;
import dev.khabar.change.ChangeLog;
import dev.khabar.db.Slice;
import dev.khabar.format.ArticleFormats;
import dev.khabar.format.Imported;
import dev.khabar.taxonomy.Category;
import dev.khabar.taxonomy.CategoryRepository;
import dev.khabar.taxonomy.Tag;
import dev.khabar.taxonomy.TagRepository;
import dev.khabar.text.Languages;
import dev.khabar.text.Slugs;

/**
 * The rules of articles: what may be written, how slugs and terms are assigned, how an article moves through the
 * workflow, who sees what. Every write is one transaction that also stores a revision and appends to the change feed.
 */
@ApplicationScoped
public class ArticleService {

    private static final UUID NO_ARTICLE = new UUID(0, 0);

    @Inject
    ArticleRepository articles;
    @Inject
    CategoryRepository categories;
    @Inject
    TagRepository tags;
    @Inject
    RevisionRepository revisions;
    @Inject
    ChangeLog changes;
    @Inject
    Validator validator;
    @Inject
    ObjectMapper json;
    @Inject
    Caller caller;

    /**
     * A page of articles, the cursor of the next one if there is one, and when what the reader can list last changed
     * (any article: a change elsewhere can move this page).
     */
    public record Page(List<Article> items, Optional<Cursor> next, Optional<Instant> lastModified) {
    }

    /**
     * One article, if the reader may see it. The reads of one article run in a transaction only when the caller has
     * one: on their own, their two or three queries go in autocommit, each with its own snapshot as in a transaction at
     * read committed, and without a transaction's begin, flush and commit, which cost about a quarter of the service's
     * CPU for a read the cache did not hold.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Article> find(UUID id, Audience audience) {
        Instant now = now();
        return articles.findWithCategory(id).filter(a -> audience.canSee(a, now)).map(ArticleService::withTags);
    }

    /** What validates the article's representations, if the reader may see it: a conditional read needs no more. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ArticleStamp> stamp(UUID id, Audience audience) {
        Instant now = now();
        return articles.stamp(id).filter(a -> audience.canSee(a, now));
    }

    /**
     * By slug (NFC-normalised). A slug is unique per language; when several languages share it, {@code language}
     * chooses, else the reader's preferred languages, else the article that took the slug first.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Article> findBySlug(String slug, Optional<String> language, List<Locale.LanguageRange> preferred,
            Audience audience) {
        Instant now = now();
        List<Article> found = articles.findBySlug(Slugs.normaliseLookup(slug), language).stream()
                .filter(a -> audience.canSee(a, now)).toList();
        return preferredLanguage(found, preferred).map(ArticleService::withTags);
    }

    /** The article that had this slug before an editor changed it, if the reader may see it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Article> findMovedSlug(String slug, Optional<String> language, List<Locale.LanguageRange> preferred,
            Audience audience) {
        Instant now = now();
        List<Article> found = articles.findAllWithCategory(articles.redirectTargets(Slugs.normaliseLookup(slug), language))
                .stream().filter(a -> audience.canSee(a, now))
                .sorted(Comparator.comparing(Article::getCreatedAt).thenComparing(Article::getId)).toList();
        return preferredLanguage(found, preferred);
    }

    private static Optional<Article> preferredLanguage(List<Article> candidates, List<Locale.LanguageRange> preferred) {
        if (candidates.size() > 1 && !preferred.isEmpty()) {
            // RFC 4647 lookup: a range falls back to its prefix, so en-GB finds an article in en.
            String best = Locale.lookupTag(preferred, candidates.stream().map(Article::getLanguage).toList());
            if (best != null) {
                return candidates.stream().filter(a -> a.getLanguage().equalsIgnoreCase(best)).findFirst();
            }
        }
        return candidates.stream().findFirst();
    }

    /** The other languages of the article's story, if the reader may see the article; in language order. */
    @Transactional
    public Optional<List<Article>> translations(UUID id, Audience audience) {
        Instant now = now();
        return articles.findWithCategory(id).filter(a -> audience.canSee(a, now))
                .map(a -> articles.translations(a.getTranslationGroup(), a.getId()).stream()
                        .filter(t -> audience.canSee(t, now)).map(ArticleService::withTags).toList());
    }

    @Transactional
    public Page list(ArticleFilter filter, Audience audience) {
        // Read before the page: a change committed in between makes the date older than the page, never newer.
        Optional<Instant> lastChange = changes.lastChange(!audience.seesEverything());
        Instant now = now();
        Slice<Article> page = Slice.of(articles.page(filter, audience, now), filter.limit());
        List<Article> items = page.items();
        items.forEach(ArticleService::withTags);
        Optional<Cursor> next = page.next().map(last -> new Cursor(last.getListedAt(), last.getId()));
        Optional<Instant> lastModified = Stream.concat(lastChange.stream(), items.stream().map(a -> a.lastModified(now)))
                .max(Instant::compareTo);
        return new Page(items, next, lastModified);
    }

    @Transactional
    public Article create(ArticleContent content) {
        return create(content, Optional.empty());
    }

    /** As {@link #create(ArticleContent)}, with the id given when there is one (a bulk import keeps exported ids). */
    @Transactional
    public Article create(ArticleContent content, Optional<UUID> id) {
        ArticleState state = content.status() == null ? ArticleState.DRAFT : content.status();
        validate(content, Map.of(), state == ArticleState.PUBLISHED || state == ArticleState.SCHEDULED);
        return insert(content, state, id);
    }

    /**
     * Parses text in the seed layout and stores it. The language comes from {@code language}, else from the script
     * of the title (Arabic script means {@code ar}); errors name the line they come from.
     */
    @Transactional
    public Article importText(String text, Optional<String> language, ArticleState state) {
        return importArticle(ArticleFormats.parseText(text).withLanguage(language), state);
    }

    /** Stores an article read from an import format; errors name where in the document they come from. */
    @Transactional
    public Article importArticle(Imported imported, ArticleState state) {
        return insert(checkImport(imported, state), state, Optional.empty());
    }

    /**
     * What importing would store, checked as an import is, and nothing written (a dry run). Only what needs the
     * database (a slug taken, a translation) is left for the import itself to find.
     */
    public ArticleContent checkImport(Imported imported, ArticleState state) {
        ArticleContent content = imported.content(state);
        try {
            validate(content, imported.lines(), state == ArticleState.PUBLISHED);
        } catch (InvalidArticleException e) {
            throw imported.locate(e);
        }
        return content;
    }

    /** Text in the seed layout read as an article, and the line of the text each field came from. */
    public record ImportedText(ArticleContent content, Map<String, Integer> lines) {
    }

    /**
     * Parses text in the seed layout (see {@link #importText}) without storing or validating it, for a bulk import line
     * that may carry an external id; errors name the line they come from.
     */
    public ImportedText parseText(String text, Optional<String> language, ArticleState state, String externalId) {
        Imported imported = ArticleFormats.parseText(text).withLanguage(language);
        return new ImportedText(imported.content(state).withExternalId(externalId), imported.lines());
    }

    /**
     * Replaces the content of an article; the slug changes only when the body names another one. The workflow
     * (status, publication time) is not changed here: a body that names other values is refused.
     */
    @Transactional
    public Optional<Article> replace(UUID id, ArticleContent content, VersionCheck check) {
        validate(content, Map.of(), false);
        return locked(id, check).map(article -> rewrite(article, content, RevisionAction.REPLACED));
    }

    /** Applies a JSON Merge Patch (RFC 7396) to the article as a read shows it, then stores it like a replace. */
    @Transactional
    public Optional<Article> patch(UUID id, JsonNode patch, VersionCheck check) throws JsonProcessingException {
        Optional<Article> found = locked(id, check);
        if (found.isEmpty()) {
            return found;
        }
        Article article = found.get();
        JsonNode merged = MergePatch.apply(json.valueToTree(ArticleView.of(withTags(article), now())), patch);
        ArticleContent content = json.treeToValue(merged, ArticleContent.class);
        validate(content, Map.of(), false);
        return Optional.of(rewrite(article, content, RevisionAction.PATCHED));
    }

    /**
     * Publishes now, or at {@code at} (a future time schedules). A published article keeps its first publication time
     * when it is published again after being taken back; one never published gets the present.
     */
    @Transactional
    public Optional<Article> publish(UUID id, Optional<Instant> at, VersionCheck check) {
        return locked(id, check).map(article -> {
            Instant now = now();
            ArticleState state = article.state(now);
            if (state == ArticleState.PUBLISHED || state == ArticleState.ARCHIVED) {
                throw illegalMove(article, now, "publish", state == ArticleState.PUBLISHED
                        ? "It is already published; to move its publication time, unpublish it first."
                        : "It is archived; bring it back to draft with /unpublish first.");
            }
            List<FieldError> missing = violations(contentOf(article, now), Publishable.class);
            if (!missing.isEmpty()) {
                throw new ArticleConflictException(ArticleConflictException.Reason.WORKFLOW,
                        "The article cannot be published until it is complete: " + describe(missing), missing);
            }
            Instant published = at.orElse(article.getPublishedAt() != null && !article.getPublishedAt().isAfter(now)
                    ? article.getPublishedAt() : now);
            return moved(article, now, ArticleStatus.PUBLISHED, published,
                    published.isAfter(now) ? RevisionAction.SCHEDULED : RevisionAction.PUBLISHED);
        });
    }

    /** Back to draft, from published, scheduled or archived; a publication time that had passed is kept. */
    @Transactional
    public Optional<Article> unpublish(UUID id, VersionCheck check) {
        return locked(id, check).map(article -> {
            Instant now = now();
            if (article.getStatus() == ArticleStatus.DRAFT) {
                throw illegalMove(article, now, "unpublish", "It is a draft already.");
            }
            Instant published = article.getPublishedAt();
            return moved(article, now, ArticleStatus.DRAFT, published != null && !published.isAfter(now) ? published
                    : null, RevisionAction.UNPUBLISHED);
        });
    }

    @Transactional
    public Optional<Article> archive(UUID id, VersionCheck check) {
        return locked(id, check).map(article -> {
            Instant now = now();
            if (article.getStatus() == ArticleStatus.ARCHIVED) {
                throw illegalMove(article, now, "archive", "It is archived already.");
            }
            return moved(article, now, ArticleStatus.ARCHIVED, article.getPublishedAt(), RevisionAction.ARCHIVED);
        });
    }

    private Article moved(Article article, Instant now, ArticleStatus status, Instant publishedAt,
            RevisionAction action) {
        boolean wasPublic = Audience.PUBLIC.canSee(article, now);
        article.move(status, publishedAt);
        article.stamp(now);
        return recorded(article, action, wasPublic, now);
    }

    /**
     * Writes the content of revision {@code version} as a new version. Slug, language and workflow stay as they are
     * now: a restore brings back what was written, not where the article stood.
     */
    @Transactional
    public Optional<Article> restore(UUID id, int version, VersionCheck check) throws JsonProcessingException {
        Optional<Article> found = locked(id, check);
        if (found.isEmpty()) {
            return found;
        }
        Article article = found.get();
        Revision revision = revisions.find(id, version).orElseThrow(() -> new RevisionNotFoundException(id, version));
        ArticleContent old = json.readValue(revision.snapshot(), ArticleContent.class);
        ArticleContent content = new ArticleContent(article.getSlug(), article.getLanguage(), null, old.category(),
                old.title(), old.subtitle(), old.lead(), old.sections(), old.closing(), old.tags(), old.authors(),
                old.image(), null, null, article.getExternalId());
        validate(content, Map.of(), false);
        return Optional.of(rewrite(article, content, RevisionAction.RESTORED));
    }

    @Transactional
    public boolean delete(UUID id, VersionCheck check) {
        return locked(id, check).map(article -> {
            Instant now = now();
            boolean wasPublic = Audience.PUBLIC.canSee(article, now);
            articles.delete(article);
            articles.flush();
            changes.append(new ChangeLog.Write(article.getId(), article.getSlug(), article.getLanguage(),
                    article.getVersion(), true, wasPublic, false, Optional.empty()));
            return true;
        }).orElse(false);
    }

    /** Revisions older than version {@code before} (all when empty), newest first; empty if there is no article. */
    @Transactional
    public Optional<List<Revision>> revisions(UUID id, Optional<Integer> before, int limit) {
        return articles.findByIdOptional(id)
                .map(a -> revisions.page(id, before.orElse(Integer.MAX_VALUE), limit));
    }

    @Transactional
    public Optional<Revision> revision(UUID id, int version) {
        return revisions.find(id, version);
    }

    /** The article, locked until the transaction ends, if it exists and is at a version {@code check} accepts. */
    private Optional<Article> locked(UUID id, VersionCheck check) {
        Optional<Article> found = articles.findForUpdate(id);
        found.ifPresent(article -> {
            if (!check.accepts(article.getVersion())) {
                throw new VersionMismatchException(article, now());
            }
        });
        return found;
    }

    /** The content part of a replace, patch or restore: everything but the workflow, which only transitions move. */
    private Article rewrite(Article article, ArticleContent content, RevisionAction action) {
        Instant now = now();
        ArticleState state = article.state(now);
        List<FieldError> workflow = new ArrayList<>();
        if (content.status() != null && content.status().stored() != article.getStatus()) {
            workflow.add(new FieldError("/status", "is " + state.wire() + "; change it with POST /api/v1/articles/"
                    + article.getId() + "/publish, /unpublish or /archive"));
        }
        if (content.publishedAt() != null && !content.publishedAt().equals(article.getPublishedAt())) {
            workflow.add(new FieldError("/publishedAt", "changes only with POST /api/v1/articles/" + article.getId()
                    + "/publish (after /unpublish for a published article)"));
        }
        if (!workflow.isEmpty()) {
            throw new ArticleConflictException(ArticleConflictException.Reason.WORKFLOW,
                    "Replace and patch do not move an article in the workflow: " + describe(workflow), workflow);
        }
        if (content.translationOf() != null) {
            throw new InvalidArticleException(List.of(new FieldError("/translationOf",
                    "is set when an article is created only")));
        }
        if (article.getStatus() == ArticleStatus.PUBLISHED) {
            List<FieldError> missing = violations(content, Publishable.class);
            if (!missing.isEmpty()) {
                throw new InvalidArticleException(missing);
            }
        }
        boolean wasPublic = Audience.PUBLIC.canSee(article, now);
        String language = Languages.normalise(content.language()).orElseThrow();
        String slug = article.getSlug();
        if (content.slug() != null && !content.slug().equals(slug)) {
            slug = requestedSlug(content.slug());
        } else if (!language.equals(article.getLanguage())) {
            slug = freeSlug(language, slug);
        }
        if (!language.equals(article.getLanguage())) {
            requireNoTranslationIn(article.getTranslationGroup(), language);
        }
        if (content.externalId() != null && !content.externalId().equals(article.getExternalId())) {
            requireFreeExternalId(content.externalId(), article.getId());
        }
        if (!slug.equals(article.getSlug()) || !language.equals(article.getLanguage())) {
            articles.lockSlug(language, slug);
            if (articles.slugTaken(language, slug, article.getId())) {
                throw new SlugTakenException(slug, language);
            }
            articles.redirect(article.getLanguage(), article.getSlug(), article.getId());
            articles.dropRedirect(language, slug, article.getId());
            article.rename(slug, language);
        }
        article.write(content, category(content.category()), tags(content.tagsOrEmpty()));
        article.stamp(now);
        return recorded(article, action, wasPublic, now);
    }

    private Article insert(ArticleContent content, ArticleState state, Optional<UUID> givenId) {
        String language = Languages.normalise(content.language()).orElseThrow();
        UUID id = givenId.orElseGet(UUID::randomUUID);
        Instant now = now();
        Instant publishedAt = publicationTime(state, content.publishedAt(), now);
        if (content.externalId() != null) {
            requireFreeExternalId(content.externalId(), id);
        }
        Optional<Article> original = Optional.ofNullable(content.translationOf()).map(of -> articles.findByIdOptional(of)
                .orElseThrow(() -> new InvalidArticleException(List.of(new FieldError("/translationOf",
                        "no article has the id " + of)))));
        original.ifPresent(o -> requireNoTranslationIn(o.getTranslationGroup(), language));
        String slug;
        if (content.slug() != null) {
            slug = requestedSlug(content.slug());
            articles.lockSlug(language, slug);
            if (articles.slugTaken(language, slug, id)) {
                throw new SlugTakenException(slug, language);
            }
        } else {
            String base = Slugs.slugify(content.title());
            slug = freeSlug(language, base.isEmpty() ? "article" : base);
        }
        Article article = new Article(id, slug, language, now);
        original.ifPresent(o -> article.joinTranslations(o.getTranslationGroup()));
        article.move(state.stored(), publishedAt);
        article.write(content, category(content.category()), tags(content.tagsOrEmpty()));
        // Stamped before it is persisted: stamped after, the new row would be written twice (an INSERT, then an
        // UPDATE that recomputes its search document).
        article.stamp(now);
        articles.persist(article);
        return recorded(article, RevisionAction.CREATED, false, now);
    }

    /** When an article created in {@code state} is published: refuses a scheduled one without a future time. */
    private static Instant publicationTime(ArticleState state, Instant requested, Instant now) {
        if (state == ArticleState.SCHEDULED && (requested == null || !requested.isAfter(now))) {
            throw new InvalidArticleException(List.of(new FieldError("/publishedAt",
                    "must be in the future for a scheduled article")));
        }
        return state == ArticleState.PUBLISHED && requested == null ? now : requested;
    }

    /** An external id names one article: refuses one that another article has (serialised like slugs). */
    private void requireFreeExternalId(String externalId, UUID article) {
        articles.lockExternalId(externalId);
        articles.findIdByExternalId(externalId).filter(other -> !other.equals(article)).ifPresent(other -> {
            throw new ExternalIdTakenException(externalId, other);
        });
    }

    /** One language per story: refuses a second article in {@code language} in the translation group. */
    private void requireNoTranslationIn(UUID group, String language) {
        articles.lockSlug("translation " + group, language);
        if (articles.translationExists(group, language)) {
            throw new ArticleConflictException(ArticleConflictException.Reason.TRANSLATION_EXISTS,
                    "The story already has an article in language '" + language + "'.",
                    List.of(new FieldError("/language", "already has an article in this story")));
        }
    }

    /** Ends a write (after {@link Article#stamp}): its revision and its entries in the change feed, appended last. */
    private Article recorded(Article article, RevisionAction action, boolean wasPublic, Instant now) {
        flush(article);
        withTags(article);
        revisions.insert(revisionOf(article, action, caller.actor(), now));
        changes.append(changeOf(article, wasPublic, now));
        return article;
    }

    /** The revision a write of the article stores (its tags loaded). */
    public Revision revisionOf(Article article, RevisionAction action, String actor, Instant now) {
        return new Revision(article.getId(), article.getVersion(), action, actor, now, snapshot(article, now));
    }

    /** The change-feed entry of a write that left the article as it is now. */
    public static ChangeLog.Write changeOf(Article article, boolean wasPublic, Instant now) {
        boolean scheduled = article.state(now) == ArticleState.SCHEDULED;
        return new ChangeLog.Write(article.getId(), article.getSlug(), article.getLanguage(), article.getVersion(),
                false, wasPublic, Audience.PUBLIC.canSee(article, now),
                scheduled ? Optional.of(article.getPublishedAt()) : Optional.empty());
    }

    private String snapshot(Article article, Instant now) {
        try {
            return json.writeValueAsString(ArticleView.of(article, now));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an article always serialises", e);
        }
    }

    /** The article as a client would write it back: its view, read as input. */
    private ArticleContent contentOf(Article article, Instant now) {
        return json.convertValue(ArticleView.of(withTags(article), now), ArticleContent.class);
    }

    private static ArticleConflictException illegalMove(Article article, Instant now, String move, String why) {
        return new ArticleConflictException(ArticleConflictException.Reason.WORKFLOW,
                "A " + article.state(now).wire() + " article cannot be sent to /" + move + ". " + why,
                List.of(new FieldError("/status", "is " + article.state(now).wire())));
    }

    private static String describe(List<FieldError> errors) {
        return String.join("; ", errors.stream().map(e -> e.pointer() + " " + e.detail()).toList());
    }

    /** Flushes now, so that a slug taken by a concurrent writer is reported as such rather than as a failure. */
    private void flush(Article article) {
        try {
            articles.flush();
        } catch (PersistenceException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConstraintViolationException violation
                        && "article_slug_unique".equals(violation.getConstraintName())) {
                    throw new SlugTakenException(article.getSlug(), article.getLanguage());
                }
            }
            throw e;
        }
    }

    /** A slug a client asked for, normalised; refused with a 400 naming /slug when it is not well formed. */
    public static String requestedSlug(String requested) {
        String slug = Slugs.normaliseLookup(requested);
        if (!Slugs.isWellFormed(slug)) {
            String suggestion = Slugs.slugify(requested);
            throw new InvalidArticleException(List.of(new FieldError("/slug",
                    "must be lower-case letters, marks and digits in words joined by single hyphens, at most "
                            + Slugs.MAX_CODE_POINTS + " code points"
                            + (suggestion.isEmpty() ? "" : " (for example '" + suggestion + "')"))));
        }
        return slug;
    }

    /** {@code base}, or the first of {@code base-2}, {@code base-3}... that no article of the language has. */
    private String freeSlug(String language, String base) {
        articles.lockSlug(language, base);
        Set<String> taken = new HashSet<>(articles.slugsLike(language, base));
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            // Near 80 code points the suffix shortens the base, so the candidate may fall outside `taken`: ask.
            String candidate = Slugs.withSuffix(base, n);
            if (!taken.contains(candidate) && (candidate.startsWith(base + "-")
                    || !articles.slugTaken(language, candidate, NO_ARTICLE))) {
                return candidate;
            }
        }
    }

    private Category category(CategoryRef ref) {
        return categories.findOrCreate(categorySlug(ref), ref.name().strip());
    }

    /** The slug a category reference finds (or creates) its category by. */
    public static String categorySlug(CategoryRef ref) {
        return ref.slug() != null && !ref.slug().isBlank() ? Slugs.normaliseLookup(ref.slug().strip())
                : Slugs.slugify(ref.name());
    }

    /** Tags in the order given, one per slug (the first spelling wins). */
    private List<Tag> tags(List<String> names) {
        return tags.findOrCreateAll(tagNames(names));
    }

    /** Tag names by slug, in the order given, one per slug (the first spelling wins). */
    public static Map<String, String> tagNames(List<String> names) {
        Map<String, String> bySlug = new LinkedHashMap<>();
        for (String name : names) {
            bySlug.putIfAbsent(Slugs.slugify(name), name.strip());
        }
        return bySlug;
    }

    /** Bean Validation plus the rules it cannot express; {@code lines} adds the source line for imported text. */
    private void validate(ArticleContent content, Map<String, Integer> lines, boolean publishable) {
        List<FieldError> errors = new ArrayList<>(publishable ? violations(content, Default.class, Publishable.class)
                : violations(content, Default.class));
        if (content.language() != null && !content.language().isBlank()
                && Languages.normalise(content.language()).isEmpty()) {
            errors.add(new FieldError("/language", "must be a BCP 47 language tag such as ar, en or en-GB"));
        }
        if (content.category() != null && content.category().name() != null
                && Slugs.slugify(content.category().name()).isEmpty()) {
            errors.add(new FieldError("/category/name", "must contain at least one letter or digit"));
        }
        if (content.category() != null && content.category().slug() != null
                && !Slugs.isWellFormed(Slugs.normaliseLookup(content.category().slug().strip()))) {
            errors.add(new FieldError("/category/slug", "must be lower-case letters, marks and digits in words joined "
                    + "by single hyphens, at most " + Slugs.MAX_CODE_POINTS + " code points"));
        }
        if (content.publishedAt() != null && !Dates.inRange(content.publishedAt())) {
            errors.add(new FieldError("/publishedAt", "must be between the years 1 and 9999"));
        }
        List<String> tagNames = content.tagsOrEmpty();
        for (int i = 0; i < tagNames.size(); i++) {
            if (tagNames.get(i) != null && Slugs.slugify(tagNames.get(i)).isEmpty()) {
                errors.add(new FieldError("/tags/" + i, "must contain at least one letter or digit"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidArticleException(errors.stream()
                    .map(e -> new FieldError(e.pointer(), e.detail(), e.line() != null ? e.line() : lineOf(e.pointer(), lines)))
                    .toList());
        }
    }

    private List<FieldError> violations(ArticleContent content, Class<?>... groups) {
        return Violations.toFieldErrors(validator.validate(content, groups));
    }

    private static Integer lineOf(String pointer, Map<String, Integer> lines) {
        for (String p = pointer; !p.isEmpty(); p = p.substring(0, p.lastIndexOf('/'))) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
        }
        return null;
    }

    /** Loads the tags while the transaction is open (in batches: a page of articles costs one query). */
    private static Article withTags(Article article) {
        Hibernate.initialize(article.getTags());
        return article;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    // ---- bulk writes (dev.khabar.bulk): the same rules, applied to many articles in one transaction

    /**
     * Checks new content as {@link #create} does (validation, publishable when published or scheduled, a future time
     * when scheduled), without storing anything; {@code lines} adds the source line for text-layout content.
     */
    public void checkNew(ArticleContent content, Map<String, Integer> lines) {
        ArticleState state = content.status() == null ? ArticleState.DRAFT : content.status();
        validate(content, lines, state == ArticleState.PUBLISHED || state == ArticleState.SCHEDULED);
        publicationTime(state, content.publishedAt(), now());
    }

    /**
     * A new article built from checked content ({@link #checkNew}), with its slug and terms already chosen by the
     * caller, stamped at version 1 and not yet persisted: the caller persists it and stores its revision and change
     * entry ({@link #revisionOf}, {@link #changeOf}) in the same transaction.
     */
    public Article assemble(UUID id, String slug, ArticleContent content, Category category, List<Tag> tags,
            Instant now) {
        ArticleState state = content.status() == null ? ArticleState.DRAFT : content.status();
        Article article = new Article(id, slug, Languages.normalise(content.language()).orElseThrow(), now);
        article.move(state.stored(), publicationTime(state, content.publishedAt(), now));
        article.write(content, category, tags);
        article.stamp(now);
        return article;
    }

    /** The present as articles record it (milliseconds). */
    public static Instant clock() {
        return now();
    }
}
