package dev.khabar.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** A kept body counts the bytes it holds: its gzipped copy only once a client asked for it. */
class BodyWeightTest {

    @Test
    void theGzippedCopyCountsOnceMade() {
        byte[] identity = "{\"title\":\"كلمة\"}".repeat(200).getBytes(StandardCharsets.UTF_8);
        ReadCache.Body body = ReadCache.Body.of(identity, "\"a-v1-json\"", "application/json");
        int before = body.weight();
        assertFalse(body.gzipped());
        assertEquals(identity.length + 3 * "\"a-v1-json\"".length() + 200, before);

        byte[] gzip = body.gzip();
        assertTrue(body.gzipped());
        assertTrue(gzip.length < identity.length / 10, "repetitive text compresses well: " + gzip.length);
        assertEquals(before + gzip.length, body.weight());
    }
}
