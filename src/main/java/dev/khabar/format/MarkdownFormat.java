package dev.khabar.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.khabar.article.Byline;
import dev.khabar.article.CategoryRef;
import dev.khabar.article.FieldError;
import dev.khabar.article.Image;
import dev.khabar.article.InvalidArticleException;
import dev.khabar.article.Section;
import dev.khabar.article.api.ArticleView;

/**
 * The article as Markdown (CommonMark), both ways. Metadata travels in a YAML front matter block (the convention of
 * static site generators); the body follows:
 *
 * <pre>
 * ---
 * language: ar
 * category: اخبار سياسية
 * slug: تصاعد-الأزمة
 * tags:
 *   - روسيا
 * authors:
 *   - ليلى حسن
 * image:
 *   url: https://cdn.example.com/baku.jpg
 *   alt: …
 *   width: 1600
 * ---
 *
 * # title
 *
 * **subtitle**
 *
 * lead paragraph
 *
 * ## section heading
 *
 * - bullet
 *
 * closing paragraph
 * </pre>
 *
 * Text is escaped so that any CommonMark reader shows it as written: {@code \ ` * _ [ ] < > & # | ~} get a backslash
 * everywhere, and so do a leading {@code - + =} and the {@code .} or {@code )} of a leading number. Front matter
 * values are plain YAML scalars, double-quoted when YAML would read them otherwise. The reader takes what the writer
 * writes, and the common variations of hand-written Markdown ({@code *}, {@code +} and numbered lists, lines of one
 * paragraph broken over several, {@code ###} headings, a subtitle without bold), and reports each repair as a warning;
 * anything it cannot place is an error naming its line.
 */
public final class MarkdownFormat {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$");
    private static final Pattern ITEM = Pattern.compile("^( *)(?:([-*+])|([0-9]{1,9})[.)])(?:[ \t]+(.*))?$");
    private static final Pattern RULE = Pattern.compile("^ {0,3}([-*_])(?:[ \t]*\\1){2,}[ \t]*$");
    private static final Pattern KEY = Pattern.compile("^([A-Za-z][A-Za-z0-9_-]*):(?:[ \t]+(.*?))?[ \t]*$");
    private static final Pattern NESTED = Pattern.compile("^[ \t]+(?:- (.*?)|([A-Za-z][A-Za-z0-9_-]*):(?:[ \t]+(.*?))?)[ \t]*$");
    private static final Pattern ESCAPED = Pattern.compile("\\\\([!-/:-@\\[-`{-~])|&(amp|lt|gt|quot|#39|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^([0-9]{1,9})([.)])");
    private static final String ESCAPE_ALWAYS = "\\`*_[]<>&#|~";

    private MarkdownFormat() {
    }

    // ---------------------------------------------------------------------------------------------------- writing

    public static String render(ArticleView article) {
        StringBuilder out = new StringBuilder(8192);
        out.append("---\n");
        out.append("language: ").append(scalar(article.language())).append('\n');
        out.append("category: ").append(scalar(article.category().name())).append('\n');
        out.append("slug: ").append(scalar(article.slug())).append('\n');
        list(out, "tags", article.tags());
        list(out, "authors", article.authors().stream().map(Byline::name).toList());
        Image image = article.image();
        if (image != null) {
            out.append("image:\n  url: ").append(scalar(image.url())).append('\n');
            entry(out, "alt", image.alt());
            entry(out, "caption", image.caption());
            entry(out, "credit", image.credit());
            if (image.width() != null) {
                out.append("  width: ").append(image.width()).append('\n');
            }
            if (image.height() != null) {
                out.append("  height: ").append(image.height()).append('\n');
            }
        }
        out.append("---\n\n# ").append(escape(article.title())).append('\n');
        if (!article.subtitle().isEmpty()) {
            out.append("\n**").append(escape(article.subtitle())).append("**\n");
        }
        if (!article.lead().isEmpty()) {
            out.append('\n').append(escape(article.lead())).append('\n');
        }
        for (Section section : article.sections()) {
            out.append("\n## ").append(escape(section.heading())).append("\n\n");
            for (String bullet : section.bullets()) {
                out.append("- ").append(escape(bullet)).append('\n');
            }
        }
        if (!article.closing().isEmpty()) {
            out.append('\n').append(escape(article.closing())).append('\n');
        }
        return out.toString();
    }

