package dev.khabar.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The pure parts of feeds and sitemaps: characters, dates, news languages, the site address check. */
class FeedFormatsTest {

    @Test
    void xmlTextKeepsWhatXmlCanCarryAndReplacesTheRest() {
        String fine = "تصاعد الأزمة\tline\nnext 😀 <&> \uFFFD";
        assertSame(fine, Xml.clean(fine));
        assertEquals("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe", Xml.clean("a\u0000b\uFFFEc\uFFFFd\u001Fe"));
        // Surrogates: a pair is one character; a lone half of one is none.
        assertEquals("x\uFFFDy\uFFFD", Xml.clean("x\uD83Dy\uDE00"));
        assertEquals("😀\uFFFD", Xml.clean("😀\uD83D"));
    }

    @Test
    void datesAreRfc822WithFourDigitYearsAndRfc3339() {
        Instant at = Instant.parse("2026-11-29T08:30:00.123Z");
        assertEquals("Sun, 29 Nov 2026 08:30:00 GMT", Xml.rfc822(at));
        assertEquals("2026-11-29T08:30:00Z", Xml.rfc3339(at));
        assertEquals("Tue, 1 Jan 0999 00:00:00 GMT", Xml.rfc822(Instant.parse("0999-01-01T00:00:00Z")));
        assertEquals("0999-01-01T00:00:00Z", Xml.rfc3339(Instant.parse("0999-01-01T00:00:00Z")));
    }

    @Test
    void newsLanguagesAreIso639ButChineseKeepsItsScript() {
        assertEquals("ar", Sitemaps.newsLanguage("ar"));
        assertEquals("en", Sitemaps.newsLanguage("en-GB"));
        assertEquals("az", Sitemaps.newsLanguage("az-Arab"));
        assertEquals("zh-cn", Sitemaps.newsLanguage("zh-CN"));
        assertEquals("zh-cn", Sitemaps.newsLanguage("zh-Hans"));
        assertEquals("zh-tw", Sitemaps.newsLanguage("zh-TW"));
        assertEquals("zh-tw", Sitemaps.newsLanguage("zh-Hant-HK"));
    }

    @Test
    void siteUrlMustBeAnAbsoluteHttpAddress() {
        assertEquals("https://news.example/", Site.checked("https://news.example/"));
        for (String bad : new String[] { "news.example", "ftp://news.example/", "https://", "http://exa mple/" }) {
            assertThrows(IllegalArgumentException.class, () -> Site.checked(bad), bad);
        }
    }
}
