package dev.khabar.feed;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sitemaps (sitemaps.org protocol 0.9, with Google's news and hreflang extensions): pure functions from lists of
 * addresses to UTF-8 documents.
 */
public final class Sitemaps {

    public static final String MEDIA_TYPE = "application/xml";
    static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
    static final String XHTML = "http://www.w3.org/1999/xhtml";
    /** The protocol's limit of URLs per sitemap and of sitemaps per index. */
    public static final int MAX_URLS = 50_000;
    /** Google's limit of URLs per news sitemap. */
    public static final int MAX_NEWS_URLS = 1_000;

    private Sitemaps() {
    }

    /** A page of the index. */
    public record Page(String loc, Optional<Instant> lastModified) {
    }

    /** An article's page, and its translations' pages (each with its BCP 47 language) when it has some. */
    public record Url(String loc, Instant lastModified, List<Alternate> alternates) {
    }

    public record Alternate(String language, String href) {
    }

    /** An article published in the last two days. */
    public record NewsUrl(String loc, String title, String language, Instant published) {
    }

    public static byte[] index(List<Page> pages) {
        return Xml.document(out -> {
            out.xml.setDefaultNamespace(NS);
            out.xml.writeStartElement(NS, "sitemapindex");
            out.xml.writeDefaultNamespace(NS);
            for (Page page : pages) {
                out.start("sitemap").element("loc", page.loc());
                if (page.lastModified().isPresent()) {
                    out.element("lastmod", Xml.rfc3339(page.lastModified().get()));
                }
                out.end();
            }
            out.end();
        });
    }

    public static byte[] urlset(List<Url> urls) {
        return Xml.document(out -> {
            out.xml.setDefaultNamespace(NS);
            out.xml.writeStartElement(NS, "urlset");
            out.xml.writeDefaultNamespace(NS);
            out.xml.writeNamespace("xhtml", XHTML);
            for (Url url : urls) {
                out.start("url").element("loc", url.loc()).element("lastmod", Xml.rfc3339(url.lastModified()));
                for (Alternate alternate : url.alternates()) {
                    out.empty("xhtml", "link", XHTML).attribute("rel", "alternate")
                            .attribute("hreflang", alternate.language()).attribute("href", alternate.href());
                }
                out.end();
            }
            out.end();
        });
    }

    public static byte[] news(List<NewsUrl> urls, String publication) {
        return Xml.document(out -> {
            out.xml.setDefaultNamespace(NS);
            out.xml.writeStartElement(NS, "urlset");
            out.xml.writeDefaultNamespace(NS);
            out.xml.writeNamespace("news", NEWS);
            for (NewsUrl url : urls) {
                out.start("url").element("loc", url.loc());
                out.start("news", "news", NEWS);
                out.start("news", "publication", NEWS)
                        .element("news", "name", NEWS, publication)
                        .element("news", "language", NEWS, newsLanguage(url.language()))
                        .end();
                out.element("news", "publication_date", NEWS, Xml.rfc3339(url.published()))
                        .element("news", "title", NEWS, url.title());
                out.end().end();
            }
            out.end();
        });
    }

    /**
     * Google News wants an ISO 639 code, except {@code zh-cn} and {@code zh-tw}: the primary subtag of the BCP 47 tag,
     * and for Chinese the simplified or traditional form its region or script implies.
     */
    static String newsLanguage(String tag) {
        String lower = tag.toLowerCase(Locale.ROOT);
        String primary = lower.split("-", 2)[0];
        if (primary.equals("zh")) {
            return lower.contains("-tw") || lower.contains("-hk") || lower.contains("-hant") ? "zh-tw" : "zh-cn";
        }
        return primary;
    }
}
