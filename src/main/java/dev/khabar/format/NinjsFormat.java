package dev.khabar.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.khabar.article.ArticleState;
import dev.khabar.article.Byline;
import dev.khabar.article.CategoryRef;
import dev.khabar.article.FieldError;
import dev.khabar.article.Image;
import dev.khabar.article.InvalidArticleException;
import dev.khabar.article.Section;
import dev.khabar.article.api.ArticleView;

/**
 * The article as an IPTC ninjs 3.1 news item ({@code application/ninjs+json}), both ways.
 *
 * <ul>
 * <li>{@code uri}: the article's public web page; {@code altIds}: {@code {role: "khabar-id", value: <id>}};
 * {@code slugline}: the slug; {@code version}: the version as a string.</li>
 * <li>{@code headlines}: the title (role {@code main}) and the subtitle ({@code subhead}); {@code descriptions}: the
 * lead (role {@code summary}).</li>
 * <li>{@code bodies}: the {@link HtmlFormat} fragment ({@code application/xhtml+xml}) and the same text as plain text
 * ({@code text/plain}), both role {@code main}, each with {@code wordCount} (the article's) and {@code charCount} (code
 * points of the article's text, title to closing, without markup or line breaks).</li>
 * <li>{@code subjects}: the category ({@code rel: "category"}, its slug as {@code literal}) and each tag
 * ({@code rel: "tag"}).</li>
 * <li>{@code by}: the bylines joined with commas; {@code people}: each author ({@code rel: "author"}), which is what
 * the reader reads back.</li>
 * <li>{@code pubStatus}: {@code usable} when published, {@code withheld} for drafts and scheduled articles (these with
 * {@code embargoedUntil}, the publication time), {@code canceled} when archived.</li>
 * <li>{@code associations}: the image, {@code {name: "featureimage", type: "picture", uri, renditions: [{name:
 * "original", href, width, height}], descriptions: [{role: "alt"}, {role: "caption"}], by: credit}}.</li>
 * </ul>
 *
 * The reader takes these members back, and ignores (with a warning) what it does not use; sections and the closing
 * come from the XHTML body.
 */
public final class NinjsFormat {

    public static final String SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#";
    static final String XHTML = "application/xhtml+xml";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private NinjsFormat() {
    }

    public static String render(ArticleView a, String uri) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("uri", uri);
        ObjectNode standard = doc.putObject("standard");
        standard.put("name", "ninjs").put("version", "3.1").put("schema", SCHEMA);
        doc.put("type", "text");
        doc.put("representationType", "full");
        doc.put("version", String.valueOf(a.version()));
        doc.put("firstCreated", a.createdAt().toString());
        doc.put("versionCreated", a.updatedAt().toString());
        if (a.status() == ArticleState.SCHEDULED) {
            doc.put("embargoedUntil", a.publishedAt().toString());
        }
        doc.put("pubStatus", switch (a.status()) {
            case PUBLISHED -> "usable";
            case DRAFT, SCHEDULED -> "withheld";
            case ARCHIVED -> "canceled";
        });
        doc.put("language", a.language());
        doc.put("slugline", a.slug());
        ArrayNode headlines = doc.putArray("headlines");
        headlines.addObject().put("role", "main").put("value", a.title());
        if (!a.subtitle().isEmpty()) {
            headlines.addObject().put("role", "subhead").put("value", a.subtitle());
        }
        if (!a.lead().isEmpty()) {
            doc.putArray("descriptions").addObject().put("role", "summary").put("value", a.lead());
        }
        int chars = ArticleFormats.charCount(a);
        ArrayNode bodies = doc.putArray("bodies");
        bodies.addObject().put("role", "main").put("contentType", XHTML).put("value", HtmlFormat.render(a))
                .put("charCount", chars).put("wordCount", a.wordCount());
        bodies.addObject().put("role", "main").put("contentType", "text/plain")
                .put("value", ArticleFormats.plainText(a, true)).put("charCount", chars).put("wordCount", a.wordCount());
        ArrayNode subjects = doc.putArray("subjects");
        subjects.addObject().put("name", a.category().name()).put("rel", "category").put("literal", a.category().slug());
        a.tags().forEach(tag -> subjects.addObject().put("name", tag).put("rel", "tag"));
        if (!a.authors().isEmpty()) {
            doc.put("by", String.join(", ", a.authors().stream().map(Byline::name).toList()));
            ArrayNode people = doc.putArray("people");
            a.authors().forEach(b -> people.addObject().put("name", b.name()).put("rel", "author"));
        }
        Image image = a.image();
        if (image != null) {
            ObjectNode picture = doc.putArray("associations").addObject();
            picture.put("name", "featureimage").put("uri", image.url()).put("type", "picture");
            ObjectNode original = picture.putArray("renditions").addObject().put("name", "original")
                    .put("href", image.url());
            if (image.width() != null) {
                original.put("width", image.width());
            }
            if (image.height() != null) {
                original.put("height", image.height());
            }
            if (image.alt() != null || image.caption() != null) {
                ArrayNode descriptions = picture.putArray("descriptions");
                if (image.alt() != null) {
                    descriptions.addObject().put("role", "alt").put("value", image.alt());
                }
                if (image.caption() != null) {
                    descriptions.addObject().put("role", "caption").put("value", image.caption());
                }
            }
            if (image.credit() != null) {
                picture.put("by", image.credit());
            }
        }
        doc.putArray("altIds").addObject().put("role", "khabar-id").put("value", a.id().toString());
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    /** Reads a ninjs document back into an article; every error names the JSON pointer of the member at fault. */
    public static Imported parse(JsonNode doc) {
        Reader r = new Reader(doc);
        return r.read();
    }

