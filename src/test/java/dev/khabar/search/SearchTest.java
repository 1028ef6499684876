package dev.khabar.search;

import static dev.khabar.support.Api.SEED;
import static dev.khabar.support.Api.anonymous;
import static dev.khabar.support.Api.article;
import static dev.khabar.support.Api.create;
import static dev.khabar.support.Api.editor;
import static dev.khabar.support.Api.published;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.khabar.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A relevance set: a small corpus of Arabic and English articles, queries that must find a given article through
 * spelling variants, diacritics, clitics, plurals and stemming, and queries that must not. The corpus carries a tag of
 * its own, and every query filters on it, so other tests' articles never interfere.
 */
@QuarkusTest
class SearchTest {

    private static final String TAG = "relevance-" + Api.unique();
    private static Map<String, String> corpus;

    /** Name → id of each article of the corpus, created once. */
    private static synchronized Map<String, String> corpus() {
        if (corpus != null) {
            return corpus;
        }
        Map<String, String> ids = new LinkedHashMap<>();
        String seedId = editor().contentType("text/plain; charset=utf-8").body(SEED)
                .post("/api/v1/articles/import?status=published").then().statusCode(201).extract().path("id");
        Map<String, Object> seed = editor().get("/api/v1/articles/" + seedId).then().extract().as(Map.class);
        seed.put("tags", List.of(TAG));
        editor().contentType(ContentType.JSON).body(seed).put("/api/v1/articles/" + seedId).then().statusCode(200);
        ids.put("seed", seedId);

        ids.put("salah", add("ar", "مُحَمَّد صلاح يقود ليفربول إلى الفوز", "أهداف حاسمة", "سجل النجم المصري هدفين.", "انتهت المباراة."));
        ids.put("economy", add("ar", "الاقتصاد المصري ينمو بثبات", "أرقام جديدة", "قال البنك المركزي إن النمو مستمر.", "يتوقع الخبراء المزيد."));
        ids.put("hospital", add("ar", "افتتاح مستشفى جديد بالمدينة", "خدمات صحية", "افتتح المحافظ المبنى اليوم.", "يخدم المستشفى الآلاف."));
        ids.put("cooperation", add("ar", "مؤتمر للتعاون الإقليمي في عمان", "قمة", "اجتمع الوزراء لبحث الملفات.", "صدر بيان ختامي."));
        ids.put("book", add("ar", "والكتاب الجديد يتصدر معرض القاهرة", "ثقافة", "أقبل القراء على الجناح.", "يستمر المعرض أسبوعا."));
        ids.put("teachers", add("ar", "المعلمون يطالبون بزيادة الأجور", "نقابة", "تجمع مئات أمام الوزارة.", "لم ترد الحكومة."));
        ids.put("official", add("ar", "مسؤول حكومي يستقيل", "استقالة", "أعلن رئيس الهيئة استقالته.", "تعيين بديل قريبا."));
        ids.put("school", add("ar", "افتتاح مدرسة في القرية", "تعليم", "تستقبل المدرسة مئتي طالب.", "شكر الأهالي المتبرعين."));
        ids.put("elections", add("ar", "انتخابات ٢٠٢٤ تنطلق غدا", "اقتراع", "فتحت اللجان أبوابها.", "تعلن النتائج لاحقا."));
        ids.put("urgent", add("ar", "عـاجـل: زلزال يضرب الساحل", "كارثة", "شعر السكان بهزة قوية.", "لا خسائر بشرية."));
        ids.put("inflationTitle", add("ar", "التضخم يرتفع للشهر الثالث", "أسعار", "ارتفعت أسعار الغذاء.", "يراقب المركزي الأسعار."));
        ids.put("inflationClosing", add("ar", "أسواق الخضار تشهد إقبالا", "تجارة", "ازدحمت الأسواق صباحا.", "يخشى التجار من التضخم."));
        ids.put("relations", add("en", "Diplomatic relations between Russia and Azerbaijan", "Talks stall",
                "Diplomats met in Baku on Monday.", "No date was set for new talks."));
        ids.put("egypt", add("en", "Elections in Egypt draw long queues", "Turnout high", "Voters queued early.", "Results are due Friday."));
        ids.put("newYork", add("en", "New York marathon breaks record", "Sport", "Runners crossed the bridges.", "The city celebrated."));
        ids.put("york", add("en", "A new office opens in York", "Business", "The firm hired locally.", "More jobs are planned."));
        ids.put("html", add("en", "Markup <script>alert(1)</script> in a story", "Safety", "Text with <b>tags</b> & ampersands.", "End."));
        Map<String, Object> draft = article("ar", "مسودة سرية عن الزعفران");
        draft.put("tags", List.of(TAG));
        ids.put("draft", create(draft));
        corpus = ids;
        return ids;
    }

