package dev.khabar.bulk;

import static dev.khabar.bulk.Bulk.article;
import static dev.khabar.bulk.Bulk.ndjson;
import static dev.khabar.bulk.Bulk.upload;
import static dev.khabar.support.Api.SEED;
import static dev.khabar.support.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.khabar.support.Api;
import dev.khabar.support.Db;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The search document the service writes (dev.khabar.text.SearchDocument) is the very tsvector PostgreSQL would compute
 * from the search keys, for single and bulk writes, in Arabic and English, with repeated words past the limits; keys
 * the parser reads otherwise (a number such as 251e1 inside a word, Cyrillic) are left to the database.
 */
@QuarkusTest
class SearchDocumentTest {

    private static final String COMPUTED = "setweight(to_tsvector('simple', search_a), 'A') || "
            + "setweight(to_tsvector('simple', search_b), 'B') || setweight(to_tsvector('simple', search_c), 'C') || "
            + "setweight(to_tsvector('simple', search_d), 'D')";

    @Inject
    Db db;

    @Test
    void isWhatPostgresqlComputesFromTheSearchKeys() {
        String u = unique();
        Map<String, Object> repeated = article("en", "Oil oil oil prices " + u, "doc-" + u + "-3");
        // One word 300 times in a bullet and again in the closing: past the 255 and 256 positions a word keeps.
        repeated.put("sections", List.of(Map.of("heading", "Oil and oil", "bullets", List.of("oil ".repeat(300).strip(),
                "٢٠٢٤ و 2024 والعلاقات العلاقات علاقة"))));
        repeated.put("closing", "oil " + "word ".repeat(200) + "oil");
        repeated.put("tags", List.of("Oil", "نفط", "251e1b3c", "Москва"));
        List<Map<String, Object>> answer = upload(ndjson(
                Map.of("text", SEED.replaceFirst("\n", "\n" + u + " "), "externalId", "doc-" + u + "-1"),
                article("en", "Moscow urges Baku " + u, "doc-" + u + "-2"), repeated));
        assertEquals(List.of(201, 201, 201), answer.stream().map(a -> a.get("status")).toList());
        Api.create(article("ar", "مقال منفرد عن النفط " + u, "doc-" + u + "-4"));

        assertEquals(4, db.count("select count(*) from article where external_id like ?", "doc-" + u + "-%"));
        assertEquals(List.of(), db.rows("select external_id, search_document::text, (" + COMPUTED + ")::text computed "
                + "from article where external_id like ? and search_document <> (" + COMPUTED + ")", "doc-" + u + "-%"));
        // And every article written by any test so far.
        assertEquals(List.of(), db.rows("select id, title, search_document::text, (" + COMPUTED + ")::text computed "
                + "from article where search_document <> (" + COMPUTED + ")"));
    }
}
