package dev.khabar.feed;

import javax.xml.stream.XMLStreamException;

/**
 * RSS 2.0 (rssboard.org/rss-specification): pure function from a {@link Feed} to a UTF-8 document. Bylines go in
 * {@code dc:creator}, since RSS's own {@code author} must be an e-mail address; the GUID is the article's
 * {@code urn:uuid:}, not a permalink, so it survives a new slug or a new site address.
 */
public final class Rss {

    public static final String MEDIA_TYPE = "application/rss+xml";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

    private Rss() {
    }

    public static byte[] write(Feed feed) {
        return Xml.document(out -> {
            out.start("rss").attribute("version", "2.0");
            out.xml.writeNamespace("atom", ATOM);
            out.xml.writeNamespace("dc", DC);
            out.xml.writeNamespace("content", CONTENT);
            out.start("channel")
                    .element("title", feed.title())
                    .element("link", feed.homeUrl())
                    .element("description", feed.description());
            if (feed.language().isPresent()) {
                out.element("language", feed.language().get());
            }
            out.element("lastBuildDate", Xml.rfc822(feed.updated()));
            out.empty("atom", "link", ATOM).attribute("href", feed.selfUrl()).attribute("rel", "self")
                    .attribute("type", MEDIA_TYPE);
            for (Feed.Entry entry : feed.entries()) {
                item(out, entry);
            }
            out.end().end();
        });
    }

    private static void item(Xml.Out out, Feed.Entry entry) throws XMLStreamException {
        out.start("item")
                .element("title", entry.title())
                .element("link", entry.url())
                .element("description", entry.summary());
        out.start("guid").attribute("isPermaLink", "false");
        out.xml.writeCharacters(Xml.clean(entry.id()));
        out.end();
        out.element("pubDate", Xml.rfc822(entry.published()));
        for (String author : entry.authors()) {
            out.element("dc", "creator", DC, author);
        }
        out.element("category", entry.category().name());
        for (Feed.Term tag : entry.tags()) {
            out.element("category", tag.name());
        }
        out.element("content", "encoded", CONTENT, entry.html());
        out.end();
    }
}
