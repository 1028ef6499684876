package dev.khabar.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.khabar.revision.ArticleDiff.BulletChange;
import dev.khabar.revision.ArticleDiff.Diff;
import dev.khabar.revision.ArticleDiff.FieldChange;
import dev.khabar.revision.ArticleDiff.Op;
import dev.khabar.revision.ArticleDiff.SectionChange;
import dev.khabar.revision.ArticleDiff.TextChange;

class ArticleDiffTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String BACKGROUND = "خلفية الأزمة";
    private static final String MOSCOW = "دور الخارجية الروسية";
    private static final String BAKU = "ردود الفعل في باكو";
    private static final String OUTLOOK = "التوقعات";

    private static final String B1 = "اعتقلت السلطات الأذربيجانية عدداً من المواطنين الروس";
    private static final String B2 = "استدعت موسكو السفير الأذربيجاني";
    private static final String B3 = "طالبت الخارجية الروسية بتفسير رسمي";
    private static final String B4 = "نفت باكو وجود دوافع سياسية";
    private static final String B5 = "يتوقع المراقبون تهدئة خلال أسابيع";

    private static ObjectNode article(JsonNode... sections) {
        ObjectNode article = JSON.createObjectNode();
        article.put("id", "0b9f6c1e-5d2a-4c1b-9a57-3f0e2d8c4a11");
        article.put("slug", "تصاعد-الأزمة-بين-موسكو-وباكو");
        article.put("language", "ar");
        article.put("direction", "rtl");
        article.put("status", "draft");
        article.putObject("category").put("slug", "سياسة").put("name", "سياسة");
        article.put("title", "تصاعد الأزمة بين موسكو وباكو");
        article.put("subtitle", "اعتقالات متبادلة وتبادل للاتهامات");
        article.put("lead", "شهدت العلاقات بين روسيا وأذربيجان توتراً جديداً");
        article.putArray("sections").addAll(List.of(sections));
        article.put("closing", "تبقى الأزمة مفتوحة على احتمالات عدة");
        article.putArray("tags").add("روسيا").add("أذربيجان");
        article.putArray("authors").addObject().put("name", "سارة خليل");
        article.putNull("image");
        article.putNull("publishedAt");
        article.put("createdAt", "2026-03-01T09:00:00Z");
        article.put("updatedAt", "2026-03-01T09:00:00Z");
        article.put("version", 1);
        article.put("wordCount", 42);
        article.put("readingTimeMinutes", 1);
        return article;
    }

    private static ObjectNode section(String heading, String... bullets) {
        ObjectNode section = JSON.createObjectNode().put("heading", heading);
        ArrayNode array = section.putArray("bullets");
        for (String bullet : bullets) {
            array.add(bullet);
        }
        return section;
    }

    private static ObjectNode body() {
        return article(section(BACKGROUND, B1), section(MOSCOW, B2, B3), section(BAKU, B4), section(OUTLOOK, B5));
    }

    private static SectionChange section(Op op, Integer fromIndex, Integer toIndex, String from, String to,
            BulletChange... bullets) {
        return new SectionChange(op, fromIndex, toIndex, new TextChange(from, to), List.of(bullets));
    }

    private static SectionChange unchanged(int fromIndex, int toIndex, String heading, BulletChange... bullets) {
        return section(Op.UNCHANGED, fromIndex, toIndex, heading, heading, bullets);
    }

    private static SectionChange changed(int fromIndex, int toIndex, String heading, BulletChange... bullets) {
        return section(Op.CHANGED, fromIndex, toIndex, heading, heading, bullets);
    }

    private static BulletChange same(int fromIndex, int toIndex, String text) {
        return new BulletChange(Op.UNCHANGED, fromIndex, toIndex, text, text);
    }

    private static BulletChange edited(int fromIndex, int toIndex, String from, String to) {
        return new BulletChange(Op.CHANGED, fromIndex, toIndex, from, to);
    }

    private static BulletChange added(int toIndex, String text) {
        return new BulletChange(Op.ADDED, null, toIndex, null, text);
    }

    private static BulletChange removed(int fromIndex, String text) {
        return new BulletChange(Op.REMOVED, fromIndex, null, text, null);
    }

    private static List<SectionChange> unchangedBody() {
        return List.of(unchanged(0, 0, BACKGROUND, same(0, 0, B1)),
                unchanged(1, 1, MOSCOW, same(0, 0, B2), same(1, 1, B3)), unchanged(2, 2, BAKU, same(0, 0, B4)),
                unchanged(3, 3, OUTLOOK, same(0, 0, B5)));
    }

    @Test
    void identicalArticlesHaveNoFieldChangesAndEveryItemUnchanged() {
        Diff diff = ArticleDiff.between(1, body(), 2, body());

        assertEquals(new Diff(1, 2, List.of(), unchangedBody()), diff);
    }

    @Test
    void derivedFieldsAreNeverReported() {
        ObjectNode to = body();
        to.put("id", "another").put("direction", "ltr").put("createdAt", "2026-03-02T00:00:00Z")
                .put("updatedAt", "2026-03-02T10:00:00Z").put("version", 2).put("wordCount", 400)
                .put("readingTimeMinutes", 3);

        assertEquals(List.of(), ArticleDiff.between(1, body(), 2, to).fields());
    }

    @Test
    void changedTitleAndTagsAreTheOnlyFieldChanges() {
        ObjectNode to = body();
        to.put("title", "أزمة دبلوماسية بين موسكو وباكو");
        to.putArray("tags").add("روسيا").add("أذربيجان").add("القوقاز");

        Diff diff = ArticleDiff.between(1, body(), 2, to);

        ArrayNode oldTags = JSON.createArrayNode().add("روسيا").add("أذربيجان");
        ArrayNode newTags = JSON.createArrayNode().add("روسيا").add("أذربيجان").add("القوقاز");
        assertEquals(List.of(
                new FieldChange("title", new TextNode("تصاعد الأزمة بين موسكو وباكو"),
                        new TextNode("أزمة دبلوماسية بين موسكو وباكو")),
                new FieldChange("tags", oldTags, newTags)), diff.fields());
        assertEquals(unchangedBody(), diff.sections());
    }

    @Test
    void everyEditableFieldIsComparedInAFixedOrder() {
        ObjectNode to = article();
        to.put("slug", "s").put("language", "en").put("status", "published").put("title", "t").put("subtitle", "s")
                .put("lead", "l").put("closing", "c").put("publishedAt", "2026-03-02T10:00:00Z");
        to.putObject("category").put("slug", "economy").put("name", "Economy");
        to.putArray("tags");
        to.putArray("authors");
        to.putObject("image").put("url", "https://example.org/a.jpg");

        List<FieldChange> fields = ArticleDiff.between(1, article(), 2, to).fields();

        assertEquals(List.of("slug", "language", "status", "category", "title", "subtitle", "lead", "closing", "tags",
                "authors", "image", "publishedAt"), fields.stream().map(FieldChange::field).toList());
    }

    @Test
    void missingFieldEqualsNullAndNumbersCompareByValue() {
        ObjectNode from = article();
        from.remove("subtitle");
        from.putObject("image").put("url", "https://example.org/a.jpg").put("width", 800);
        ObjectNode to = article();
        to.putNull("subtitle");
        to.remove("publishedAt");
        to.putObject("image").put("url", "https://example.org/a.jpg").put("width", 800L);
        to.put("closing", (String) null);
        to.remove("lead");

        Diff diff = ArticleDiff.between(1, from, 2, to);

        assertEquals(List.of(
                new FieldChange("lead", new TextNode("شهدت العلاقات بين روسيا وأذربيجان توتراً جديداً"),
                        NullNode.getInstance()),
                new FieldChange("closing", new TextNode("تبقى الأزمة مفتوحة على احتمالات عدة"),
                        NullNode.getInstance())),
                diff.fields());
    }

    @Test
    void editedBulletIsOneChangeWithOldAndNewText() {
        String edited = "طالبت الخارجية الروسية بتفسير رسمي وعاجل";
        ObjectNode to = article(section(BACKGROUND, B1), section(MOSCOW, B2, edited), section(BAKU, B4),
                section(OUTLOOK, B5));

        Diff diff = ArticleDiff.between(1, body(), 2, to);

        assertEquals(List.of(), diff.fields());
        assertEquals(List.of(unchanged(0, 0, BACKGROUND, same(0, 0, B1)),
                changed(1, 1, MOSCOW, same(0, 0, B2), edited(1, 1, B3, edited)),
                unchanged(2, 2, BAKU, same(0, 0, B4)), unchanged(3, 3, OUTLOOK, same(0, 0, B5))), diff.sections());
    }

    @Test
    void bulletInsertedInTheMiddleIsAddedAtItsNewPosition() {
        String inserted = "وصف الكرملين الاعتقالات بأنها غير مقبولة";
        ObjectNode to = article(section(BACKGROUND, B1), section(MOSCOW, B2, inserted, B3), section(BAKU, B4),
                section(OUTLOOK, B5));

        Diff diff = ArticleDiff.between(1, body(), 2, to);

        assertEquals(changed(1, 1, MOSCOW, same(0, 0, B2), added(1, inserted), same(1, 2, B3)),
                diff.sections().get(1));
        assertEquals(List.of(unchanged(0, 0, BACKGROUND, same(0, 0, B1)), diff.sections().get(1),
                unchanged(2, 2, BAKU, same(0, 0, B4)), unchanged(3, 3, OUTLOOK, same(0, 0, B5))), diff.sections());
    }

    @Test
    void removedBulletStaysWhereItWas() {
        ObjectNode to = article(section(BACKGROUND, B1), section(MOSCOW, B3), section(BAKU, B4), section(OUTLOOK, B5));

        Diff diff = ArticleDiff.between(1, body(), 2, to);

        assertEquals(List.of(unchanged(0, 0, BACKGROUND, same(0, 0, B1)),
                changed(1, 1, MOSCOW, removed(0, B2), same(1, 0, B3)),
                unchanged(2, 2, BAKU, same(0, 0, B4)), unchanged(3, 3, OUTLOOK, same(0, 0, B5))), diff.sections());
    }

    @Test
    void sectionAddedAtTheEnd() {
        String heading = "موقف أنقرة";
        String bullet = "دعت تركيا إلى الحوار";
        String other = "عرضت أنقرة الوساطة";
        ObjectNode to = body();
        ((ArrayNode) to.get("sections")).add(section(heading, bullet, other));

        Diff diff = ArticleDiff.between(1, body(), 2, to);

        assertEquals(List.of(unchanged(0, 0, BACKGROUND, same(0, 0, B1)),
                unchanged(1, 1, MOSCOW, same(0, 0, B2), same(1, 1, B3)), unchanged(2, 2, BAKU, same(0, 0, B4)),
                unchanged(3, 3, OUTLOOK, same(0, 0, B5)),
                section(Op.ADDED, null, 4, null, heading, added(0, bullet), added(1, other))), diff.sections());
    }

    @Test
    void sectionRemovedInTheMiddleAppearsBetweenItsNeighbours() {
        ObjectNode to = article(section(BACKGROUND, B1), section(BAKU, B4), section(OUTLOOK, B5));

        Diff diff = ArticleDiff.between(1, body(), 2, to);

        assertEquals(List.of(unchanged(0, 0, BACKGROUND, same(0, 0, B1)),
                section(Op.REMOVED, 1, null, MOSCOW, null, removed(0, B2), removed(1, B3)),
                unchanged(2, 1, BAKU, same(0, 0, B4)), unchanged(3, 2, OUTLOOK, same(0, 0, B5))), diff.sections());
    }

    @Test
    void renamedHeadingWithTheSameBulletsIsOneChangedSection() {
        String renamed = "موقف وزارة الخارجية الروسية";
        ObjectNode to = article(section(BACKGROUND, B1), section(renamed, B2, B3), section(BAKU, B4),
                section(OUTLOOK, B5));

        Diff diff = ArticleDiff.between(1, body(), 2, to);

        assertEquals(List.of(unchanged(0, 0, BACKGROUND, same(0, 0, B1)),
                section(Op.CHANGED, 1, 1, MOSCOW, renamed, same(0, 0, B2), same(1, 1, B3)),
                unchanged(2, 2, BAKU, same(0, 0, B4)), unchanged(3, 3, OUTLOOK, same(0, 0, B5))), diff.sections());
    }

    @Test
    void swappedSectionsKeepOneAndMoveTheOther() {
        ObjectNode from = article(section(MOSCOW, B2, B3), section(BAKU, B4));
        ObjectNode to = article(section(BAKU, B4), section(MOSCOW, B2, B3));

        Diff diff = ArticleDiff.between(1, from, 2, to);

        assertEquals(List.of(section(Op.REMOVED, 0, null, MOSCOW, null, removed(0, B2), removed(1, B3)),
                unchanged(1, 0, BAKU, same(0, 0, B4)),
                section(Op.ADDED, null, 1, null, MOSCOW, added(0, B2), added(1, B3))), diff.sections());
    }

    @Test
    void missingOrNullSectionsAreAnEmptyBody() {
        ObjectNode missing = body();
        missing.remove("sections");
        ObjectNode none = body();
        none.putNull("sections");

        assertEquals(new Diff(1, 2, List.of(), List.of()), ArticleDiff.between(1, missing, 2, none));
        assertEquals(List.of(section(Op.ADDED, null, 0, null, OUTLOOK, added(0, B5))),
                ArticleDiff.between(1, none, 2, article(section(OUTLOOK, B5))).sections());
        assertEquals(List.of(section(Op.REMOVED, 0, null, OUTLOOK, null, removed(0, B5))),
                ArticleDiff.between(1, article(section(OUTLOOK, B5)), 2, missing).sections());
    }

    @Test
    void englishGapsArePairedByPositionThenTheSurplusListed() {
        ObjectNode from = article(
                section("Background", "Talks stalled in May", "Both sides blamed each other", "Markets fell"),
                section("Reactions", "The EU urged calm"),
                section("What next", "A summit is planned"));
        ObjectNode to = article(
                section("Background", "Talks stalled in early May", "Markets fell", "Oil rose"),
                section("Reaction abroad", "The EU urged calm", "Washington stayed silent"),
                section("Analysis", "Experts expect a deal"),
                section("What next", "A summit is planned for June"));

        Diff diff = ArticleDiff.between(4, from, 5, to);

        assertEquals(List.of(
                changed(0, 0, "Background", edited(0, 0, "Talks stalled in May", "Talks stalled in early May"),
                        removed(1, "Both sides blamed each other"), same(2, 1, "Markets fell"), added(2, "Oil rose")),
                section(Op.CHANGED, 1, 1, "Reactions", "Reaction abroad", same(0, 0, "The EU urged calm"),
                        added(1, "Washington stayed silent")),
                section(Op.ADDED, null, 2, null, "Analysis", added(0, "Experts expect a deal")),
                changed(2, 3, "What next", edited(0, 0, "A summit is planned", "A summit is planned for June"))),
                diff.sections());
    }

    @Test
    void nullArticlesAndOddValuesAreTolerated() {
        ObjectNode odd = article(JSON.createObjectNode().putNull("heading"), NullNode.getInstance(),
                JSON.createObjectNode().put("heading", "x").put("bullets", "not a list"));

        Diff diff = ArticleDiff.between(0, null, 1, odd);

        assertEquals(List.of("slug", "language", "status", "category", "title", "subtitle", "lead", "closing", "tags",
                "authors"), diff.fields().stream().map(FieldChange::field).toList());
        assertEquals(List.of(section(Op.ADDED, null, 0, null, null), section(Op.ADDED, null, 1, null, null),
                section(Op.ADDED, null, 2, null, "x")), diff.sections());
        assertEquals(new Diff(0, 1, List.of(), List.of()), ArticleDiff.between(0, null, 1, null));
    }

    @Test
    void serialisesWithLowerCaseOpsInDeclaredOrder() throws JsonProcessingException {
        ObjectNode from = article(section(MOSCOW, B2, B3));
        ObjectNode to = article(section(MOSCOW, B2, "طالبت موسكو بتفسير"), section(OUTLOOK, B5));
        to.put("status", "published");

        String json = JSON.writeValueAsString(ArticleDiff.between(3, from, 4, to));

        assertEquals("{\"from\":3,\"to\":4,"
                + "\"fields\":[{\"field\":\"status\",\"from\":\"draft\",\"to\":\"published\"}],"
                + "\"sections\":["
                + "{\"op\":\"changed\",\"fromIndex\":0,\"toIndex\":0,"
                + "\"heading\":{\"from\":\"دور الخارجية الروسية\",\"to\":\"دور الخارجية الروسية\"},"
                + "\"bullets\":["
                + "{\"op\":\"unchanged\",\"fromIndex\":0,\"toIndex\":0,"
                + "\"from\":\"استدعت موسكو السفير الأذربيجاني\",\"to\":\"استدعت موسكو السفير الأذربيجاني\"},"
                + "{\"op\":\"changed\",\"fromIndex\":1,\"toIndex\":1,"
                + "\"from\":\"طالبت الخارجية الروسية بتفسير رسمي\",\"to\":\"طالبت موسكو بتفسير\"}]},"
                + "{\"op\":\"added\",\"fromIndex\":null,\"toIndex\":1,"
                + "\"heading\":{\"from\":null,\"to\":\"التوقعات\"},"
                + "\"bullets\":[{\"op\":\"added\",\"fromIndex\":null,\"toIndex\":0,"
                + "\"from\":null,\"to\":\"يتوقع المراقبون تهدئة خلال أسابيع\"}]}]}", json);
    }
}
