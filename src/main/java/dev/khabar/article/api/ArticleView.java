package dev.khabar.article.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.khabar.article.Article;
import dev.khabar.article.ArticleState;
import dev.khabar.article.Byline;
import dev.khabar.article.CategoryRef;
import dev.khabar.article.Image;
import dev.khabar.article.Section;
import dev.khabar.taxonomy.Tag;

/** An article as the API shows it: the public contract; field names and order are kept stable. */
@Schema(name = "Article", description = "A structured news article. Lists return teasers (every field but `sections` "
        + "and `closing`) unless `fields` asks otherwise; `fields` may select any subset.")
public record ArticleView(
        @Schema(description = "Stable identifier.", examples = "0b6f1f7e-3c1e-4d4a-9a57-2f0c6f3f2a10") UUID id,
        @Schema(description = "URL slug, unique per language.", examples = "تصاعد-الأزمة-الدبلوماسية-بين-روسيا-وأذربيجان")
        String slug,
        @Schema(description = "BCP 47 language tag.", examples = "ar") String language,
        @Schema(description = "Text direction, derived from the language.", enumeration = { "rtl", "ltr" }, examples = "rtl")
        String direction,
        @Schema(description = "Where the article stands in the workflow: `scheduled` is published with a publication time "
                + "still ahead; it turns `published` by itself.",
                enumeration = { "draft", "scheduled", "published", "archived" }) ArticleState status,
        CategoryRef category,
        @Schema(examples = "تصاعد الأزمة الدبلوماسية بين روسيا وأذربيجان وموسكو تدعو لإعادة العلاقات") String title,
        String subtitle,
        String lead,
        List<Section> sections,
        String closing,
        @Schema(examples = "[\"روسيا\", \"أذربيجان\"]") List<String> tags,
        List<Byline> authors,
        @Schema(nullable = true) Image image,
        @Schema(description = "RFC 3339, UTC; null while a draft has never been published.", nullable = true,
                examples = "2026-11-29T08:30:00Z") Instant publishedAt,
        @Schema(description = "RFC 3339, UTC.", examples = "2026-11-29T08:00:00Z") Instant createdAt,
        @Schema(description = "RFC 3339, UTC.", examples = "2026-11-29T08:30:00Z") Instant updatedAt,
        @Schema(description = "Starts at 1, grows by one with every change.", examples = "1") int version,
        @Schema(description = "Tokens containing a letter or digit, from title to closing.", examples = "431")
        int wordCount,
        @Schema(description = "max(1, ceil(wordCount / reading speed of the language)); speeds from the IReST study "
                + "(Arabic 138, English 228 words per minute).", examples = "4") int readingTimeMinutes,
        @Schema(description = "The article's id in the system it came from, if it was given one (see bulk import); "
                + "null otherwise.", nullable = true, examples = "wp-2026-11-29-4711") String externalId) {

    /** The article as it reads at {@code now} (its status depends on the time: see {@link ArticleState}). */
    public static ArticleView of(Article a, Instant now) {
        return new ArticleView(a.getId(), a.getSlug(), a.getLanguage(), a.direction(), a.state(now),
                new CategoryRef(a.getCategory().getSlug(), a.getCategory().getName()), a.getTitle(), a.getSubtitle(),
                a.getLead(), a.getSections(), a.getClosing(), a.getTags().stream().map(Tag::getName).toList(),
                a.getAuthors(), a.getImage(), a.getPublishedAt(), a.getCreatedAt(), a.getUpdatedAt(), a.getVersion(),
                a.getWordCount(), a.readingTimeMinutes(), a.getExternalId());
    }
}
