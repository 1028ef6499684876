package dev.khabar.article;

import static dev.khabar.support.Api.SEED;
import static dev.khabar.support.Api.anonymous;
import static dev.khabar.support.Api.editor;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.khabar.support.Api;
import dev.khabar.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ArticleImportTest {

    private static final String TEXT = "text/plain; charset=utf-8";

    @Inject
    Db db;

    private Response importText(String text, String query) {
        return editor().contentType(TEXT).body(text).when().post("/api/v1/articles/import" + query);
    }

    /** The seed with a unique title, so that each test gets its own slug. */
    private static String seedTitled(String suffix) {
        return SEED.replaceFirst("\n", "\n" + suffix + " ");
    }

    @Test
    void importsSeedArticleIntoFiveSections() {
        String id = importText(SEED, "?status=published").then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/articles/[0-9a-f-]{36}"))
                .body("language", equalTo("ar"), "direction", equalTo("rtl"), "status", equalTo("published"),
                        "category.name", equalTo("اخبار سياسية"), "category.slug", equalTo("اخبار-سياسية"),
                        "title", equalTo("تصاعد الأزمة الدبلوماسية بين روسيا وأذربيجان وموسكو تدعو لإعادة العلاقات"),
                        "subtitle", equalTo("تطورات العلاقات بين روسيا وأذربيجان: تصعيد دبلوماسي وتحديات أمنية"),
                        "lead", startsWith("شهدت العلاقات بين روسيا وأذربيجان تصعيداً دبلوماسياً"),
                        "lead", endsWith("على مستوى المواقف السياسية والأمنية."),
                        "sections.heading", contains("دور الخارجية الروسية وطلب إعادة العلاقات",
                                "الخلافات الأمنية وتبادل العمليات", "توجيهات وتحذيرات من موسكو",
                                "تطورات العلاقات الاقتصادية والسياسية", "ملامح العلاقات العسكرية والاقتصادية"),
                        "sections[0].bullets", hasSize(3), "sections[1].bullets", hasSize(2),
                        "sections[2].bullets", hasSize(2), "sections[3].bullets", hasSize(2),
                        "sections[4].bullets", hasSize(2),
                        "sections[0].bullets[0]", startsWith("حثّت وزارة الخارجية الروسية"),
                        "sections[4].bullets[1]", endsWith("وهو ما يقلص مدى تأثير موسكو."),
                        "closing", startsWith("وفي ظل هذه التطورات"),
                        "tags", hasSize(0), "authors", hasSize(0), "image", nullValue(),
                        "publishedAt", notNullValue(), "version", is(1),
                        "wordCount", is(409), "readingTimeMinutes", is(3))
                .extract().path("id");

        assertEquals("published", db.value("select status from article where id = ?", UUID.fromString(id)));
        assertEquals(5L, db.count("select jsonb_array_length(sections) from article where id = ?", UUID.fromString(id)));
        anonymous().get("/api/v1/articles/" + id).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void seedComesBackByteForByteAsText() {
        String id = importText(SEED, "?status=published").then().statusCode(201).extract().path("id");

        byte[] text = anonymous().accept("text/plain").when().get("/api/v1/articles/" + id)
                .then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .header("Vary", equalTo("Accept, Authorization, Accept-Encoding"))
                .extract().asByteArray();

        assertEquals(SEED, new String(text, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void importsDraftByDefaultAndHidesItFromAnonymousReaders() {
        String id = importText(seedTitled(Api.unique()), "").then().statusCode(201)
                .body("status", equalTo("draft"), "publishedAt", nullValue()).extract().path("id");

        anonymous().get("/api/v1/articles/" + id).then().statusCode(404);
        editor().get("/api/v1/articles/" + id).then().statusCode(200);
    }

    @Test
    void toleratesWhatEditorsPaste() {
        String messy = "\uFEFF" + "Politics  \r\n"
                + "Talks resume in Baku " + Api.unique() + "\r\n\r\n\r\n"
                + "Subtitle here   \r\n"
                + "Lead paragraph.\r\n"
                + "First heading\r\n"
                + "• bullet one\r\n"
                + "– bullet two\r\n"
                + "\r\n"
                + "Second heading\r\n"
                + "* bullet three\r\n"
                + "- bullet four   \r\n"
                + "Closing words.\r\n\r\n";

        importText(messy, "?lang=en").then().statusCode(201)
                .body("language", equalTo("en"), "direction", equalTo("ltr"),
                        "category.name", equalTo("Politics"), "subtitle", equalTo("Subtitle here"),
                        "sections.heading", contains("First heading", "Second heading"),
                        "sections[0].bullets", contains("bullet one", "bullet two"),
                        "sections[1].bullets", contains("bullet three", "bullet four"),
                        "closing", equalTo("Closing words."));
    }

    @Test
    void englishTextWithoutLangIsRefused() {
        String english = "Politics\nTalks resume\n\nSub\nLead.\nHeading\n- point\nClosing.";

        importText(english, "").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/language"), "errors[0].line", is(2));
    }

    @Test
    void textWithoutTheLayoutNamesTheLineAtFault() {
        String noBullets = "اخبار\nعنوان\n\nعنوان فرعي\nمقدمة\nعنوان قسم\nفقرة بلا نقاط\nخاتمة";

        importText(noBullets, "").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:khabar:problem:text-layout"),
                        "errors[0].line", is(6),
                        "detail", startsWith("Line 6: A section heading must be followed by bullet lines"));
    }

    @Test
    void textEndingWithBulletIsRefusedAtThatLine() {
        importText("اخبار\nعنوان\n\nعنوان فرعي\nمقدمة\nقسم\n- نقطة", "").then().statusCode(400)
                .body("errors[0].line", is(7), "detail", startsWith("Line 7: The article must end with a closing"));
    }

    @Test
    void emptyTextIsRefused() {
        importText("", "").then().statusCode(400).body("errors[0].line", is(1));
    }

    @Test
    void overlongBulletInTextNamesItsLine() {
        String text = "اخبار\nعنوان " + Api.unique() + "\n\nعنوان فرعي\nمقدمة\nقسم\n- " + "ب".repeat(2001) + "\nخاتمة";

        importText(text, "").then().statusCode(400)
                .body("type", equalTo("urn:khabar:problem:validation"),
                        "errors[0].pointer", equalTo("/sections/0/bullets/0"), "errors[0].line", is(7));
    }

    @Test
    void unknownStatusAndLanguageParametersAreRefused() {
        importText(SEED, "?status=archived").then().statusCode(400).body("errors[0].parameter", equalTo("status"));
        importText(SEED, "?lang=not_a_tag").then().statusCode(400).body("errors[0].parameter", equalTo("lang"));
    }

    @Test
    void importNeedsTheToken() {
        anonymous().contentType(TEXT).body(SEED).post("/api/v1/articles/import").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    private static final String MARKDOWN = "text/markdown; charset=utf-8";
    private static final String NINJS = "application/ninjs+json; charset=utf-8";

    private static String arabicMarkdown(String unique) {
        return """
                ---
                category: اخبار سياسية
                tags:
                  - روسيا
                authors:
                  - ليلى حسن
                image:
                  url: https://cdn.example.com/baku.jpg
                  alt: مبنى الخارجية
                  width: 1600
                ---

                # موسكو تدعو باكو إلى إعادة العلاقات %s

                **تصعيد دبلوماسي وتحديات أمنية**

                شهدت العلاقات بين روسيا وأذربيجان تصعيداً دبلوماسياً.

                ## دور الخارجية الروسية

                - حثّت وزارة الخارجية الروسية أذربيجان على إعادة تفعيل علاقاتهما.
                - دعت موسكو إلى الإفراج عن المواطنين الروس.

                يبقى مستقبل العلاقات مرهوناً بكيفية التعامل مع التحديات.
                """.formatted(unique);
    }

    private static String englishNinjs(String title) {
        return """
                {"uri": "https://wire.example/items/1", "type": "text", "language": "en",
                 "headlines": [{"role": "main", "value": "%s"}, {"role": "subhead", "value": "A row deepens"}],
                 "descriptions": [{"role": "summary", "value": "Relations have deteriorated."}],
                 "bodies": [{"contentType": "application/xhtml+xml",
                             "value": "<article><section><h2>The appeal</h2><ul><li>Restore ties.</li></ul></section><p class=\\"closing\\">Both capitals decide.</p></article>"}],
                 "subjects": [{"name": "Politics", "rel": "category"}, {"name": "Russia", "rel": "tag"}],
                 "people": [{"name": "Layla Hassan", "rel": "author"}],
                 "slugline": "baku-talks-%s"}""".formatted(title, Api.unique());
    }

    @Test
    void importsArabicMarkdownWithItsFrontMatter() {
        String unique = Api.unique();
        editor().contentType(MARKDOWN).body(arabicMarkdown(unique)).post("/api/v1/articles/import?status=published")
                .then().statusCode(201)
                .body("language", equalTo("ar"), "direction", equalTo("rtl"), "status", equalTo("published"),
                        "category.name", equalTo("اخبار سياسية"), "title", equalTo("موسكو تدعو باكو إلى إعادة العلاقات " + unique),
                        "subtitle", equalTo("تصعيد دبلوماسي وتحديات أمنية"),
                        "lead", equalTo("شهدت العلاقات بين روسيا وأذربيجان تصعيداً دبلوماسياً."),
                        "sections[0].heading", equalTo("دور الخارجية الروسية"), "sections[0].bullets", hasSize(2),
                        "closing", equalTo("يبقى مستقبل العلاقات مرهوناً بكيفية التعامل مع التحديات."),
                        "tags", contains("روسيا"), "authors[0].name", equalTo("ليلى حسن"),
                        "image.url", equalTo("https://cdn.example.com/baku.jpg"), "image.width", is(1600),
                        "version", is(1));
    }

    @Test
    void importsEnglishNinjs() {
        String title = "Moscow urges Baku " + Api.unique();
        editor().contentType(NINJS).body(englishNinjs(title)).post("/api/v1/articles/import?status=published")
                .then().statusCode(201)
                .body("language", equalTo("en"), "title", equalTo(title), "subtitle", equalTo("A row deepens"),
                        "lead", equalTo("Relations have deteriorated."), "sections[0].heading", equalTo("The appeal"),
                        "sections[0].bullets", contains("Restore ties."), "closing", equalTo("Both capitals decide."),
                        "category.name", equalTo("Politics"), "tags", contains("Russia"),
                        "authors[0].name", equalTo("Layla Hassan"), "slug", startsWith("baku-talks-"));
    }

    @Test
    void dryRunShowsTheArticleAndWarningsAndStoresNothing() {
        long articles = db.count("select count(*) from article");
        long revisions = db.count("select count(*) from article_revision");
        long changes = db.count("select count(*) from article_change");
        long categories = db.count("select count(*) from category");
        String unique = Api.unique();

        editor().contentType(TEXT).body(seedTitled(unique).replace("\n- لفتت", "\n• لفتت"))
                .post("/api/v1/articles/import?dryRun=true&status=published").then().statusCode(200)
                .contentType("application/json")
                .header("Location", nullValue())
                .body("article.language", equalTo("ar"), "article.status", equalTo("published"),
                        "article.title", startsWith(unique + " تصاعد الأزمة"), "article.sections", hasSize(5),
                        "article.id", nullValue(), "article.containsKey('slug')", is(false),
                        "warnings", hasSize(2),
                        "warnings[0].line", is(2),
                        "warnings[0].message", equalTo("No language given: 'ar' taken from the Arabic script of the title."),
                        "warnings[1].line", is(8), "warnings[1].message", equalTo("Bullet mark '•' read as '- '."));

        String markdown = arabicMarkdown(unique).replace("draft-key", "x").replace("---\ncategory:",
                "---\nrating: 5\ncategory:");
        editor().contentType(MARKDOWN).body(markdown).post("/api/v1/articles/import?dryRun=true&lang=ar")
                .then().statusCode(200)
                .body("article.title", equalTo("موسكو تدعو باكو إلى إعادة العلاقات " + unique),
                        "article.status", equalTo("draft"), "article.image.width", is(1600),
                        "warnings[0].line", is(2), "warnings[0].message", equalTo("Front matter key 'rating' ignored."));

        String ninjs = englishNinjs("Dry " + unique).replace("\"people\"", "\"by\": \"Wire staff\", \"x-people\"");
        editor().contentType(NINJS).body(ninjs.replace("\"x-people\": [{\"name\": \"Layla Hassan\", \"rel\": \"author\"}],", ""))
                .post("/api/v1/articles/import?dryRun=true").then().statusCode(200)
                .body("article.title", equalTo("Dry " + unique), "article.authors[0].name", equalTo("Wire staff"),
                        "warnings[0].pointer", equalTo("/by"),
                        "warnings[0].message", equalTo("No people with rel 'author': 'by' read as one author."));

        assertEquals(articles, db.count("select count(*) from article"));
        assertEquals(0L, db.count("select count(*) from article where title like ?", "%" + unique + "%"));
        assertEquals(revisions, db.count("select count(*) from article_revision"));
        assertEquals(changes, db.count("select count(*) from article_change"));
        assertEquals(categories, db.count("select count(*) from category"));
    }

    @Test
    void dryRunChecksLikeAnImport() {
        String text = "اخبار\nعنوان " + Api.unique() + "\n\nعنوان فرعي\nمقدمة\nقسم\n- " + "ب".repeat(2001) + "\nخاتمة";
        importText(text, "?dryRun=true").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/sections/0/bullets/0"), "errors[0].line", is(7));
        importText(SEED, "?dryRun=yes").then().statusCode(400).body("errors[0].parameter", equalTo("dryRun"));
        importText(seedTitled(Api.unique()), "?dryRun=false").then().statusCode(201);
    }

    @Test
    void markdownErrorsNameTheLine() {
        String markdown = "---\ncategory: Politics\nlanguage: en\n---\n\n# Talks " + Api.unique()
                + "\n\nLead.\n\n## A heading without bullets\n\nClosing.\n";
        editor().contentType(MARKDOWN).body(markdown).post("/api/v1/articles/import").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:khabar:problem:text-layout"), "errors[0].line", is(10),
                        "detail", equalTo("Line 10: A section heading must be followed by bullet lines (starting "
                                + "with '- ')."));
        editor().contentType(MARKDOWN).body("---\ncategory: Politics\nlanguage: en\n---\n# " + "T".repeat(301) + "\n")
                .post("/api/v1/articles/import").then().statusCode(400)
                .body("type", equalTo("urn:khabar:problem:validation"), "errors[0].pointer", equalTo("/title"),
                        "errors[0].line", is(5));
        editor().contentType(MARKDOWN).body("# Talks\n").post("/api/v1/articles/import?lang=en").then().statusCode(400)
                .body("errors[0].line", is(1), "detail", startsWith("Line 1: The category is missing"));
    }

    @Test
    void ninjsErrorsNameTheJsonPointer() {
        String title = "T".repeat(301);
        editor().contentType(NINJS).body(englishNinjs(title)).post("/api/v1/articles/import").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:khabar:problem:validation"),
                        "errors[0].pointer", equalTo("/headlines/0/value"),
                        "errors[0].detail", equalTo("size must be between 0 and 300"));
        editor().contentType(NINJS).body("{\"headlines\": [{\"value\": 7}], \"language\": \"en\"}")
                .post("/api/v1/articles/import").then().statusCode(400)
                .body("errors.pointer", contains("/headlines/0/value", "/subjects"));
        editor().contentType(NINJS).body("{\"headlines\": [").post("/api/v1/articles/import").then().statusCode(400)
                .body("type", equalTo("urn:khabar:problem:malformed-body"));
        editor().contentType(NINJS).body("[]").post("/api/v1/articles/import").then().statusCode(400)
                .body("type", equalTo("urn:khabar:problem:malformed-body"));
        editor().contentType(NINJS).body(englishNinjs("No language " + Api.unique()).replace("\"language\": \"en\",", ""))
                .post("/api/v1/articles/import").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/language"));
    }

    @Test
    void otherContentTypesAreRefused() {
        editor().contentType("application/json").body("{}").post("/api/v1/articles/import").then().statusCode(415)
                .contentType("application/problem+json");
        editor().contentType("text/html").body("<p>x</p>").post("/api/v1/articles/import").then().statusCode(415);
    }
}
