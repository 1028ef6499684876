package dev.khabar.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The binary form of a search document, byte for byte, and its text. That PostgreSQL stores every document the service
 * sends as the very tsvector it would compute is dev.khabar.bulk.SearchDocumentTest.
 */
class SearchDocumentFormTest {

    @Test
    void lexemesAreInByteOrderWithTheirWeightedPositions() throws IOException {
        // A: "النفط" (key نفط) at 1, "prices" (price) at 2; B: "oil" at 1 + 2; C: "prices" at 1 + 3.
        byte[] document = SearchDocument.of(List.of(List.of("النفط prices"), List.of("oil"), List.of("prices"),
                List.of())).orElseThrow();

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(expected);
        out.writeInt(3);
        lexeme(out, "oil", 2 << 14 | 3);
        lexeme(out, "price", 3 << 14 | 2, 1 << 14 | 4);
        lexeme(out, "نفط", 3 << 14 | 1); // Arabic letters are two UTF-8 bytes from 0xD8: after ASCII
        assertArrayEquals(expected.toByteArray(), document);
        assertEquals("'oil':3B 'price':2A,4C 'نفط':1A", SearchDocument.text(document));
    }

    @Test
    void aDocumentWithoutWordsIsAnEmptyTsvector() {
        byte[] document = SearchDocument.of(List.of(List.of("…"), List.of(), List.of(), List.of())).orElseThrow();
        assertArrayEquals(new byte[4], document);
        assertEquals("", SearchDocument.text(document));
    }

    private static void lexeme(DataOutputStream out, String word, int... positions) throws IOException {
        out.write(word.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        out.writeShort(positions.length);
        for (int position : positions) {
            out.writeShort(position);
        }
    }
}
