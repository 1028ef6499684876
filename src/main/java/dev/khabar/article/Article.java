package dev.khabar.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.annotations.Type;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import dev.khabar.db.TsVector;
import dev.khabar.db.TsVectorType;
import dev.khabar.taxonomy.Category;
import dev.khabar.taxonomy.Tag;
import dev.khabar.text.Analysis;
import dev.khabar.text.Languages;
import dev.khabar.text.SearchDocument;
import dev.khabar.text.SearchKeys;
import dev.khabar.text.Slugs;
import dev.khabar.text.StructuredText;
import dev.khabar.text.Words;

/**
 * A stored article. Sections, bylines and the image are typed jsonb documents (see V1__articles.sql for why);
 * derived values (word count, list sort key) are kept in step here, whatever path changes the content.
 */
@Entity
@Table(name = "article")
public class Article {
    @Id
    private UUID id;
    private String slug;
    private String language;
    private ArticleStatus status;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id")
    private Category category;
    private String title;
    private String subtitle;
    private String lead;
    // The JSON values are immutable (records in lists that are never changed, a write assigns new ones): Hibernate
    // then keeps them as they are for dirty checking instead of copying each through JSON text on every persist and
    // load.
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private List<Section> sections;
    private String closing;
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "article_tag", joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    @OrderColumn(name = "position")
    private List<Tag> tags = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private List<Byline> authors;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private Image image;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "listed_at")
    private Instant listedAt;
    @Column(name = "translation_group")
    private UUID translationGroup;
    /** The article's id in the system it came from; unique where present. */
    @Column(name = "external_id")
    private String externalId;
    /** Starts at 1 and grows by one with every write. */
    private int version;
    @Column(name = "word_count")
    private int wordCount;
    /**
     * Search keys by weight class (see V2__search.sql), stored only for an article whose search document the database
     * computes from them (see {@link #searchDocument}), empty otherwise (V8__storage.sql). Never read back, so lazy: a
     * read of an article does not fetch them.
     */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "search_a")
    private String searchA;
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "search_b")
    private String searchB;
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "search_c")
    private String searchC;
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "search_d")
    private String searchD;
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "search_title")
    private String searchTitle;
    /**
     * The four classes of keys as the tsvector that search reads (V5__external_id.sql), written in its binary form, or
     * null for the database to compute it from the stored keys.
     */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "search_document")
    @Type(TsVectorType.class)
    private TsVector searchDocument;

    protected Article() {
    }

    public Article(UUID id, String slug, String language, Instant now) {
        this.id = id;
        this.slug = slug;
        this.language = language;
        this.createdAt = now;
        this.updatedAt = now;
        this.translationGroup = id;
    }

    /**
     * Replaces what a client writes (but slug, language and workflow) and recomputes what derives from it. Every write
     * ends with {@link #stamp}.
     */
    void write(ArticleContent content, Category category, List<Tag> tags) {
        this.category = category;
        this.title = content.title();
        this.subtitle = orEmpty(content.subtitle());
        this.lead = orEmpty(content.lead());
        this.sections = List.copyOf(content.sectionsOrEmpty());
        this.closing = orEmpty(content.closing());
        this.tags.clear();
        this.tags.addAll(tags);
        this.authors = List.copyOf(content.authorsOrEmpty());
        this.image = content.image();
        this.externalId = content.externalId();
        index();
        this.wordCount = Words.count(Stream.concat(
                Stream.of(title, subtitle, lead),
                Stream.concat(sections.stream().flatMap(s -> Stream.concat(Stream.of(s.heading()), s.bullets().stream())),
                        Stream.of(closing))));
    }

    /** Moves the article in the workflow; a draft keeps the publication time it had, so it keeps its place in lists. */
    void move(ArticleStatus status, Instant publishedAt) {
        this.status = status;
        this.publishedAt = publishedAt;
        this.listedAt = publishedAt != null ? publishedAt : createdAt;
    }

    /** Ends a write: one more version. */
    void stamp(Instant now) {
        this.updatedAt = now;
        this.version++;
    }

    void joinTranslations(UUID group) {
        this.translationGroup = group;
    }

    /** What a reader is shown at {@code now}: scheduled until the publication time, then published. */
    public ArticleState state(Instant now) {
        return ArticleState.of(status, publishedAt, now);
    }

    /** When the representation last changed: a write, or a scheduled publication time that has passed. */
    public Instant lastModified(Instant now) {
        return stamp().lastModified(now);
    }

    public ArticleStamp stamp() {
        return new ArticleStamp(id, version, status, publishedAt, updatedAt, language);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private void index() {
        List<List<String>> texts = searchTexts();
        this.searchTitle = Analysis.normalisedText(title);
        // Null: the database computes it (a key it might read otherwise than as written, see SearchDocument) and needs
        // the keys for that; otherwise they would only take room.
        this.searchDocument = SearchDocument.of(texts).map(TsVector::new).orElse(null);
        SearchKeys stored = searchDocument == null ? SearchKeys.of(texts) : SearchKeys.NONE;
        this.searchA = stored.a();
        this.searchB = stored.b();
        this.searchC = stored.c();
        this.searchD = stored.d();
    }

    /** The search keys of the article as it is now. */
    public SearchKeys searchKeys() {
        return SearchKeys.of(searchTexts());
    }

    /** The texts of the four weight classes of search (see {@link SearchKeys}). */
    private List<List<String>> searchTexts() {
        List<String> b = new ArrayList<>();
        b.add(subtitle);
        sections.forEach(s -> b.add(s.heading()));
        tags.forEach(t -> b.add(t.getName()));
        b.add(category.getName());
        List<String> c = new ArrayList<>();
        c.add(lead);
        sections.forEach(s -> c.addAll(s.bullets()));
        return List.of(List.of(title), b, c, List.of(closing));
    }

    void rename(String slug, String language) {
        this.slug = slug;
        this.language = language;
    }

    public StructuredText structuredText() {
        return new StructuredText(category.getName(), title, subtitle, lead, sections, closing);
    }

    public int readingTimeMinutes() {
        return Languages.readingTimeMinutes(wordCount, language);
    }

    public String direction() {
        return Languages.direction(language);
    }

    public UUID getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getLanguage() {
        return language;
    }

    public ArticleStatus getStatus() {
        return status;
    }

    public Category getCategory() {
        return category;
    }

    public String getTitle() {
        return title;
    }

    public String getSubtitle() {
        return subtitle;
    }

    public String getLead() {
        return lead;
    }

    public List<Section> getSections() {
        return sections;
    }

    public String getClosing() {
        return closing;
    }

    public List<Tag> getTags() {
        return tags;
    }

    public List<Byline> getAuthors() {
        return authors;
    }

    public Image getImage() {
        return image;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getListedAt() {
        return listedAt;
    }

    public int getVersion() {
        return version;
    }

    public UUID getTranslationGroup() {
        return translationGroup;
    }

    public int getWordCount() {
        return wordCount;
    }

    public String getExternalId() {
        return externalId;
    }

    /**
     * Whether writing {@code content} (its category and tags found by these slugs) would leave the article as it is
     * (see {@link #write}): the same slug (when the content names one), language, category, text, tags in order,
     * bylines, image and external id, and no other workflow state or publication time. A bulk import sent again
     * skips such articles.
     */
    public boolean holds(ArticleContent content, String language, String categorySlug, List<String> tagSlugs) {
        return (content.slug() == null || Slugs.normaliseLookup(content.slug()).equals(slug))
                && language.equals(this.language) && categorySlug.equals(category.getSlug()) && content.title().equals(title)
                && orEmpty(content.subtitle()).equals(subtitle) && orEmpty(content.lead()).equals(lead)
                && content.sectionsOrEmpty().equals(sections) && orEmpty(content.closing()).equals(closing)
                && tagSlugs.equals(tags.stream().map(Tag::getSlug).toList())
                && content.authorsOrEmpty().equals(authors) && Objects.equals(content.image(), image)
                && Objects.equals(content.externalId(), externalId)
                && (content.status() == null || content.status().stored() == status)
                && (content.publishedAt() == null || content.publishedAt().equals(publishedAt));
    }
}
