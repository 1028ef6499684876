package dev.khabar.feed;

import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON Feed 1.1 (jsonfeed.org/version/1.1): pure function from a {@link Feed} to UTF-8 JSON. {@code content_text} is
 * the article in the editors' text layout, {@code content_html} the HTML fragment of {@code ?format=html}.
 */
public final class JsonFeed {

    public static final String MEDIA_TYPE = "application/feed+json";
    static final String VERSION = "https://jsonfeed.org/version/1.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFeed() {
    }

    public static byte[] write(Feed feed) {
        ObjectNode root = JSON.createObjectNode()
                .put("version", VERSION)
                .put("title", feed.title())
                .put("home_page_url", feed.homeUrl())
                .put("feed_url", feed.selfUrl())
                .put("description", feed.description());
        feed.language().ifPresent(lang -> root.put("language", lang));
        root.putArray("authors").addObject().put("name", feed.publisher());
        ArrayNode items = root.putArray("items");
        for (Feed.Entry entry : feed.entries()) {
            ObjectNode item = items.addObject()
                    .put("id", entry.id())
                    .put("url", entry.url())
                    .put("title", entry.title())
                    .put("summary", entry.summary())
                    .put("content_text", entry.text())
                    .put("content_html", entry.html());
            item.put("date_published", Xml.rfc3339(entry.published()))
                    .put("date_modified", Xml.rfc3339(entry.updated()))
                    .put("language", entry.language());
            if (!entry.authors().isEmpty()) {
                ArrayNode authors = item.putArray("authors");
                entry.authors().forEach(name -> authors.addObject().put("name", name));
            }
            Set<String> tags = new LinkedHashSet<>();
            tags.add(entry.category().name());
            entry.tags().forEach(t -> tags.add(t.name()));
            tags.forEach(item.putArray("tags")::add);
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }
}
