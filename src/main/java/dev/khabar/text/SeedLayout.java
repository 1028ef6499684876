package dev.khabar.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.khabar.article.Section;

/**
 * The plain-text layout editors write articles in, both ways:
 *
 * <pre>
 * category
 * title
 *
 * subtitle
 * lead paragraph
 * section heading
 * - bullet
 * - bullet
 * ...more sections...
 * closing paragraph
 * </pre>
 *
 * Parsing is tolerant of what editors paste (BOM, CRLF, trailing spaces, extra blank lines, {@code •}, {@code –},
 * {@code —} or {@code *} as bullet marks); rendering writes the canonical form, so a canonical text round-trips byte
 * for byte.
 */
public final class SeedLayout {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n|\u2028|\u2029");
    private static final Pattern BULLET = Pattern.compile("^[-•–—*‣▪◦](?:\\s+|$)");

    private SeedLayout() {
    }

    /**
     * A parsed text, for each JSON pointer of the article it produced the line it came from, and what the parser
     * repaired on the way.
     */
    public record Parsed(StructuredText text, Map<String, Integer> lines, List<Repair> repairs) {
    }

    /** Something the parser read differently from how it was written: a bullet mark other than {@code - }. */
    public record Repair(int line, String message) {
    }

    private record Line(int number, String text, boolean bullet) {
    }

    public static Parsed parse(String raw) {
        String body = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        String[] physical = LINE_BREAK.split(body, -1);
        List<Line> lines = new ArrayList<>();
        List<Repair> repairs = new ArrayList<>();
        for (int i = 0; i < physical.length; i++) {
            String text = physical[i].strip();
            if (!text.isEmpty()) {
                var marker = BULLET.matcher(text);
                boolean bullet = marker.find();
                if (bullet && text.charAt(0) != '-') {
                    repairs.add(new Repair(i + 1, "Bullet mark '" + text.charAt(0) + "' read as '- '."));
                }
                lines.add(new Line(i + 1, bullet ? text.substring(marker.end()).strip() : text, bullet));
            }
        }
        if (lines.isEmpty()) {
            throw new LayoutException(1, "The text is empty: an article starts with a category line and a title line.");
        }
        String[] names = { "category", "title", "subtitle", "lead paragraph" };
        for (int i = 0; i < names.length; i++) {
            if (i >= lines.size()) {
                int at = lines.get(lines.size() - 1).number() + 1;
                throw new LayoutException(at, "The text ends early: expected the " + names[i] + " on this line.");
            }
            Line line = lines.get(i);
            if (line.bullet()) {
                throw new LayoutException(line.number(), "Expected the " + names[i] + ", found a bullet line.");
            }
        }
        Line lead = lines.get(3);
        if (lines.size() > 4 && lines.get(4).bullet()) {
            throw new LayoutException(lead.number(), "Expected the lead paragraph, found a section heading (it is "
                    + "followed by bullet lines): the subtitle or the lead paragraph is missing.");
        }
        if (lines.size() < 5) {
            throw new LayoutException(lead.number() + 1, "The text ends early: expected the closing paragraph.");
        }
        Line closing = lines.get(lines.size() - 1);
        if (closing.bullet()) {
            throw new LayoutException(closing.number(),
                    "The article must end with a closing paragraph, found a bullet line.");
        }

        Map<String, Integer> origin = new HashMap<>();
        origin.put("/category/name", lines.get(0).number());
        origin.put("/title", lines.get(1).number());
        origin.put("/subtitle", lines.get(2).number());
        origin.put("/lead", lead.number());
        origin.put("/closing", closing.number());

        List<Section> sections = new ArrayList<>();
        int i = 4;
        while (i < lines.size() - 1) {
            Line heading = lines.get(i);
            int s = sections.size();
            List<String> bullets = new ArrayList<>();
            i++;
            while (i < lines.size() - 1 && lines.get(i).bullet()) {
                Line bullet = lines.get(i);
                origin.put("/sections/" + s + "/bullets/" + bullets.size(), bullet.number());
                bullets.add(bullet.text());
                i++;
            }
            if (bullets.isEmpty()) {
                throw new LayoutException(heading.number(), "A section heading must be followed by bullet lines "
                        + "(starting with '- '); this line is followed by another paragraph. Only the last "
                        + "paragraph (the closing) stands without bullets.");
            }
            origin.put("/sections/" + s + "/heading", heading.number());
            origin.put("/sections/" + s + "/bullets", heading.number());
            sections.add(new Section(heading.text(), List.copyOf(bullets)));
        }
        origin.put("/sections", lead.number() + 1);
        StructuredText text = new StructuredText(lines.get(0).text(), lines.get(1).text(), lines.get(2).text(),
                lead.text(), List.copyOf(sections), closing.text());
        return new Parsed(text, Map.copyOf(origin), List.copyOf(repairs));
    }

    /** The canonical layout: LF line ends, one blank line after the title, {@code - } bullets, no final newline. */
    public static String render(StructuredText article) {
        StringBuilder out = new StringBuilder(4096);
        out.append(article.category()).append('\n')
                .append(article.title()).append("\n\n")
                .append(article.subtitle()).append('\n')
                .append(article.lead()).append('\n');
        for (Section section : article.sections()) {
            out.append(section.heading()).append('\n');
            for (String bullet : section.bullets()) {
                out.append("- ").append(bullet).append('\n');
            }
        }
        return out.append(article.closing()).toString();
    }
}
