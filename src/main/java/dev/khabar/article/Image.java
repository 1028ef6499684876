package dev.khabar.article;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.khabar.article.validation.CleanText;

/** A reference to the featured image; the API stores the reference, not the picture. */
@Schema(description = "Featured image reference.")
public record Image(
        @Schema(description = "Absolute http(s) URL of the image.", examples = "https://cdn.example.com/baku.jpg",
                maxLength = Limits.URL, required = true)
        @NotBlank @Size(max = Limits.URL) @Pattern(regexp = "https?://[^\\s]+", message = "must be an absolute http or https URL")
        String url,
        @Schema(description = "Text alternative for screen readers.", examples = "مبنى وزارة الخارجية الروسية في موسكو",
                maxLength = Limits.IMAGE_TEXT)
        @Size(max = Limits.IMAGE_TEXT) @CleanText String alt,
        @Schema(maxLength = Limits.IMAGE_TEXT, examples = "وزارة الخارجية الروسية")
        @Size(max = Limits.IMAGE_TEXT) @CleanText String caption,
        @Schema(maxLength = Limits.AUTHOR, examples = "رويترز")
        @Size(max = Limits.AUTHOR) @CleanText String credit,
        @Schema(description = "Width in pixels.", minimum = "1", maximum = "100000", examples = "1600")
        @Min(1) @Max(Limits.IMAGE_SIDE) Integer width,
        @Schema(description = "Height in pixels.", minimum = "1", maximum = "100000", examples = "900")
        @Min(1) @Max(Limits.IMAGE_SIDE) Integer height) {
}