    private static final class Reader {
        final JsonNode doc;
        final List<FieldError> errors = new ArrayList<>();
        final List<ImportWarning> warnings = new ArrayList<>();
        final Map<String, String> sources = new HashMap<>();

        Reader(JsonNode doc) {
            this.doc = doc;
        }

        Imported read() {
            sources.put("/language", "/language");
            String language = text(doc, "/language");
            String slug = text(doc, "/slugline");
            sources.put("/slug", "/slugline");

            String title = null;
            String subtitle = null;
            List<JsonNode> headlines = array("/headlines");
            for (int i = 0; i < headlines.size(); i++) {
                String role = text(headlines.get(i), "/headlines/" + i + "/role");
                String value = text(headlines.get(i), "/headlines/" + i + "/value");
                if (("main".equals(role) || role == null) && title == null) {
                    title = value;
                    sources.put("/title", "/headlines/" + i + "/value");
                } else if ("subhead".equals(role) && subtitle == null) {
                    subtitle = value;
                    sources.put("/subtitle", "/headlines/" + i + "/value");
                } else {
                    warnings.add(ImportWarning.at("/headlines/" + i, "Headline with role '" + role + "' ignored."));
                }
            }
            String lead = null;
            List<JsonNode> descriptions = array("/descriptions");
            for (int i = 0; i < descriptions.size(); i++) {
                String role = text(descriptions.get(i), "/descriptions/" + i + "/role");
                if (lead == null && (role == null || role.equals("summary") || role.equals("lead"))) {
                    lead = text(descriptions.get(i), "/descriptions/" + i + "/value");
                    sources.put("/lead", "/descriptions/" + i + "/value");
                } else {
                    warnings.add(ImportWarning.at("/descriptions/" + i, "Description with role '" + role
                            + "' ignored."));
                }
            }
            HtmlFormat.Body body = null;
            List<JsonNode> bodies = array("/bodies");
            for (int i = 0; i < bodies.size(); i++) {
                String pointer = "/bodies/" + i;
                String type = text(bodies.get(i), pointer + "/contentType");
                String value = text(bodies.get(i), pointer + "/value");
                boolean markup = type != null && (type.startsWith(XHTML) || type.startsWith("text/html"));
                if (body == null && markup && value != null) {
                    try {
                        body = HtmlFormat.parse(value);
                    } catch (HtmlFormat.XhtmlException e) {
                        errors.add(new FieldError(pointer + "/value", e.getMessage()));
                        continue;
                    }
                    for (String field : List.of("/sections", "/closing", "/title", "/subtitle", "/lead")) {
                        sources.putIfAbsent(field, pointer + "/value");
                    }
                } else if (body != null && markup) {
                    warnings.add(ImportWarning.at(pointer, "A second XHTML body ignored."));
                }
            }
            if (body == null && !bodies.isEmpty()) {
                warnings.add(ImportWarning.at("/bodies", "No XHTML body: the article's sections and closing are read "
                        + "from a body of type application/xhtml+xml or text/html, and there is none."));
            }
            if (body != null) {
                title = title != null ? title : body.title();
                subtitle = subtitle != null ? subtitle : body.subtitle();
                lead = lead != null ? lead : body.lead();
            }
            if (title == null && errors.isEmpty()) {
                errors.add(new FieldError("/headlines", "needs a headline with role 'main': the article's title"));
            }

            CategoryRef category = null;
            List<String> tags = new ArrayList<>();
            List<JsonNode> subjects = array("/subjects");
            for (int i = 0; i < subjects.size(); i++) {
                String pointer = "/subjects/" + i;
                String rel = text(subjects.get(i), pointer + "/rel");
                String name = text(subjects.get(i), pointer + "/name");
                if ("category".equals(rel) && category == null) {
                    category = new CategoryRef(text(subjects.get(i), pointer + "/literal"), name);
                    sources.put("/category", pointer);
                    sources.put("/category/name", pointer + "/name");
                    sources.put("/category/slug", pointer + "/literal");
                } else if ("tag".equals(rel) && name != null) {
                    sources.put("/tags/" + tags.size(), pointer + "/name");
                    tags.add(name);
                } else {
                    warnings.add(ImportWarning.at(pointer, "Subject ignored: the category is the subject with rel "
                            + "'category', tags have rel 'tag'."));
                }
            }
            sources.put("/tags", "/subjects");
            if (category == null) {
                errors.add(new FieldError("/subjects", "needs a subject with rel 'category': the article's category"));
            }

            List<Byline> authors = new ArrayList<>();
            List<JsonNode> people = array("/people");
            for (int i = 0; i < people.size(); i++) {
                String pointer = "/people/" + i;
                if ("author".equals(text(people.get(i), pointer + "/rel"))) {
                    sources.put("/authors/" + authors.size(), pointer);
                    sources.put("/authors/" + authors.size() + "/name", pointer + "/name");
                    authors.add(new Byline(text(people.get(i), pointer + "/name")));
                } else {
                    warnings.add(ImportWarning.at(pointer, "Person ignored: authors have rel 'author'."));
                }
            }
            sources.put("/authors", "/people");
            String by = text(doc, "/by");
            if (authors.isEmpty() && by != null && !by.isBlank()) {
                authors.add(new Byline(by.strip()));
                sources.put("/authors/0/name", "/by");
                sources.put("/authors/0", "/by");
                warnings.add(ImportWarning.at("/by", "No people with rel 'author': 'by' read as one author."));
            }

            Image image = null;
            List<JsonNode> associations = array("/associations");
            for (int i = 0; i < associations.size(); i++) {
                String pointer = "/associations/" + i;
                JsonNode a = associations.get(i);
                if (image == null && "picture".equals(text(a, pointer + "/type"))) {
                    image = image(a, pointer);
                } else {
                    warnings.add(ImportWarning.at(pointer, "Association ignored: only one picture (the article's "
                            + "image) is read."));
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidArticleException(errors);
            }
            return new Imported(language, slug, category, title, orEmpty(subtitle), orEmpty(lead),
                    body == null ? List.of() : body.sections(), body == null ? "" : orEmpty(body.closing()),
                    List.copyOf(tags), List.copyOf(authors), image, Map.of(), Map.copyOf(sources),
                    List.copyOf(warnings));
        }

        private Image image(JsonNode a, String pointer) {
            sources.put("/image", pointer);
            String url = text(a, pointer + "/uri");
            sources.put("/image/url", pointer + "/uri");
            Integer width = null;
            Integer height = null;
            List<JsonNode> renditions = array(a, pointer + "/renditions");
            if (!renditions.isEmpty()) {
                String r = pointer + "/renditions/0";
                String href = text(renditions.get(0), r + "/href");
                if (href != null) {
                    url = href;
                    sources.put("/image/url", r + "/href");
                }
                width = integer(renditions.get(0), r + "/width");
                height = integer(renditions.get(0), r + "/height");
                sources.put("/image/width", r + "/width");
                sources.put("/image/height", r + "/height");
            }
            String alt = null;
            String caption = null;
            List<JsonNode> descriptions = array(a, pointer + "/descriptions");
            for (int i = 0; i < descriptions.size(); i++) {
                String d = pointer + "/descriptions/" + i;
                String role = text(descriptions.get(i), d + "/role");
                if ("alt".equals(role)) {
                    alt = text(descriptions.get(i), d + "/value");
                    sources.put("/image/alt", d + "/value");
                } else if ("caption".equals(role) || role == null && caption == null) {
                    caption = text(descriptions.get(i), d + "/value");
                    sources.put("/image/caption", d + "/value");
                }
            }
            sources.put("/image/credit", pointer + "/by");
            return new Image(url, alt, caption, text(a, pointer + "/by"), width, height);
        }

        private static String orEmpty(String text) {
            return text == null ? "" : text;
        }

        private JsonNode member(JsonNode parent, String pointer) {
            return parent.get(pointer.substring(pointer.lastIndexOf('/') + 1));
        }

        /** A string member, null when absent; anything but a string is an error. */
        private String text(JsonNode parent, String pointer) {
            JsonNode node = member(parent, pointer);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isTextual()) {
                errors.add(new FieldError(pointer, "must be a string"));
                return null;
            }
            return node.textValue();
        }

        private Integer integer(JsonNode parent, String pointer) {
            JsonNode node = member(parent, pointer);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.canConvertToInt() || !node.isIntegralNumber()) {
                errors.add(new FieldError(pointer, "must be an integer"));
                return null;
            }
            return node.intValue();
        }

        private List<JsonNode> array(String pointer) {
            return array(doc, pointer);
        }

        /** The objects of an array member; an array of anything else, or another value, is an error. */
        private List<JsonNode> array(JsonNode parent, String pointer) {
            JsonNode node = member(parent, pointer);
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                errors.add(new FieldError(pointer, "must be an array"));
                return List.of();
            }
            List<JsonNode> items = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                if (!node.get(i).isObject()) {
                    errors.add(new FieldError(pointer + "/" + i, "must be an object"));
                } else {
                    items.add(node.get(i));
                }
            }
            return items;
        }
    }
}
