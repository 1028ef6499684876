package dev.khabar.http;

import static dev.khabar.http.ContentCoding.BROTLI;
import static dev.khabar.http.ContentCoding.GZIP;
import static dev.khabar.http.ContentCoding.IDENTITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which coding an {@code Accept-Encoding} gets (RFC 9110, section 12.5.3), and the tags of the codings. */
class ContentCodingTest {

    @ParameterizedTest(name = "[{0}] gets {1}, or {2} without Brotli")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "null                       | IDENTITY | IDENTITY",
        "''                         | IDENTITY | IDENTITY",
        "identity                   | IDENTITY | IDENTITY",
        "deflate                    | IDENTITY | IDENTITY",
        "gzip                       | GZIP     | GZIP",
        "x-gzip                     | GZIP     | GZIP",
        "br                         | BROTLI   | IDENTITY",
        "gzip, deflate, br          | BROTLI   | GZIP",
        "gzip, deflate, br, zstd    | BROTLI   | GZIP",
        "br;q=0.5, gzip             | GZIP     | GZIP",
        "gzip;q=0.5, br             | BROTLI   | GZIP",
        "GZIP;Q=0.3 , BR;q=0.2      | GZIP     | GZIP",
        "*                          | BROTLI   | GZIP",
        "*;q=0                      | IDENTITY | IDENTITY",
        "br;q=0, *                  | GZIP     | GZIP",
        "gzip;q=0, *;q=0.1          | BROTLI   | IDENTITY",
        "gzip;q=0, identity         | IDENTITY | IDENTITY",
        "gzip;q=0.000               | IDENTITY | IDENTITY",
        "gzip;q=0.001               | GZIP     | GZIP",
        "gzip;q=many                | GZIP     | GZIP",
        "gzip;level=9;q=0           | IDENTITY | IDENTITY",
    })
    void theCodingAClientWeighsHighestIsSentBrotliOnATie(String acceptEncoding, ContentCoding withBrotli,
            ContentCoding withoutBrotli) {
        assertEquals(withBrotli, ContentCoding.preferred(acceptEncoding, true));
        assertEquals(withoutBrotli, ContentCoding.preferred(acceptEncoding, false));
    }

    @ParameterizedTest
    @CsvSource({ "IDENTITY, \"a-v1-json\"", "GZIP, \"a-v1-json-gz\"", "BROTLI, \"a-v1-json-br\"" })
    void eachCodingHasItsOwnTagAndAnyOfThemRevalidatesTheOthers(ContentCoding coding, String tag) {
        assertEquals(tag, coding.tag("\"a-v1-json\""));
        for (ContentCoding other : ContentCoding.values()) {
            assertTrue(Conditional.notModified(other.tag("\"a-v1-json\""), null, tag, Instant.EPOCH));
            assertTrue(Conditional.notModified("W/" + tag, null, other.tag("\"a-v1-json\""), Instant.EPOCH));
            assertFalse(Conditional.notModified(other.tag("\"a-v2-json\""), null, tag, Instant.EPOCH));
        }
    }
}
