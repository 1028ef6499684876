package dev.khabar.format;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import dev.khabar.article.Section;
import dev.khabar.article.api.ArticleView;

/**
 * The article as an HTML fragment that is also well-formed XHTML (ninjs carries it as its XHTML body):
 *
 * <pre>
 * &lt;article lang="ar" dir="rtl"&gt;
 * &lt;header&gt;
 * &lt;h1&gt;title&lt;/h1&gt;
 * &lt;p class="subtitle"&gt;subtitle&lt;/p&gt;
 * &lt;/header&gt;
 * &lt;p class="lead"&gt;lead&lt;/p&gt;
 * &lt;section&gt;
 * &lt;h2&gt;heading&lt;/h2&gt;
 * &lt;ul&gt;
 * &lt;li&gt;bullet&lt;/li&gt;
 * &lt;/ul&gt;
 * &lt;/section&gt;
 * &lt;p class="closing"&gt;closing&lt;/p&gt;
 * &lt;/article&gt;
 * </pre>
 *
 * Every piece of text is escaped ({@code & < > " '}), and each run of text in the other direction than the article's
 * (Latin words in Arabic, Arabic words in English) is wrapped in {@code <bdi>}, so that the Unicode bidirectional
 * algorithm lays it out on its own and neighbouring punctuation stays where the writer put it. Empty subtitle, lead and
 * closing (a draft) are left out.
 */
public final class HtmlFormat {

    private HtmlFormat() {
    }

    public static String render(ArticleView article) {
        boolean rtl = "rtl".equals(article.direction());
        StringBuilder out = new StringBuilder(8192);
        out.append("<article lang=\"").append(escape(article.language())).append("\" dir=\"")
                .append(rtl ? "rtl" : "ltr").append("\">\n<header>\n<h1>").append(text(article.title(), rtl))
                .append("</h1>\n");
        paragraph(out, "subtitle", article.subtitle(), rtl);
        out.append("</header>\n");
        paragraph(out, "lead", article.lead(), rtl);
        for (Section section : article.sections()) {
            out.append("<section>\n<h2>").append(text(section.heading(), rtl)).append("</h2>\n<ul>\n");
            for (String bullet : section.bullets()) {
                out.append("<li>").append(text(bullet, rtl)).append("</li>\n");
            }
            out.append("</ul>\n</section>\n");
        }
        paragraph(out, "closing", article.closing(), rtl);
        return out.append("</article>\n").toString();
    }

    private static void paragraph(StringBuilder out, String role, String text, boolean rtl) {
        if (text != null && !text.isEmpty()) {
            out.append("<p class=\"").append(role).append("\">").append(text(text, rtl)).append("</p>\n");
        }
    }

