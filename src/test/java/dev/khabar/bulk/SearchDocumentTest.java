package dev.khabar.bulk;

import static dev.khabar.bulk.Bulk.article;
import static dev.khabar.bulk.Bulk.ndjson;
import static dev.khabar.bulk.Bulk.upload;
import static dev.khabar.support.Api.SEED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.khabar.article.ArticleRepository;
import dev.khabar.support.Api;
import dev.khabar.support.Db;
import dev.khabar.text.SearchKeys;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The search document the service writes (dev.khabar.text.SearchDocument) is the very tsvector PostgreSQL would compute
 * from the article's search keys, for single and bulk writes, in Arabic and English, with repeated words past the
 * limits; keys the parser reads otherwise (a number such as 251e1 inside a word, Cyrillic) are left to the database,
 * and only then are the keys stored (V8__storage.sql).
 */
@QuarkusTest
class SearchDocumentTest {

    private static final String COMPUTED = "setweight(to_tsvector('simple', ?), 'A') || "
            + "setweight(to_tsvector('simple', ?), 'B') || setweight(to_tsvector('simple', ?), 'C') || "
            + "setweight(to_tsvector('simple', ?), 'D')";

    @Inject
    Db db;
    @Inject
    ArticleRepository articles;

    @Test
    void isWhatPostgresqlComputesFromTheSearchKeys() {
        // Letters only: a word such as 1b7f6d1e would make PostgreSQL compute every document of the test.
        String u = Api.uniqueLetters();
        Map<String, Object> repeated = article("en", "Oil oil oil prices " + u, "doc-" + u + "-3");
        // One word 300 times in a bullet and again in the closing: past the 255 and 256 positions a word keeps.
        repeated.put("sections", List.of(Map.of("heading", "Oil and oil", "bullets", List.of("oil ".repeat(300).strip(),
                "٢٠٢٤ و 2024 والعلاقات العلاقات علاقة"))));
        repeated.put("closing", "oil " + "word ".repeat(200) + "oil");
        // Keys of the lead and bullets well past the 100,000 characters a class keeps, and past position 16,383: every
        // word a new one, so that where the class is cut shows in the document.
        Map<String, Object> longest = article("en", "Long read " + u, "doc-" + u + "-6");
        List<Map<String, Object>> sections = new ArrayList<>();
        int word = 0;
        for (int section = 0; section < 2; section++) {
            List<String> bullets = new ArrayList<>();
            for (int bullet = 0; bullet < 40; bullet++) {
                StringBuilder text = new StringBuilder();
                while (text.length() < 1_980) {
                    text.append("w").append(Integer.toString(word++, 26).chars()
                            .map(ch -> ch <= '9' ? 'q' + ch - '0' : ch).collect(StringBuilder::new,
                                    StringBuilder::appendCodePoint, StringBuilder::append)).append(' ');
                }
                bullets.add(text.toString().strip());
            }
            sections.add(Map.of("heading", "Part " + section, "bullets", bullets));
        }
        longest.put("sections", sections);
        Map<String, Object> unpredictable = article("en", "Moscow talks " + u, "doc-" + u + "-5");
        unpredictable.put("tags", List.of("Oil", "نفط", "251e1b3c", "Москва"));
        List<Map<String, Object>> answer = upload(ndjson(
                Map.of("text", SEED.replaceFirst("\n", "\n" + u + " "), "externalId", "doc-" + u + "-1"),
                article("en", "Moscow urges Baku " + u, "doc-" + u + "-2"), repeated, unpredictable, longest));
        assertEquals(List.of(201, 201, 201, 201, 201), answer.stream().map(a -> a.get("status")).toList());
        Api.create(article("ar", "مقال منفرد عن النفط " + u, "doc-" + u + "-4"));

        assertEquals(List.of(Map.of("external_id", "doc-" + u + "-5")), db.rows("select external_id from article "
                + "where external_id like ? and search_a <> ''", "doc-" + u + "-%"),
                "the keys are stored for the article whose document the database computes, and only for it");
        List<UUID> ids = db.rows("select id from article where external_id like ? order by external_id",
                "doc-" + u + "-%").stream().map(r -> (UUID) r.get("id")).toList();
        assertEquals(6, ids.size());
        assertTrue(((Number) db.value("select length(?)", articleKeys(ids.get(5)).c())).intValue() > 99_900,
                "the long article's lead and bullets are cut near 100,000 characters of keys");
        assertEquals(List.of(), differing(ids));
        // And every article written by any test so far.
        assertEquals(List.of(), differing(db.rows("select id from article").stream().map(r -> (UUID) r.get("id")).toList()));
    }

    private SearchKeys articleKeys(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> articles.findWithCategory(id).orElseThrow().searchKeys());
    }

    /** The articles whose stored search document is not PostgreSQL's tsvector of their keys, with both. */
    private List<Map<String, Object>> differing(List<UUID> ids) {
        List<Map<String, Object>> differing = new ArrayList<>();
        for (UUID id : ids) {
            SearchKeys keys = articleKeys(id);
            differing.addAll(db.rows("select id, search_document::text stored, (" + COMPUTED + ")::text computed "
                    + "from article where id = ? and search_document is distinct from (" + COMPUTED + ")",
                    keys.a(), keys.b(), keys.c(), keys.d(), id, keys.a(), keys.b(), keys.c(), keys.d()));
        }
        return differing;
    }
}
