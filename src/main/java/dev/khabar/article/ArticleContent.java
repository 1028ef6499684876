package dev.khabar.article;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.khabar.article.validation.CleanText;
import dev.khabar.article.validation.Publishable;

/**
 * What a client writes: everything an article holds except what the service derives. It accepts the body that a
 * read returned, as is: the derived fields are listed as ignored, anything else unknown is refused.
 */
@Schema(name = "ArticleInput", description = "An article as a client writes it. The body returned by a read can be "
        + "sent back as is: read-only fields (id, direction, version, wordCount, readingTimeMinutes, createdAt, "
        + "updatedAt) are ignored. Unknown fields are refused with 400.")
@JsonIgnoreProperties(value = { "id", "direction", "version", "wordCount", "readingTimeMinutes", "createdAt",
        "updatedAt" })
public record ArticleContent(
        @Schema(description = "URL slug, unique per language. Derived from the title when absent; kept when the title "
                + "changes.", maxLength = 80, examples = "تصاعد-الأزمة-الدبلوماسية-بين-روسيا-وأذربيجان")
        @Size(max = 200) @CleanText String slug,
        @Schema(description = "BCP 47 language tag.", examples = "ar", maxLength = 35,
                required = true)
        @NotBlank @Size(max = 35) String language,
        @Schema(description = "Workflow status, set when the article is created (`draft` when absent; `published` with a "
                + "future `publishedAt` schedules it). Later changes go through the transitions (`/publish`, "
                + "`/unpublish`, `/archive`): a replace or patch that names another status is refused with 409.",
                enumeration = { "draft", "scheduled", "published", "archived" })
        ArticleState status,
        @Schema(required = true) @NotNull @Valid CategoryRef category,
        @Schema(examples = "تصاعد الأزمة الدبلوماسية بين روسيا وأذربيجان", maxLength = Limits.TITLE,
                required = true)
        @NotBlank @Size(max = Limits.TITLE) @CleanText String title,
        @Schema(description = "Required once the article is published; a draft may leave it empty.",
                maxLength = Limits.SUBTITLE)
        @NotBlank(groups = Publishable.class) @Size(max = Limits.SUBTITLE) @CleanText String subtitle,
        @Schema(description = "Lead paragraph. Required once the article is published.", maxLength = Limits.PARAGRAPH)
        @NotBlank(groups = Publishable.class) @Size(max = Limits.PARAGRAPH) @CleanText String lead,
        @Schema(description = "Body sections in reading order.", maxItems = Limits.SECTIONS)
        @Size(max = Limits.SECTIONS) List<@NotNull @Valid Section> sections,
        @Schema(description = "Closing paragraph. Required once the article is published.", maxLength = Limits.PARAGRAPH)
        @NotBlank(groups = Publishable.class) @Size(max = Limits.PARAGRAPH) @CleanText String closing,
        @Schema(description = "Free tags; a tag is created on first use and found again by its slug.",
                maxItems = Limits.TAGS, examples = "[\"روسيا\", \"أذربيجان\"]")
        @Size(max = Limits.TAGS) List<@NotBlank @Size(max = Limits.TAG) @CleanText String> tags,
        @Schema(description = "Bylines in display order.", maxItems = Limits.AUTHORS)
        @Size(max = Limits.AUTHORS) List<@NotNull @Valid Byline> authors,
        @Valid Image image,
        @Schema(description = "When the article was (or is to be) published, RFC 3339; set when it is created, later "
                + "only through `/publish`. Now when an article is published without it.",
                examples = "2026-11-29T08:30:00Z")
        Instant publishedAt,
        @Schema(description = "Id of an article this one translates (another language of the same story). Only when "
                + "the article is created.", examples = "0b6f1f7e-3c1e-4d4a-9a57-2f0c6f3f2a10", writeOnly = true)
        UUID translationOf,
        @Schema(description = "The article's id in the system it comes from (an old CMS, a wire service): 1-200 "
                + "visible ASCII characters, unique among articles. A bulk import that sends it again updates the "
                + "article instead of creating another. Public: readers see it too.", maxLength = 200,
                pattern = "^[!-~]{1,200}$", examples = "wp-2026-11-29-4711", nullable = true)
        @Size(min = 1, max = EXTERNAL_ID_LENGTH)
        @Pattern(regexp = "[!-~]*", message = "must be visible ASCII characters (U+0021 to U+007E): no spaces, "
                + "no control characters, no other scripts")
        String externalId) {

    /** The longest external id, in characters. */
    public static final int EXTERNAL_ID_LENGTH = 200;

    /** This input with another external id. */
    public ArticleContent withExternalId(String id) {
        return new ArticleContent(slug, language, status, category, title, subtitle, lead, sections, closing, tags,
                authors, image, publishedAt, translationOf, id);
    }

    public List<Section> sectionsOrEmpty() {
        return sections == null ? List.of() : sections;
    }

    public List<String> tagsOrEmpty() {
        return tags == null ? List.of() : tags;
    }

    public List<Byline> authorsOrEmpty() {
        return authors == null ? List.of() : authors;
    }
}
