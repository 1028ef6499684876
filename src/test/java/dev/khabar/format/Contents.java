package dev.khabar.format;

import dev.khabar.article.ArticleContent;
import dev.khabar.article.ArticleState;
import dev.khabar.article.CategoryRef;
import dev.khabar.article.api.ArticleView;

/** What an import of a rendered article must give back: the view's content fields as an input. */
final class Contents {

    private Contents() {
    }

    /** {@code categorySlug}: whether the format carries the category's slug (ninjs does; Markdown names it only). */
    static ArticleContent of(ArticleView a, ArticleState state, boolean categorySlug) {
        return new ArticleContent(a.slug(), a.language(), state,
                new CategoryRef(categorySlug ? a.category().slug() : null, a.category().name()), a.title(),
                a.subtitle(), a.lead(), a.sections(), a.closing(), a.tags(), a.authors(), a.image(), null, null, null);
    }
}
