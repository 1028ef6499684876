package dev.khabar.feed;

import javax.xml.stream.XMLStreamException;

/**
 * Atom 1.0 (RFC 4287): pure function from a {@link Feed} to a UTF-8 document. Every entry carries its own
 * {@code xml:lang}, so a feed of several languages is still right about each; the feed's author is the publication,
 * which covers entries without a byline (RFC 4287, 4.1.1).
 */
public final class Atom {

    public static final String MEDIA_TYPE = "application/atom+xml";
    static final String NS = "http://www.w3.org/2005/Atom";

    private Atom() {
    }

    public static byte[] write(Feed feed) {
        return Xml.document(out -> {
            out.xml.setDefaultNamespace(NS);
            out.xml.writeStartElement(NS, "feed");
            out.xml.writeDefaultNamespace(NS);
            if (feed.language().isPresent()) {
                out.lang(feed.language().get());
            }
            out.element("id", feed.id());
            text(out, "title", feed.title());
            text(out, "subtitle", feed.description());
            out.element("updated", Xml.rfc3339(feed.updated()));
            link(out, "self", feed.selfUrl(), MEDIA_TYPE);
            link(out, "alternate", feed.homeUrl(), null);
            out.start("author").element("name", feed.publisher()).end();
            for (Feed.Entry entry : feed.entries()) {
                entry(out, entry);
            }
            out.end();
        });
    }

    private static void entry(Xml.Out out, Feed.Entry entry) throws XMLStreamException {
        out.start("entry").lang(entry.language());
        out.element("id", entry.id());
        text(out, "title", entry.title());
        link(out, "alternate", entry.url(), null);
        out.element("published", Xml.rfc3339(entry.published()));
        out.element("updated", Xml.rfc3339(entry.updated()));
        for (String author : entry.authors()) {
            out.start("author").element("name", author).end();
        }
        category(out, entry.category());
        for (Feed.Term tag : entry.tags()) {
            category(out, tag);
        }
        text(out, "summary", entry.summary());
        out.start("content").attribute("type", "html");
        out.xml.writeCharacters(Xml.clean(entry.html()));
        out.end();
        out.end();
    }

    private static void text(Xml.Out out, String name, String text) throws XMLStreamException {
        out.start(name).attribute("type", "text");
        out.xml.writeCharacters(Xml.clean(text));
        out.end();
    }

    private static void link(Xml.Out out, String rel, String href, String type) throws XMLStreamException {
        out.empty("link").attribute("rel", rel).attribute("href", href);
        if (type != null) {
            out.attribute("type", type);
        }
    }

    private static void category(Xml.Out out, Feed.Term term) throws XMLStreamException {
        out.empty("category").attribute("term", term.slug()).attribute("label", term.name());
    }
}
