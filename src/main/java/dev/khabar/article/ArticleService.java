package dev.khabar.article;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import org.hibernate.Hibernate;
import org.hibernate.exception.ConstraintViolationException;

import dev.khabar.article.validation.Violations;
import dev.khabar.taxonomy.Category;
import dev.khabar.taxonomy.CategoryRepository;
import dev.khabar.taxonomy.Tag;
import dev.khabar.taxonomy.TagRepository;
import dev.khabar.text.Languages;
import dev.khabar.text.LayoutException;
import dev.khabar.text.SeedLayout;
import dev.khabar.text.Slugs;

/** The rules of articles: what may be written, how slugs and terms are assigned, who sees what. */
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
    Validator validator;

    /** A page of articles and the cursor of the next one, if there is one. */
    public record Page(List<Article> items, Optional<Cursor> next) {
    }

    @Transactional
    public Optional<Article> find(UUID id, Audience audience) {
        Instant now = now();
        return articles.findWithCategory(id).filter(a -> audience.canSee(a, now)).map(ArticleService::withTags);
    }

    /** By slug (NFC-normalised); without a language, the first article that took the slug among those visible. */
    @Transactional
    public Optional<Article> findBySlug(String slug, Optional<String> language, Audience audience) {
        Instant now = now();
        return articles.findBySlug(Slugs.normaliseLookup(slug), language).stream()
                .filter(a -> audience.canSee(a, now))
                .findFirst()
                .map(ArticleService::withTags);
    }

    @Transactional
    public Page list(ArticleFilter filter, Audience audience) {
        List<Article> rows = articles.page(filter, audience, now());
        boolean more = rows.size() > filter.limit();
        List<Article> items = more ? rows.subList(0, filter.limit()) : rows;
        items.forEach(ArticleService::withTags);
        Optional<Cursor> next = more
                ? Optional.of(new Cursor(items.get(items.size() - 1).getListedAt(), items.get(items.size() - 1).getId()))
                : Optional.empty();
        return new Page(List.copyOf(items), next);
    }

    @Transactional
    public Article create(ArticleContent content) {
        validate(content, Map.of());
        return insert(content);
    }

    /**
     * Parses text in the seed layout and stores it. The language comes from {@code language}, else from the script
     * of the title (Arabic script means {@code ar}); errors name the line they come from.
     */
    @Transactional
    public Article importText(String text, Optional<String> language, ArticleStatus status) {
        SeedLayout.Parsed parsed;
        try {
            parsed = SeedLayout.parse(text);
        } catch (LayoutException e) {
            throw new InvalidArticleException(List.of(new FieldError("", e.getMessage(), e.line())));
        }
        var t = parsed.text();
        String lang = language.orElseGet(() -> {
            if (Languages.hasArabicScript(t.title())) {
                return "ar";
            }
            throw new InvalidArticleException(List.of(new FieldError("/language",
                    "The language cannot be told from the text: give it as ?lang= (a BCP 47 tag such as en).",
                    parsed.lines().get("/title"))));
        });
        ArticleContent content = new ArticleContent(null, lang, status, new CategoryRef(null, t.category()), t.title(),
                t.subtitle(), t.lead(), t.sections(), t.closing(), List.of(), List.of(), null, null);
        validate(content, parsed.lines());
        return insert(content);
    }

    /** Replaces the content of an article; the slug changes only when the body names another one. */
    @Transactional
    public Optional<Article> replace(UUID id, ArticleContent content) {
        validate(content, Map.of());
        // Locked, so that a concurrent DELETE either waits for this write or has already made it a 404.
        Optional<Article> found = articles.findForUpdate(id);
        found.ifPresent(article -> {
            String language = Languages.normalise(content.language()).orElseThrow();
            String slug = article.getSlug();
            if (content.slug() != null && !content.slug().equals(slug)) {
                slug = requestedSlug(content.slug());
            } else if (!language.equals(article.getLanguage())) {
                slug = freeSlug(language, slug);
            }
            if (!slug.equals(article.getSlug()) || !language.equals(article.getLanguage())) {
                articles.lockSlug(language, slug);
                if (articles.slugTaken(language, slug, id)) {
                    throw new SlugTakenException(slug, language);
                }
                article.rename(slug, language);
            }
            article.write(content, statusOf(content), category(content.category()), tags(content.tagsOrEmpty()), now());
            flush(article);
        });
        return found;
    }

    @Transactional
    public boolean delete(UUID id) {
        return articles.delete("id", id) > 0;
    }

    private Article insert(ArticleContent content) {
        String language = Languages.normalise(content.language()).orElseThrow();
        UUID id = UUID.randomUUID();
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
        Instant now = now();
        Article article = new Article(id, slug, language, now);
        article.write(content, statusOf(content), category(content.category()), tags(content.tagsOrEmpty()), now);
        articles.persist(article);
        flush(article);
        return article;
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

    private static String requestedSlug(String requested) {
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
        String slug = ref.slug() != null && !ref.slug().isBlank() ? Slugs.normaliseLookup(ref.slug().strip())
                : Slugs.slugify(ref.name());
        return categories.findOrCreate(slug, ref.name().strip());
    }

    /** Tags in the order given, one per slug (the first spelling wins). */
    private List<Tag> tags(List<String> names) {
        Map<String, String> bySlug = new LinkedHashMap<>();
        for (String name : names) {
            bySlug.putIfAbsent(Slugs.slugify(name), name.strip());
        }
        return tags.findOrCreateAll(bySlug);
    }

    private static ArticleStatus statusOf(ArticleContent content) {
        return content.status() == null ? ArticleStatus.DRAFT : content.status();
    }

    /** Bean Validation plus the rules it cannot express; {@code lines} adds the source line for imported text. */
    private void validate(ArticleContent content, Map<String, Integer> lines) {
        List<FieldError> errors = new ArrayList<>(Violations.toFieldErrors(validator.validate(content)));
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
}