    private static String add(String language, String title, String subtitle, String lead, String closing) {
        Map<String, Object> body = published(article(language, title));
        body.put("subtitle", subtitle);
        body.put("lead", lead);
        body.put("closing", closing);
        body.put("sections", List.of(Map.of("heading", "ملخص", "bullets", List.of("تفاصيل."))));
        body.put("tags", List.of(TAG));
        return create(body);
    }

    private static JsonPath search(String q) {
        return anonymous().queryParam("q", q).queryParam("tag", TAG).queryParam("limit", 50)
                .get("/api/v1/search").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> hits(String q) {
        return search(q).getList("items.id");
    }

    private static void finds(String q, String article) {
        assertTrue(hits(q).contains(corpus().get(article)), q + " should find " + article + ", got " + hits(q));
    }

    private static void doesNotFind(String q, String article) {
        assertTrue(!hits(q).contains(corpus().get(article)), q + " should not find " + article);
    }

    @Test
    void spellingVariantsAndDiacriticsMatch() {
        finds("الإقتصاد", "economy");
        finds("الاقتصاد", "seed");
        finds("محمد", "salah");
        finds("مُحَمَّد", "salah");
        finds("مستشفي", "hospital");
        finds("مدرسه", "school");
        finds("مسوول", "official");
        finds("رييس", "official");
        finds("عاجل", "urgent");
        finds("2024", "elections");
        finds("٢٠٢٤", "elections");
        finds("اذربيجان", "seed");
    }

    @Test
    void cliticPrefixesAndPluralsMatch() {
        finds("المدينة", "hospital");
        finds("بالمدينة", "hospital");
        finds("التعاون", "cooperation");
        finds("كتاب", "book");
        finds("والعلاقات", "seed");
        finds("علاقة", "seed");
        finds("معلم", "teachers");
        finds("المعلمين", "teachers");
    }

    @Test
    void englishIsStemmed() {
        finds("relation", "relations");
        finds("diplomat", "relations");
        finds("election", "egypt");
        finds("AZERBAIJAN", "relations");
    }

    @Test
    void unrelatedWordsDoNotMatch() {
        doesNotFind("مدير", "hospital");
        doesNotFind("مكتب", "book");
        doesNotFind("news", "relations");
        doesNotFind("القاهرة", "economy");
        assertEquals(0, search("الزعفران").getInt("total"), "drafts never appear");
    }

    @Test
    void allWordsMustMatchAndSyntaxWorks() {
        assertEquals(List.of(corpus().get("economy")), hits("الاقتصاد المصري"));
        assertEquals(List.of(corpus().get("newYork")), hits("\"new york\""));
        assertEquals(Set.of(corpus().get("newYork"), corpus().get("york")), new HashSet<>(hits("york")));
        assertEquals(List.of(corpus().get("york")), hits("york -marathon"));
        assertEquals(Set.of(corpus().get("egypt"), corpus().get("relations")), new HashSet<>(hits("egypt OR azerbaijan")));
        finds("أذرب*", "seed");
        finds("Azerb*", "relations");
        finds("العلاقات*", "seed");
        finds("relations*", "relations");
        finds("diplomats*", "relations");
        finds("\"إعادة العلاقات\"", "seed");
        doesNotFind("\"العلاقات إعادة\"", "seed");
    }

    @Test
    void badSyntaxDegradesToWords() {
        for (String q : List.of("\"york office", "york OR", "OR york", "- york", "york***", "((york))", "york -", "'; drop table article; --")) {
            anonymous().queryParam("q", q).queryParam("tag", TAG).get("/api/v1/search").then().statusCode(200);
        }
        finds("\"york office", "york");
        finds("((york))", "york");
    }

    @Test
    void tagAndCategoryNamesAreSearchable() {
        corpus();
        String tagWord = TAG.substring(TAG.indexOf('-') + 1);
        assertEquals(18, search(tagWord).getInt("total"), "every published article of the corpus carries the tag");
        assertEquals(corpus().get("seed"), search("سياسية").getString("items[0].id"), "the seed's category name");
    }

    @Test
    void titleMatchOutranksClosingMatch() {
        List<String> ranked = hits("التضخم");
        assertEquals(List.of(corpus().get("inflationTitle"), corpus().get("inflationClosing")), ranked);
    }

    @Test
    void snippetsMarkTheOriginalSpellingAndEscapeHtml() {
        JsonPath economy = search("الإقتصاد");
        assertEquals(corpus().get("economy"), economy.getString("items[0].id"));
        assertEquals("title", economy.getString("items[0].snippets[0].field"));
        assertEquals("<mark>الاقتصاد</mark> المصري ينمو بثبات", economy.getString("items[0].snippets[0].html"));

        JsonPath salah = search("محمد");
        assertEquals("<mark>مُحَمَّد</mark> صلاح يقود ليفربول إلى الفوز", salah.getString("items[0].snippets[0].html"));

        JsonPath markup = search("script");
        assertEquals("Markup &lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt; in a story",
                markup.getString("items[0].snippets[0].html"));
        assertEquals("Text with &lt;b&gt;tags&lt;/b&gt; &amp; ampersands.",
                search("ampersands").getString("items[0].snippets[0].html").replace("<mark>", "").replace("</mark>", ""));
    }

    @Test
    void hitsCarryTheSummaryAndTotal() {
        anonymous().queryParam("q", "روسيا").queryParam("tag", TAG).get("/api/v1/search").then().statusCode(200)
                .body("total", equalTo(1), "totalIsEstimate", equalTo(false),
                        "items[0].id", equalTo(corpus().get("seed")), "items[0].language", equalTo("ar"),
                        "items[0].direction", equalTo("rtl"), "items[0].category.slug", equalTo("اخبار-سياسية"),
                        "items[0].snippets.field", hasItem("title"), "nextCursor", equalTo(null));
    }

    @Test
    void cursorWalksEveryHitOnce() {
        corpus();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = anonymous().queryParam("q", "افتتاح OR التضخم OR york OR الاقتصاد").queryParam("tag", TAG)
                    .queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/search").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(new HashSet<>(seen).size(), seen.size());
        assertEquals(new HashSet<>(hits("افتتاح OR التضخم OR york OR الاقتصاد")), new HashSet<>(seen));
        assertEquals(8, seen.size());
    }

    @Test
    void indexFollowsUpdatesAndDeletes() {
        Map<String, Object> body = published(article("ar", "الزيتون يزدهر هذا الموسم"));
        body.put("tags", List.of(TAG));
        String id = create(body);
        assertEquals(List.of(id), hits("الزيتون"));

        body.put("title", "الحمضيات تزدهر هذا الموسم");
        editor().contentType(ContentType.JSON).body(body).put("/api/v1/articles/" + id).then().statusCode(200);
        assertEquals(List.of(), hits("الزيتون"));
        assertEquals(List.of(id), hits("الحمضيات"));

        editor().delete("/api/v1/articles/" + id).then().statusCode(204);
        assertEquals(List.of(), hits("الحمضيات"));
    }

    @Test
    void blankOrWordlessQueryIs400() {
        for (String q : new String[] { "", "   ", "!!! ...", "-excluded" }) {
            anonymous().queryParam("q", q).get("/api/v1/search").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].parameter", equalTo("q"));
        }
        anonymous().get("/api/v1/search").then().statusCode(400).body("errors[0].parameter", equalTo("q"));
        anonymous().queryParam("q", "x".repeat(501)).get("/api/v1/search").then().statusCode(400);
        anonymous().queryParam("q", "york").queryParam("cursor", "garbage").get("/api/v1/search").then().statusCode(400)
                .body("errors[0].parameter", equalTo("cursor"));
        anonymous().queryParam("q", "york").queryParam("limit", 51).get("/api/v1/search").then().statusCode(400)
                .body("errors[0].parameter", equalTo("limit"));
    }

