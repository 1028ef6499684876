package dev.khabar.article.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list and the cursor of the next page. */
@Schema(name = "ArticlePage")
public record ArticlePage(
        @Schema(description = "Articles, newest publishedAt first (drafts, which have none, by createdAt).")
        List<ArticleView> items,
        @Schema(description = "Opaque cursor of the next page, to pass as `cursor`; null on the last page.",
                nullable = true, examples = "AAAAAGlK3QgAAAAAy2mGq1jXQ0y3rY8o0aWk8VZGt4Y")
        String nextCursor) {
}
