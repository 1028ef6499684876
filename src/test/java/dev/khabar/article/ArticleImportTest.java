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
                .header("Vary", equalTo("Accept, Authorization"))
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
}