    /** Escapes {@code & < > " '} for text and attribute values alike. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        escape(text, 0, text.length(), out);
        return out.toString();
    }

    /** Escapes {@code text} from {@code from} to {@code to} onto {@code out}, as {@link #escape(String)} does. */
    public static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    /**
     * Escaped text with each run in the opposite direction isolated in {@code <bdi>}. A run starts and ends with a
     * strongly directional character of the other direction and takes in what lies between (spaces, digits,
     * punctuation) as long as no character of the article's own direction interrupts it; the neutral characters around
     * a run stay outside, in the article's direction.
     */
    public static String text(String text, boolean rtl) {
        StringBuilder out = new StringBuilder(text.length() + 32);
        int written = 0;
        int runStart = -1;
        int runEnd = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            int direction = direction(cp);
            boolean other = rtl ? direction == LTR : direction == RTL;
            boolean own = rtl ? direction == RTL : direction == LTR;
            if (other) {
                if (runStart < 0) {
                    runStart = i;
                }
                runEnd = next;
            } else if (own && runStart >= 0) {
                written = isolate(text, written, runStart, runEnd, out);
                runStart = -1;
            }
            i = next;
        }
        if (runStart >= 0) {
            written = isolate(text, written, runStart, runEnd, out);
        }
        escape(text, written, text.length(), out);
        return out.toString();
    }

    private static int isolate(String text, int written, int start, int end, StringBuilder out) {
        escape(text, written, start, out);
        out.append("<bdi>");
        escape(text, start, end, out);
        out.append("</bdi>");
        return end;
    }

    private static final int LTR = 1;
    private static final int RTL = 2;

    private static int direction(int codePoint) {
        return switch (Character.getDirectionality(codePoint)) {
            case Character.DIRECTIONALITY_LEFT_TO_RIGHT -> LTR;
            case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC -> RTL;
            default -> 0;
        };
    }

    /** The body of an article read back from its XHTML fragment; absent parts are null (sections: empty). */
    public record Body(String title, String subtitle, String lead, List<Section> sections, String closing) {
    }

    /** The XHTML cannot be read; {@code line} is 1-based, or 0 when unknown. */
    public static class XhtmlException extends RuntimeException {
        private final int line;

        XhtmlException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /**
     * Reads the structure {@link #render} writes back: {@code h1} is the title, {@code p.subtitle}, {@code p.lead} and
     * {@code p.closing} the paragraphs, each {@code h2} followed by a {@code ul} a section; {@code <bdi>} and other
     * inline markup keep their text. Paragraphs without a class: the first before any section is the lead, the last
     * after them the closing. The fragment must be well-formed XML (no DTD, no entities but the five of XML).
     */
    public static Body parse(String xhtml) {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            // Wrapped, so that a fragment of several elements (or text around them) still reads as one document.
            root = builder.parse(new InputSource(new StringReader("<fragment>" + xhtml + "</fragment>")))
                    .getDocumentElement();
        } catch (SAXParseException e) {
            throw new XhtmlException(e.getLineNumber(), "is not well-formed XHTML (line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + "): " + e.getMessage());
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new XhtmlException(0, "is not well-formed XHTML: " + e.getMessage());
        }
        Element article = first(root, "article");
        Element scope = article != null ? article : root;
        String[] body = new String[4];
        List<Section> sections = new ArrayList<>();
        List<String> loose = new ArrayList<>();
        boolean afterSections = false;
        String heading = null;
        for (Element e : descendants(scope)) {
            String name = e.getTagName();
            switch (name) {
                case "h1" -> body[0] = body[0] == null ? flat(e) : body[0];
                case "h2" -> {
                    heading = flat(e);
                    afterSections = true;
                }
                case "ul", "ol" -> {
                    List<String> bullets = new ArrayList<>();
                    for (Element li : children(e, "li")) {
                        bullets.add(flat(li));
                    }
                    if (heading != null && !bullets.isEmpty()) {
                        sections.add(new Section(heading, List.copyOf(bullets)));
                        heading = null;
                    }
                }
                case "p" -> {
                    String role = e.getAttribute("class");
                    String value = flat(e);
                    switch (role) {
                        case "subtitle" -> body[1] = value;
                        case "lead" -> body[2] = value;
                        case "closing" -> body[3] = value;
                        default -> loose.add((afterSections ? "after:" : "before:") + value);
                    }
                }
                default -> {
                }
            }
        }
        for (String p : loose) {
            if (p.startsWith("before:") && body[2] == null) {
                body[2] = p.substring("before:".length());
            } else if (p.startsWith("after:")) {
                body[3] = p.substring("after:".length());
            }
        }
        return new Body(body[0], body[1], body[2], List.copyOf(sections), body[3]);
    }

    private static Element first(Element root, String name) {
        var found = root.getElementsByTagName(name);
        return found.getLength() == 0 ? null : (Element) found.item(0);
    }

    /** Block elements in document order, not descending into the ones whose text is read whole. */
    private static List<Element> descendants(Element scope) {
        List<Element> out = new ArrayList<>();
        collect(scope, out);
        return out;
    }

    private static void collect(Element parent, List<Element> out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
                if (!List.of("h1", "h2", "p", "ul", "ol").contains(e.getTagName())) {
                    collect(e, out);
                }
            }
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The text of an element, inline markup dropped. Article text holds no line breaks, so where there are some
     * (pretty-printed XHTML), they and the spaces around them become one space.
     */
    private static String flat(Element e) {
        String text = e.getTextContent();
        return text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && text.indexOf('\t') < 0 ? text
                : text.replaceAll("[ ]*[\\t\\n\\r]+[ ]*", " ").strip();
    }
}
