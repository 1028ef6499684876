package dev.khabar.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.khabar.article.validation.CleanText;

/** One author credit, in the order the byline shows them. */
@Schema(description = "An author credit.")
public record Byline(
        @Schema(examples = "ليلى حسن", maxLength = Limits.AUTHOR, required = true)
        @NotBlank @Size(max = Limits.AUTHOR) @CleanText String name) {
}
