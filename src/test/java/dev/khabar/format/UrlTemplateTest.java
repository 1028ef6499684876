package dev.khabar.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class UrlTemplateTest {

    private static final UrlTemplate.Values ARABIC = new UrlTemplate.Values(
            UUID.fromString("0b6f1f7e-3c1e-4d4a-9a57-2f0c6f3f2a10"), "ar", "روسيا-وأذربيجان", "اخبار-سياسية",
            Instant.parse("2026-03-07T23:30:00Z"));

    @Test
    void expandsEveryPlaceholderPercentEncoded() {
        assertEquals("https://news.example/ar/%D8%B1%D9%88%D8%B3%D9%8A%D8%A7-%D9%88%D8%A3%D8%B0%D8%B1%D8%A8%D9%8A%D8%AC"
                + "%D8%A7%D9%86", UrlTemplate.parse("https://news.example/{lang}/{slug}").expand(ARABIC));
        assertEquals("https://news.example/2026/03/07/0b6f1f7e-3c1e-4d4a-9a57-2f0c6f3f2a10.html",
                UrlTemplate.parse("https://news.example/{yyyy}/{mm}/{dd}/{id}.html").expand(ARABIC));
        assertEquals("http://n.example/c/%D8%A7%D8%AE%D8%A8%D8%A7%D8%B1-%D8%B3%D9%8A%D8%A7%D8%B3%D9%8A%D8%A9/"
                + "0b6f1f7e-3c1e-4d4a-9a57-2f0c6f3f2a10", UrlTemplate.parse("http://n.example/c/{category}/{id}")
                        .expand(ARABIC));
    }

    @Test
    void encodesWhatWouldBreakAPath() {
        assertEquals("a%2Fb%20c%3F%23~_.", UrlTemplate.encodeSegment("a/b c?#~_."));
    }

    @Test
    void refusesTemplatesThatCannotNameOneArticle() {
        assertEquals("content.article-url-template: unknown placeholder {title}; known are [{category}, {dd}, {id}, "
                + "{lang}, {mm}, {slug}, {yyyy}].", assertThrows(IllegalArgumentException.class,
                        () -> UrlTemplate.parse("https://news.example/{title}")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> UrlTemplate.parse("https://news.example/{lang}"));
        assertThrows(IllegalArgumentException.class, () -> UrlTemplate.parse("/relative/{slug}"));
        assertThrows(IllegalArgumentException.class, () -> UrlTemplate.parse("ftp://news.example/{slug}"));
    }
}