    private static void list(StringBuilder out, String key, List<String> values) {
        if (values.isEmpty()) {
            out.append(key).append(": []\n");
            return;
        }
        out.append(key).append(":\n");
        values.forEach(v -> out.append("  - ").append(scalar(v)).append('\n'));
    }

    private static void entry(StringBuilder out, String key, String value) {
        if (value != null) {
            out.append("  ").append(key).append(": ").append(scalar(value)).append('\n');
        }
    }

    /** Backslash-escapes what CommonMark would read as markup, so the text reads back as written. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (ESCAPE_ALWAYS.indexOf(c) >= 0 || i == 0 && (c == '-' || c == '+' || c == '=')) {
                out.append('\\');
            }
            out.append(c);
        }
        Matcher number = LEADING_NUMBER.matcher(out);
        if (number.find()) {
            out.insert(number.start(2), '\\');
        }
        return out.toString();
    }

    /** A YAML scalar: plain when YAML reads it back unchanged, else double-quoted. */
    static String scalar(String value) {
        boolean plain = !value.isEmpty() && value.strip().equals(value)
                && "-?:,[]{}#&*!|>'\"%@`".indexOf(value.charAt(0)) < 0
                && !value.contains(": ") && !value.contains(" #") && !value.endsWith(":")
                && !value.matches("(?i)[-+.0-9]+|true|false|yes|no|on|off|null|~|y|n");
        if (plain) {
            return value;
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // ---------------------------------------------------------------------------------------------------- reading

    private enum Kind { HEADING, PARAGRAPH, ITEM }

    private record Block(Kind kind, int level, String raw, int line) {
    }

    /** Reads Markdown in the shape {@link #render} writes; errors name their line. */
    public static Imported parse(String markdown) {
        String body = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
        String[] lines = LINE_BREAK.split(body, -1);
        Map<String, Integer> origin = new HashMap<>();
        List<ImportWarning> warnings = new ArrayList<>();
        FrontMatter front = new FrontMatter();
        int at = 0;
        while (at < lines.length && lines[at].isBlank()) {
            at++;
        }
        if (at < lines.length && lines[at].strip().equals("---")) {
            at = front.read(lines, at + 1, origin, warnings);
        }
        List<Block> blocks = blocks(lines, at, warnings);
        if (blocks.isEmpty()) {
            throw layout(lines.length, "The Markdown has no article: it starts with a title line ('# ').");
        }
        int b = 0;
        Block first = blocks.get(0);
        if (first.kind() != Kind.HEADING || first.level() != 1) {
            throw layout(first.line(), "Expected the title, a line starting with '# ', before anything else.");
        }
        String title = unescape(first.raw());
        origin.put("/title", first.line());
        b++;
        List<Block> opening = new ArrayList<>();
        while (b < blocks.size() && blocks.get(b).kind() == Kind.PARAGRAPH) {
            opening.add(blocks.get(b++));
        }
        if (b < blocks.size() && blocks.get(b).kind() == Kind.ITEM) {
            throw layout(blocks.get(b).line(), "A bullet before the first section heading: a section starts with a "
                    + "'## ' line, followed by its '- ' bullets.");
        }
        List<Section> sections = new ArrayList<>();
        Block closingBlock = null;
        while (b < blocks.size()) {
            Block heading = blocks.get(b++);
            if (heading.kind() != Kind.HEADING) {
                throw layout(heading.line(), "Only the closing paragraph may follow the bullets of a section, and "
                        + "it comes last: this paragraph is followed by another section.");
            }
            if (heading.level() == 1) {
                throw layout(heading.line(), "A second title ('# '): section headings start with '## '.");
            }
            if (heading.level() > 2) {
                warnings.add(ImportWarning.atLine(heading.line(), "Heading level " + heading.level()
                        + " read as a section heading ('## ')."));
            }
            int s = sections.size();
            List<String> bullets = new ArrayList<>();
            while (b < blocks.size() && blocks.get(b).kind() == Kind.ITEM) {
                Block item = blocks.get(b++);
                origin.put("/sections/" + s + "/bullets/" + bullets.size(), item.line());
                bullets.add(unescape(item.raw()));
            }
            if (bullets.isEmpty()) {
                throw layout(heading.line(), "A section heading must be followed by bullet lines (starting with '- ').");
            }
            origin.put("/sections/" + s + "/heading", heading.line());
            origin.put("/sections/" + s + "/bullets", heading.line());
            sections.add(new Section(unescape(heading.raw()), List.copyOf(bullets)));
            if (b < blocks.size() && blocks.get(b).kind() == Kind.PARAGRAPH) {
                Block paragraph = blocks.get(b++);
                if (b < blocks.size()) {
                    Block after = blocks.get(b);
                    throw layout(after.kind() == Kind.PARAGRAPH ? after.line() : paragraph.line(),
                            after.kind() == Kind.PARAGRAPH
                                    ? "More than one paragraph after the last section: the closing is one paragraph."
                                    : "Only the closing paragraph may follow the bullets of a section, and it comes "
                                            + "last: this paragraph is followed by another section.");
                }
                closingBlock = paragraph;
            }
        }
        Block subtitle = null;
        Block lead = null;
        int next = 0;
        if (!opening.isEmpty() && bold(opening.get(0).raw()) != null) {
            subtitle = opening.get(next++);
        }
        int rest = opening.size() - next;
        int allowed = sections.isEmpty() ? 2 : 1;
        if (subtitle == null && rest == allowed + 1) {
            subtitle = opening.get(next++);
            rest--;
            warnings.add(ImportWarning.atLine(subtitle.line(), "A paragraph read as the subtitle (the writer marks "
                    + "it bold: '**subtitle**')."));
        }
        if (rest > allowed) {
            Block extra = opening.get(next + allowed);
            throw layout(extra.line(), sections.isEmpty()
                    ? "Too many paragraphs: an article without sections has a subtitle, a lead and a closing paragraph."
                    : "Too many paragraphs before the first section: only the subtitle ('**subtitle**') and the lead "
                            + "paragraph stand there.");
        }
        if (rest >= 1) {
            lead = opening.get(next++);
        }
        if (rest == 2) {
            closingBlock = opening.get(next);
        }
        String subtitleText = "";
        if (subtitle != null) {
            String inner = bold(subtitle.raw());
            subtitleText = unescape(inner != null ? inner : subtitle.raw());
            origin.put("/subtitle", subtitle.line());
        }
        if (lead != null) {
            origin.put("/lead", lead.line());
        }
        if (closingBlock != null) {
            origin.put("/closing", closingBlock.line());
        }
        origin.put("/sections", lead != null ? lead.line() : first.line());
        if (front.category == null) {
            throw layout(1, "The category is missing: Markdown names it in the front matter, e.g. '---', "
                    + "'category: Politics', '---' before the title.");
        }
        return new Imported(front.language, front.slug, new CategoryRef(null, front.category), title, subtitleText,
                lead == null ? "" : unescape(lead.raw()), List.copyOf(sections),
                closingBlock == null ? "" : unescape(closingBlock.raw()), front.tags, front.authors,
                front.image(origin, warnings), Map.copyOf(origin), Map.of(),
                warnings.stream().sorted(Comparator.comparing(ImportWarning::line)).toList());
    }

    private static String bold(String raw) {
        if ((raw.startsWith("**") && raw.endsWith("**") || raw.startsWith("__") && raw.endsWith("__"))
                && raw.length() > 4 && raw.charAt(raw.length() - 3) != '\\') {
            return raw.substring(2, raw.length() - 2);
        }
        return null;
    }

    /** Lines to blocks: headings, paragraphs (lines joined), list items (continuation lines joined). */
    private static List<Block> blocks(String[] lines, int from, List<ImportWarning> warnings) {
        List<Block> blocks = new ArrayList<>();
        Block open = null;
        for (int i = from; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (line.isBlank()) {
                open = null;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            Matcher item = ITEM.matcher(line);
            if (heading.matches()) {
                blocks.add(new Block(Kind.HEADING, heading.group(1).length(),
                        heading.group(2) == null ? "" : heading.group(2).strip(), number));
                open = null;
            } else if (RULE.matcher(line).matches()) {
                warnings.add(ImportWarning.atLine(number, "Thematic break ignored."));
                open = null;
            } else if (item.matches() && (item.group(4) != null && !item.group(4).isBlank())) {
                if (item.group(3) != null) {
                    warnings.add(ImportWarning.atLine(number, "Numbered item read as a bullet."));
                } else if (!item.group(2).equals("-")) {
                    warnings.add(ImportWarning.atLine(number, "Bullet mark '" + item.group(2) + "' read as '- '."));
                }
                if (item.group(1).length() >= 2) {
                    warnings.add(ImportWarning.atLine(number, "Nested list item read as a bullet of the section."));
                }
                open = new Block(Kind.ITEM, 0, item.group(4).strip(), number);
                blocks.add(open);
            } else if (open != null) {
                warnings.add(ImportWarning.atLine(number, "Line joined to the " + (open.kind() == Kind.ITEM
                        ? "bullet" : "paragraph") + " of line " + open.line() + "."));
                open = new Block(open.kind(), 0, open.raw() + " " + line.strip(), open.line());
                blocks.set(blocks.size() - 1, open);
            } else {
                open = new Block(Kind.PARAGRAPH, 0, line.strip(), number);
                blocks.add(open);
            }
        }
        return blocks;
    }

    /** Removes backslash escapes and decodes the character references CommonMark readers decode. */
    static String unescape(String raw) {
        Matcher m = ESCAPED.matcher(raw);
        StringBuilder out = new StringBuilder(raw.length());
        while (m.find()) {
            String replacement;
            if (m.group(1) != null) {
                replacement = m.group(1);
            } else {
                String entity = m.group(2);
                replacement = switch (entity) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "#39" -> "'";
                    default -> {
                        int cp = entity.charAt(1) == 'x' || entity.charAt(1) == 'X'
                                ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1));
                        yield Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : "\uFFFD";
                    }
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static InvalidArticleException layout(int line, String message) {
        return new InvalidArticleException(List.of(new FieldError("", message, Math.max(1, line))));
    }

    /** The front matter: a small subset of YAML (scalars, lists of scalars, one map for the image). */
    private static final class FrontMatter {
        String language;
        String category;
        String slug;
        List<String> tags = List.of();
        List<Byline> authors = List.of();
        Map<String, String> imageFields;
        Map<String, Integer> imageLines = new HashMap<>();
        int imageLine;

        int read(String[] lines, int from, Map<String, Integer> origin, List<ImportWarning> warnings) {
            int i = from;
            while (i < lines.length) {
                String line = lines[i];
                int number = i + 1;
                String stripped = line.strip();
                if (stripped.equals("---") || stripped.equals("...")) {
                    return i + 1;
                }
                if (stripped.isEmpty() || stripped.startsWith("#")) {
                    i++;
                    continue;
                }
                Matcher key = KEY.matcher(line);
                if (!key.matches()) {
                    throw layout(number, "The front matter holds 'key: value' lines; this line is not one.");
                }
                String name = key.group(1);
                String value = key.group(2);
                List<String> items = new ArrayList<>();
                List<Integer> itemLines = new ArrayList<>();
                Map<String, String> fields = new LinkedHashMap<>();
                Map<String, Integer> fieldLines = new HashMap<>();
                i++;
                if (value == null || value.isEmpty()) {
                    while (i < lines.length) {
                        Matcher nested = NESTED.matcher(lines[i]);
                        if (lines[i].isBlank() || !nested.matches()) {
                            break;
                        }
                        if (nested.group(1) != null) {
                            items.add(scalarValue(nested.group(1), i + 1));
                            itemLines.add(i + 1);
                        } else {
                            fields.put(nested.group(2), nested.group(3) == null ? "" : scalarValue(nested.group(3), i + 1));
                            fieldLines.put(nested.group(2), i + 1);
                        }
                        i++;
                    }
                } else if (value.startsWith("[")) {
                    items.addAll(flowList(value, number));
                    items.forEach(x -> itemLines.add(number));
                }
                switch (name) {
                    case "language", "lang" -> {
                        language = scalarValue(value == null ? "" : value, number);
                        origin.put("/language", number);
                    }
                    case "category" -> {
                        category = scalarValue(value == null ? "" : value, number);
                        origin.put("/category/name", number);
                        origin.put("/category", number);
                    }
                    case "slug" -> {
                        slug = scalarValue(value == null ? "" : value, number);
                        origin.put("/slug", number);
                    }
                    case "tags" -> {
                        tags = List.copyOf(items);
                        origin.put("/tags", number);
                        for (int t = 0; t < itemLines.size(); t++) {
                            origin.put("/tags/" + t, itemLines.get(t));
                        }
                    }
                    case "authors" -> {
                        authors = items.stream().map(Byline::new).toList();
                        origin.put("/authors", number);
                        for (int a = 0; a < itemLines.size(); a++) {
                            origin.put("/authors/" + a, itemLines.get(a));
                        }
                    }
                    case "image" -> {
                        imageFields = fields;
                        imageLines = fieldLines;
                        imageLine = number;
                    }
                    default -> warnings.add(ImportWarning.atLine(number, "Front matter key '" + name + "' ignored."));
                }
            }
            throw layout(lines.length, "The front matter is not closed: it ends with a '---' line.");
        }

        Image image(Map<String, Integer> origin, List<ImportWarning> warnings) {
            if (imageFields == null) {
                return null;
            }
            origin.put("/image", imageLine);
            imageLines.forEach((k, line) -> origin.put("/image/" + k, line));
            for (String key : imageFields.keySet()) {
                if (!List.of("url", "alt", "caption", "credit", "width", "height").contains(key)) {
                    warnings.add(ImportWarning.atLine(imageLines.get(key), "Image key '" + key + "' ignored."));
                }
            }
            return new Image(imageFields.get("url"), imageFields.get("alt"), imageFields.get("caption"),
                    imageFields.get("credit"), number(imageFields.get("width"), imageLines.get("width")),
                    number(imageFields.get("height"), imageLines.get("height")));
        }

        private static Integer number(String value, Integer line) {
            if (value == null) {
                return null;
            }
            if (!value.matches("[0-9]{1,9}")) {
                throw layout(line, "Expected a whole number of pixels, found '" + value + "'.");
            }
            return Integer.valueOf(value);
        }
    }

    private static List<String> flowList(String value, int line) {
        String inner = value.strip();
        if (!inner.endsWith("]")) {
            throw layout(line, "A list in brackets ends with ']' on the same line.");
        }
        inner = inner.substring(1, inner.length() - 1).strip();
        List<String> items = new ArrayList<>();
        int i = 0;
        while (i < inner.length()) {
            int end;
            if (inner.charAt(i) == '"' || inner.charAt(i) == '\'') {
                end = closingQuote(inner, i, line) + 1;
            } else {
                end = inner.indexOf(',', i);
                end = end < 0 ? inner.length() : end;
            }
            items.add(scalarValue(inner.substring(i, end).strip(), line));
            i = inner.indexOf(',', end);
            i = i < 0 ? inner.length() : i + 1;
            while (i < inner.length() && inner.charAt(i) == ' ') {
                i++;
            }
        }
        return items;
    }

    /** A YAML scalar: plain (a trailing comment removed), double-quoted (with escapes) or single-quoted. */
    static String scalarValue(String value, int line) {
        String v = value.strip();
        if (v.startsWith("\"")) {
            int end = closingQuote(v, 0, line);
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < end; i++) {
                char c = v.charAt(i);
                if (c == '\\') {
                    char e = v.charAt(++i);
                    switch (e) {
                        case 'u' -> {
                            out.append((char) Integer.parseInt(v.substring(i + 1, i + 5), 16));
                            i += 4;
                        }
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
        if (v.startsWith("'")) {
            int end = closingQuote(v, 0, line);
            return v.substring(1, end).replace("''", "'");
        }
        int comment = v.indexOf(" #");
        return comment < 0 ? v : v.substring(0, comment).strip();
    }

    private static int closingQuote(String v, int open, int line) {
        char quote = v.charAt(open);
        for (int i = open + 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if (quote == '"' && c == '\\') {
                if (i + 1 < v.length() && v.charAt(i + 1) == 'u' && !v.substring(i + 2).matches("(?s)[0-9a-fA-F]{4}.*")) {
                    throw layout(line, "A \\u escape needs four hexadecimal digits.");
                }
                i++;
            } else if (c == quote) {
                if (quote == '\'' && i + 1 < v.length() && v.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        throw layout(line, "A quoted value is not closed.");
    }
}
