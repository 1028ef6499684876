package dev.khabar.feed;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One feed, whatever its format: what RSS, Atom and JSON Feed all say, in one model that {@link Rss}, {@link Atom} and
 * {@link JsonFeed} write out.
 *
 * @param id        a stable URI naming this feed (Atom {@code id}): the same site and filters give the same id
 * @param language  the language of the whole feed, when it has one (see {@link FeedService} for how it is chosen)
 * @param publisher the publication's name: the feed-level author every entry falls back to
 */
public record Feed(String id, String title, String description, String homeUrl, String selfUrl,
        Optional<String> language, Instant updated, String publisher, List<Entry> entries) {

    /**
     * One article in a feed.
     *
     * @param id      a stable URI naming the article ({@code urn:uuid:<article id>}), kept across edits and renames
     * @param summary the lead
     * @param text    the whole article in the editors' text layout (JSON Feed {@code content_text})
     * @param html    the whole article as the HTML fragment of {@code ?format=html} (RSS {@code content:encoded}, Atom
     *                {@code content}, JSON Feed {@code content_html})
     */
    public record Entry(String id, String url, String title, String summary, String text, String html,
            String language, Instant published, Instant updated, List<String> authors, Term category, List<Term> tags) {
    }

    /** A category or a tag: its slug (a stable token) and its name (for people). */
    public record Term(String slug, String name) {
    }
}