    @Test
    void suggestCompletesAndForgivesOneTypo() {
        corpus();
        anonymous().queryParam("q", "مؤتمر للتعا").get("/api/v1/search/suggest").then().statusCode(200)
                .body("items.id", hasItem(corpus().get("cooperation")));
        anonymous().queryParam("q", "Azerbajan").queryParam("lang", "en").get("/api/v1/search/suggest").then()
                .statusCode(200).body("items.id", hasItem(corpus().get("relations")), "items[0].direction", equalTo("ltr"));
        anonymous().queryParam("q", "مستشفي").get("/api/v1/search/suggest").then().statusCode(200)
                .body("items.title", hasItem(containsString("مستشفى")));
        anonymous().queryParam("q", "الزعفران").get("/api/v1/search/suggest").then().statusCode(200)
                .body("items", hasSize(0));
        anonymous().queryParam("q", " ").get("/api/v1/search/suggest").then().statusCode(400);
        anonymous().queryParam("q", "مؤ").get("/api/v1/search/suggest").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void matchesAreRestrictedByLanguage() {
        corpus();
        anonymous().queryParam("q", "york").queryParam("tag", TAG).queryParam("lang", "ar").get("/api/v1/search")
                .then().statusCode(200).body("items", hasSize(0));
        anonymous().queryParam("q", "york").queryParam("tag", TAG).queryParam("lang", "en").get("/api/v1/search")
                .then().statusCode(200).body("items", hasSize(2));
    }
}
