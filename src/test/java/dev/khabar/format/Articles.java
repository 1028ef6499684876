package dev.khabar.format;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.khabar.article.ArticleState;
import dev.khabar.article.Byline;
import dev.khabar.article.CategoryRef;
import dev.khabar.article.Image;
import dev.khabar.article.Section;
import dev.khabar.article.api.ArticleView;
import dev.khabar.support.Api;
import dev.khabar.text.SeedLayout;
import dev.khabar.text.StructuredText;

/** Article views for the format tests: the Arabic seed article with every optional field, and a short English one. */
final class Articles {

    static final Instant CREATED = Instant.parse("2026-11-29T08:00:00Z");
    static final Instant UPDATED = Instant.parse("2026-11-29T08:30:00Z");

    private Articles() {
    }

    static ArticleView arabic() {
        StructuredText t = SeedLayout.parse(Api.SEED).text();
        return new ArticleView(UUID.fromString("0b6f1f7e-3c1e-4d4a-9a57-2f0c6f3f2a10"),
                "تصاعد-الأزمة-الدبلوماسية-بين-روسيا-وأذربيجان", "ar", "rtl", ArticleState.PUBLISHED,
                new CategoryRef("اخبار-سياسية", t.category()), t.title(), t.subtitle(), t.lead(), t.sections(),
                t.closing(), List.of("روسيا", "أذربيجان"), List.of(new Byline("ليلى حسن"), new Byline("عمر خالد")),
                new Image("https://cdn.example.com/baku.jpg", "مبنى وزارة الخارجية الروسية في موسكو",
                        "وزارة الخارجية الروسية", "رويترز", 1600, 900),
                UPDATED, CREATED, UPDATED, 3, 409, 3, null);
    }

    static ArticleView english() {
        return new ArticleView(UUID.fromString("5d0c2a8e-9f0b-4c55-8a1e-0c3f6b2d7e41"), "moscow-urges-baku", "en", "ltr",
                ArticleState.PUBLISHED, new CategoryRef("politics", "Politics"), "Moscow urges Baku to restore ties",
                "A diplomatic row deepens", "Relations between Russia and Azerbaijan have deteriorated.",
                List.of(new Section("The appeal", List.of("The ministry urged Baku to restore ties.",
                        "It spoke of \u201cstrategic cooperation\u201d."))),
                "The future depends on both capitals.", List.of("Russia", "Azerbaijan"),
                List.of(new Byline("Layla Hassan")), null, UPDATED, CREATED, UPDATED, 2, 36, 1, null);
    }

    /** The same article in another workflow state. */
    static ArticleView in(ArticleView a, ArticleState state, Instant publishedAt) {
        return new ArticleView(a.id(), a.slug(), a.language(), a.direction(), state, a.category(), a.title(),
                a.subtitle(), a.lead(), a.sections(), a.closing(), a.tags(), a.authors(), a.image(), publishedAt,
                a.createdAt(), a.updatedAt(), a.version(), a.wordCount(), a.readingTimeMinutes(), a.externalId());
    }

    /** The same article with other text. */
    static ArticleView with(ArticleView a, String title, String subtitle, String lead, List<Section> sections,
            String closing) {
        return new ArticleView(a.id(), a.slug(), a.language(), a.direction(), a.status(), a.category(), title, subtitle,
                lead, sections, closing, a.tags(), a.authors(), a.image(), a.publishedAt(), a.createdAt(),
                a.updatedAt(), a.version(), a.wordCount(), a.readingTimeMinutes(), a.externalId());
    }
}
