package dev.khabar.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.khabar.article.validation.CleanText;

/** The category of an article; on input {@code {name}} alone is enough: the category is created on first use. */
@Schema(description = "Category of the article. On input, `name` alone is enough: a category is created on first "
        + "use, with a slug derived from its name; an existing category is found by `slug` or by the slug of `name`.")
public record CategoryRef(
        @Schema(description = "URL slug of the category.", examples = "اخبار-سياسية", maxLength = 80)
        @Size(max = Limits.CATEGORY) @CleanText String slug,
        @Schema(description = "Display name.", examples = "اخبار سياسية", maxLength = Limits.CATEGORY,
                required = true)
        @NotBlank @Size(max = Limits.CATEGORY) @CleanText String name) {
}
