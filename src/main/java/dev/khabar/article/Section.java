package dev.khabar.article;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.khabar.article.validation.CleanText;

/** A titled list of bullet points; the body of an article is an ordered list of these. */
@Schema(description = "A section of the article body: a heading followed by ordered bullet points.")
public record Section(
        @Schema(description = "Section heading, one line.", maxLength = Limits.HEADING,
                examples = "دور الخارجية الروسية وطلب إعادة العلاقات")
        @NotBlank @Size(max = Limits.HEADING) @CleanText String heading,
        @Schema(description = "Bullet points in reading order, each one line of text.", minItems = 1,
                maxItems = Limits.BULLETS)
        @NotNull @Size(min = 1, max = Limits.BULLETS)
        List<@NotBlank @Size(max = Limits.BULLET) @CleanText String> bullets) {
}
