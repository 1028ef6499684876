package dev.khabar.taxonomy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A category or a tag with the number of articles the caller may see in it. */
@Schema(name = "Term", description = "A category or a tag.")
public record Term(
        @Schema(examples = "اخبار-سياسية") String slug,
        @Schema(examples = "اخبار سياسية") String name,
        @Schema(description = "Articles in it that the caller may see.", examples = "12") long articleCount) {
}
